package io.demandcast.core.model;

import io.demandcast.core.artifact.Artifact;
import io.demandcast.core.artifact.ArtifactException;
import io.demandcast.core.config.Durations;
import java.time.Duration;
import java.time.Instant;

/** {@code predict.max_model_age}: how old a published model may be, from its manifest's creation time. */
public final class ModelAge {
    private ModelAge() {
    }

    /**
     * How a refusal names the limit and the way out.
     *
     * @param name    the option or key that set the limit ({@code --max-model-age}, {@code predict.max_model_age})
     * @param retrain the command that publishes a newer version ({@code demandcast train -c x.yaml})
     */
    public record Limit(String name, String retrain) {
        /** For callers that only have the config. */
        public static final Limit NAMED_BY_CONFIG = new Limit("predict.max_model_age", "demandcast train");
    }

    /**
     * @throws ArtifactException {@code predict: model <name> <version> was trained 9d 2h ago, older than
     *                           <limit> 7d; retrain it (<retrain>)} when more than {@code max} has passed
     *                           between the manifest's creation time and {@code now}
     */
    static void require(Artifact artifact, Duration max, Limit limit, Instant now) {
        Duration age = Duration.between(artifact.manifest().createdAt(), now);
        if (age.compareTo(max) > 0) {
            throw new ArtifactException("predict: model " + artifact.name() + " " + artifact.version() + " was trained "
                    + text(age) + " ago, older than " + limit.name() + " " + Durations.format(max)
                    + "; retrain it (" + limit.retrain() + ")");
        }
    }

    /** An age in its two largest units, spaced: {@code 9d 2h}, {@code 3h 5m}, {@code 40s} (a zero second unit is left out). */
    static String text(Duration d) {
        long s = Math.max(0, d.getSeconds());
        long[] sizes = {86400, 3600, 60, 1};
        String[] units = {"d", "h", "m", "s"};
        int i = 0;
        while (i < sizes.length - 1 && s < sizes[i]) {
            i++;
        }
        String first = s / sizes[i] + units[i];
        long next = i + 1 < sizes.length ? s % sizes[i] / sizes[i + 1] : 0;
        return next > 0 ? first + " " + next + units[i + 1] : first;
    }
}
