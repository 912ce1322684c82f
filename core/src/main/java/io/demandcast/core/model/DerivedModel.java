package io.demandcast.core.model;

import java.nio.file.Path;
import java.util.Map;

/**
 * A fitted model adapted from another fitted model of its family (a fine-tuned network and its
 * pre-trained parent). {@code train} publishes the parent as an artifact of its own first, then the
 * child naming it ({@link #withPublishedParent}).
 */
public interface DerivedModel extends FittedModel {

    /** The parent fitted in this run, still to be published; null when there is none to publish. */
    FittedModel unpublishedParent();

    /** The parent's hyper-parameters, for its artifact manifest. */
    Map<String, Object> parentParameters();

    /** The prepared dataset directory the parent was fitted on (its artifact's data fingerprint). */
    Path parentData();

    /**
     * This model naming its parent's artifact.
     *
     * @param manifestSha256 SHA-256 of the parent artifact's {@code manifest.json} (which holds every file's checksum)
     */
    DerivedModel withPublishedParent(String name, String version, String manifestSha256);
}
