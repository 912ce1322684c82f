package io.demandcast.core.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code train} that published nothing, and the version that made it unnecessary: the newest
 * version already holds the same config and data ({@link Reason#IDENTICAL}), or it is younger than
 * {@code --if-older-than} ({@link Reason#YOUNG}, then nothing was prepared or fitted either).
 *
 * @param modelName the model
 * @param version   the version {@code LATEST} names
 * @param directory its directory
 * @param reason    why nothing was published
 * @param age       the version's age (now minus its manifest's {@code created_at})
 * @param limit     {@code --if-older-than}, null for {@link Reason#IDENTICAL}
 */
public record TrainSkipped(String modelName, String version, Path directory, Reason reason, Duration age, Duration limit) {

    /** Why {@code train} published nothing. */
    public enum Reason {
        /** Same resolved config and data content as the newest version. */
        IDENTICAL("identical"),
        /** The newest version is younger than {@code --if-older-than}. */
        YOUNG("younger_than_limit");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public TrainSkipped {
        Objects.requireNonNull(reason, "reason");
        if (reason == Reason.YOUNG && limit == null) {
            throw new IllegalArgumentException("a skip for age needs the limit");
        }
    }

    /** The stderr line. */
    public String text() {
        return switch (reason) {
            case IDENTICAL -> "train: " + modelName + " " + version
                    + " already holds this config and data; nothing published (--force publishes a new version)";
            case YOUNG -> "train: " + modelName + " " + version + " is " + readable(age) + " old, younger than "
                    + io.demandcast.core.config.Durations.format(limit) + "; not retrained";
        };
    }

    /** {@code --json}: {@code published} false, {@code skipped} true only when {@code --if-older-than} skipped the run. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model_name", modelName);
        m.put("version", version);
        m.put("directory", directory.toString());
        m.put("published", false);
        m.put("skipped", reason == Reason.YOUNG);
        m.put("reason", reason.label());
        m.put("age_seconds", age.getSeconds());
        if (limit != null) {
            m.put("if_older_than_seconds", limit.getSeconds());
        }
        return m;
    }

    /** An age as its two largest units, e.g. {@code 2d 3h}, {@code 5m 10s}, {@code 40s}. */
    static String readable(Duration age) {
        long s = Math.max(0, age.getSeconds());
        long[] sizes = {86400, 3600, 60, 1};
        String[] units = {"d", "h", "m", "s"};
        StringBuilder b = new StringBuilder();
        int parts = 0;
        for (int i = 0; i < sizes.length && parts < 2; i++) {
            long n = s / sizes[i];
            if (n > 0 || (parts > 0)) {
                if (n > 0) {
                    b.append(b.length() > 0 ? " " : "").append(n).append(units[i]);
                }
                parts++;
            }
            s %= sizes[i];
        }
        return b.length() == 0 ? "0s" : b.toString();
    }
}
