package io.demandcast.core.artifact;

import io.demandcast.core.DemandcastException;

/**
 * An artifact that cannot be used: missing from the store, written in an unknown format version,
 * or failing its checksums. A user error: the message names the store, model, version or file and
 * says what to do.
 */
public class ArtifactException extends DemandcastException {
    private static final long serialVersionUID = 1L;

    public ArtifactException(String message) {
        super(message);
    }

    public ArtifactException(String message, Throwable cause) {
        super(message, cause);
    }
}
