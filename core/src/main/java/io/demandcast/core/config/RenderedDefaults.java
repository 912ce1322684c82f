package io.demandcast.core.config;

/**
 * Jackson value filters ({@code @JsonInclude(value = CUSTOM, valueFilter = ...)}) that leave a key out
 * of the rendered config while it holds its default. The rendered {@code name}, {@code data} and
 * {@code prepare} sections, with every other section at its defaults, are what a prepared dataset's
 * {@code config_sha256} hashes (and what model versions are named after), so a key added with a
 * default value must not appear in a config that does not set it: otherwise every dataset prepared
 * before the key existed would be reported stale. Jackson excludes a value when the filter's
 * {@code equals(value)} is true.
 */
public final class RenderedDefaults {
    private RenderedDefaults() {
    }

    /** {@code predict.review_period} at its default, 0. */
    public static final class ReviewPeriod {
        @Override
        public boolean equals(Object value) {
            return Integer.valueOf(PredictConfig.DEFAULT_REVIEW_PERIOD).equals(value);
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /** {@code predict.sample_paths} at its default. */
    public static final class SamplePaths {
        @Override
        public boolean equals(Object value) {
            return Integer.valueOf(PredictConfig.DEFAULT_SAMPLE_PATHS).equals(value);
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /** {@code predict.seed} at its default. */
    public static final class Seed {
        @Override
        public boolean equals(Object value) {
            return Long.valueOf(PredictConfig.DEFAULT_SEED).equals(value);
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /** The {@code plan} section with every key at its default. */
    public static final class Plan {
        @Override
        public boolean equals(Object value) {
            return PlanConfig.defaults().equals(value);
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}
