package io.demandcast.core.config;

import java.util.List;

/**
 * Cleaning, feature engineering and split, applied by {@code prepare} in this order: gaps,
 * negatives, outliers, missing values, aggregation, features, scaling, split, anonymisation.
 *
 * @param output     prepared dataset directory (default {@code build/prepared/<name>})
 * @param gaps       how missing periods are filled
 * @param negatives  what to do with negative targets
 * @param outliers   outlier rule and action
 * @param aggregate  coarser frequency to sum the target to (e.g. {@code weekly}); none when absent
 * @param features   calendar, lag, rolling and price features
 * @param scaling    scaling of numeric features
 * @param split      train / validation / test split by date
 * @param anonymize  replace series ids by a salted HMAC
 */
public record PrepareConfig(String output, GapConfig gaps, NegativePolicy negatives, OutlierConfig outliers,
                            String aggregate, FeatureConfig features, ScalingConfig scaling, SplitConfig split,
                            AnonymizeConfig anonymize) {

    public PrepareConfig {
        gaps = gaps == null ? new GapConfig(null, null) : gaps;
        negatives = negatives == null ? NegativePolicy.keep : negatives;
        outliers = outliers == null ? new OutlierConfig(null, null, null, null) : outliers;
        if (aggregate != null) {
            io.demandcast.core.data.Frequency.parse(aggregate);
        }
        features = features == null ? new FeatureConfig(null, null, null, null) : features;
        scaling = scaling == null ? new ScalingConfig(null, null) : scaling;
        split = split == null ? new SplitConfig(null, null, null, null) : split;
    }

    public static PrepareConfig defaults() {
        return new PrepareConfig(null, null, null, null, null, null, null, null, null);
    }

    /** Fill rule for a missing value or period. */
    public enum Fill { zero, ffill, missing, mean, linear }

    /** What to do with negative targets (returns in sales data). */
    public enum NegativePolicy { keep, zero, missing, error }

    /**
     * @param target     fill for the target on missing periods and empty cells (default {@code zero}, right for unit sales)
     * @param covariates fill for covariates (default {@code ffill}, right for prices)
     */
    public record GapConfig(Fill target, Fill covariates) {
        public GapConfig {
            target = target == null ? Fill.zero : target;
            covariates = covariates == null ? Fill.ffill : covariates;
        }
    }

    /** Outlier rule. */
    public enum OutlierMethod { none, hampel, iqr }

    /** What happens to an outlier. */
    public enum OutlierAction { flag, clip, replace }

    /**
     * @param method    {@code none} (default), {@code hampel} (rolling median ± k·MAD) or {@code iqr} (Q1−k·IQR, Q3+k·IQR)
     * @param window    Hampel half-window in periods (default 7)
     * @param threshold k (default 3 for Hampel, 1.5 for IQR)
     * @param action    {@code flag} (adds a 0/1 column), {@code clip} (to the bound) or {@code replace} (by the rolling median)
     */
    public record OutlierConfig(OutlierMethod method, Integer window, Double threshold, OutlierAction action) {
        public OutlierConfig {
            method = method == null ? OutlierMethod.none : method;
            window = window == null ? 7 : window;
            if (window < 1) {
                throw new IllegalArgumentException("prepare.outliers.window must be >= 1 (got " + window + ")");
            }
            threshold = threshold == null ? (method == OutlierMethod.iqr ? 1.5 : 3.0) : threshold;
            if (!(threshold > 0)) {
                throw new IllegalArgumentException("prepare.outliers.threshold must be > 0 (got " + threshold + ")");
            }
            action = action == null ? OutlierAction.flag : action;
        }
    }

    /**
     * @param calendar calendar features to add: {@code day_of_week, week_of_year, month, quarter, year, events}
     * @param lags     target lags in periods
     * @param rolling  rolling windows of the (lagged by one) target
     * @param price    price features; none when absent
     */
    public record FeatureConfig(List<String> calendar, List<Integer> lags, RollingConfig rolling, PriceConfig price) {
        public FeatureConfig {
            calendar = calendar == null ? List.of() : List.copyOf(calendar);
            lags = lags == null ? List.of() : List.copyOf(lags);
            for (int lag : lags) {
                if (lag < 1) {
                    throw new IllegalArgumentException("prepare.features.lags must be >= 1 (got " + lag + ")");
                }
            }
            rolling = rolling == null ? new RollingConfig(null, null) : rolling;
        }
    }

    /**
     * @param windows window lengths in periods
     * @param stats   {@code mean} and/or {@code std}
     */
    public record RollingConfig(List<Integer> windows, List<String> stats) {
        public RollingConfig {
            windows = windows == null ? List.of() : List.copyOf(windows);
            for (int w : windows) {
                if (w < 1) {
                    throw new IllegalArgumentException("prepare.features.rolling.windows must be >= 1 (got " + w + ")");
                }
            }
            stats = stats == null ? List.of("mean") : List.copyOf(stats);
        }
    }

    /**
     * @param column price column (must be a covariate)
     * @param window rolling window for price relative to its mean (default 28)
     */
    public record PriceConfig(String column, Integer window) {
        public PriceConfig {
            if (column == null || column.isBlank()) {
                throw new IllegalArgumentException("prepare.features.price.column is required");
            }
            window = window == null ? 28 : window;
        }
    }

    /** Scaling method. */
    public enum ScalingMethod { none, minmax, standard }

    /**
     * @param method  {@code none} (default), {@code minmax} or {@code standard}
     * @param columns numeric columns to scale (default: every covariate and feature, never the target)
     */
    public record ScalingConfig(ScalingMethod method, List<String> columns) {
        public ScalingConfig {
            method = method == null ? ScalingMethod.none : method;
            columns = columns == null ? List.of() : List.copyOf(columns);
        }
    }

    /**
     * Either the last N periods ({@code test}, {@code validation}) or explicit first dates.
     *
     * @param test            periods in the test split (default 0)
     * @param validation      periods in the validation split (default 0)
     * @param testStart       first date of the test split (instead of {@code test})
     * @param validationStart first date of the validation split (instead of {@code validation})
     */
    public record SplitConfig(Integer test, Integer validation, String testStart, String validationStart) {
        public SplitConfig {
            if (test != null && testStart != null) {
                throw new IllegalArgumentException("prepare.split: give test or test_start, not both");
            }
            if (validation != null && validationStart != null) {
                throw new IllegalArgumentException("prepare.split: give validation or validation_start, not both");
            }
            test = test == null ? 0 : test;
            validation = validation == null ? 0 : validation;
            if (test < 0 || validation < 0) {
                throw new IllegalArgumentException("prepare.split.test and validation must be >= 0");
            }
        }
    }

    /**
     * @param saltEnv environment variable holding the HMAC salt (default {@code DEMANDCAST_SALT})
     */
    public record AnonymizeConfig(String saltEnv) {
        public AnonymizeConfig {
            saltEnv = saltEnv == null ? "DEMANDCAST_SALT" : saltEnv;
        }
    }
}
