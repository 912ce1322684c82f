package io.demandcast.core.artifact;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code models prune}: which versions of a model to delete, and deleting them.
 *
 * <p>Kept, whatever the options say: the {@code keep} newest versions; the version {@code LATEST}
 * names (what {@code predict} loads); a version another model was fine-tuned from (a
 * {@code -pretrained} parent still named by a child); with {@code olderThan}, every version younger
 * than that, and every version whose manifest cannot be read (its age is unknown). All the others
 * are deleted, each through {@link ArtifactStore#delete} (crash-safe).
 */
public final class StorePruner {
    private StorePruner() {
    }

    /**
     * One version and why it is kept ({@code reason} null when it is deleted).
     */
    public record Decision(StoredVersion version, String reason) {
        public boolean deleted() {
            return reason == null;
        }
    }

    /** What a prune does to one model: every version, oldest first, with its decision. */
    public record Plan(String model, List<Decision> decisions) {
        public List<StoredVersion> deleted() {
            return decisions.stream().filter(Decision::deleted).map(Decision::version).toList();
        }

        public List<Decision> kept() {
            return decisions.stream().filter(d -> !d.deleted()).toList();
        }
    }

    /**
     * @param keep      how many of the newest versions to keep, {@code >= 0}
     * @param olderThan delete only versions created longer ago than this, or null for any age
     * @param now       the time ages are measured from
     * @throws ArtifactException when the model has no version
     */
    public static Plan plan(StoreCatalog catalog, String model, int keep, Duration olderThan, Instant now) throws IOException {
        if (keep < 0) {
            throw new IllegalArgumentException("keep must be >= 0 (got " + keep + ")");
        }
        Objects.requireNonNull(now, "now");
        List<StoredVersion> versions = catalog.versions(model);
        Set<String> parents = catalog.pretrainedParentsInUse();
        List<Decision> out = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            StoredVersion v = versions.get(i);
            out.add(new Decision(v, reason(v, versions.size() - i <= keep, olderThan, now, parents)));
        }
        return new Plan(model, out);
    }

    private static String reason(StoredVersion v, boolean newest, Duration olderThan, Instant now, Set<String> parents) {
        if (v.latest()) {
            return "LATEST";
        }
        if (newest) {
            return "among the newest kept";
        }
        if (parents.contains(v.model() + "@" + v.version())) {
            return "pre-trained parent of a version in the store";
        }
        if (olderThan != null) {
            if (v.manifest() == null) {
                return "age unknown (" + v.problem() + ")";
            }
            if (!v.manifest().createdAt().isBefore(now.minus(olderThan))) {
                return "younger than " + io.demandcast.core.config.Durations.format(olderThan);
            }
        }
        return null;
    }

    /** Deletes the plan's versions, oldest first; returns those deleted. */
    public static List<StoredVersion> execute(StoreCatalog catalog, Plan plan) throws IOException {
        List<StoredVersion> done = new ArrayList<>();
        for (StoredVersion v : plan.deleted()) {
            catalog.store().delete(plan.model(), v.version());
            done.add(v);
        }
        return done;
    }
}
