package io.demandcast.core.config;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Cleaning, feature engineering and split, applied by {@code prepare} in this order: negatives,
 * gaps and missing values, outliers, aggregation, features, split, scaling (fitted on the train
 * split), anonymisation, quality report. Negatives come first so that {@code negatives: missing}
 * cells are imputed like any other empty cell.
 *
 * @param output     prepared dataset directory (default {@code build/prepared/<name>})
 * @param gaps       how missing periods are filled
 * @param negatives  what to do with negative targets
 * @param outliers   outlier rule and action
 * @param aggregate  coarser frequency to sum the target to (e.g. {@code weekly}); none when absent
 * @param features   calendar, lag, rolling and price features
 * @param scaling    scaling of numeric features
 * @param split      train / validation / test split by date
 * @param anonymize  replace series ids by a salted HMAC; off when absent
 * @param warnings   thresholds of the data warnings prepare prints (see {@link WarningsConfig})
 * @param failOnWarnings when true, any data warning is an error (exit 2) and nothing is written (default false)
 * @param endedSeries what happens to a series whose last observation is before the panel's last date
 *                   (default {@link EndedSeriesPolicy#fill})
 */
public record PrepareConfig(String output, GapConfig gaps, NegativePolicy negatives, OutlierConfig outliers,
                            String aggregate, FeatureConfig features, ScalingConfig scaling, SplitConfig split,
                            AnonymizeConfig anonymize, WarningsConfig warnings, Boolean failOnWarnings,
                            EndedSeriesPolicy endedSeries) {

    public PrepareConfig {
        gaps = gaps == null ? new GapConfig(null, null) : gaps;
        negatives = negatives == null ? NegativePolicy.keep : negatives;
        outliers = outliers == null ? new OutlierConfig(null, null, null, null) : outliers;
        if (aggregate != null) {
            try {
                io.demandcast.core.data.Frequency.parse(aggregate);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("prepare.aggregate: " + e.getMessage(), e);
            }
        }
        features = features == null ? new FeatureConfig(null, null, null, null) : features;
        scaling = scaling == null ? new ScalingConfig(null, null) : scaling;
        split = split == null ? new SplitConfig(null, null, null, null) : split;
        warnings = warnings == null ? new WarningsConfig(null) : warnings;
        failOnWarnings = failOnWarnings != null && failOnWarnings;
        endedSeries = endedSeries == null ? EndedSeriesPolicy.fill : endedSeries;
    }

    /** The frequency to aggregate to, or null when the panel keeps its own. */
    public io.demandcast.core.data.Frequency aggregateFrequency() {
        return aggregate == null ? null : io.demandcast.core.data.Frequency.parse(aggregate);
    }

    public static PrepareConfig defaults() {
        return new PrepareConfig(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * What {@code prepare} does with a series that ends before the panel's last date (a discontinued
     * item, an export that stopped): every verb forecasts a series from its own last period, so such
     * a series would otherwise be forecast for dates the panel already covers.
     *
     * <ul>
     *   <li>{@code fill} (default): gap filling extends it to the panel's last date by
     *       {@code prepare.gaps.target}, so it is forecast from the panel's end like every other series
     *       (a discontinued item sells 0: the default fill);</li>
     *   <li>{@code exclude}: left out of the prepared data;</li>
     *   <li>{@code keep}: left as it is, forecast from its own end: for panels whose series each have
     *       their own timeline and are compared by their own ends (M3, M4, {@code backtest.cutoffs: from_end}).</li>
     * </ul>
     */
    public enum EndedSeriesPolicy { fill, exclude, keep }

    /**
     * Thresholds of the data warnings.
     *
     * @param filledShare warn when gap filling and target imputation changed more than this share of a
     *                    series' periods, in [0, 1] (default 0.05; 1 never warns)
     */
    public record WarningsConfig(Double filledShare) {
        public WarningsConfig {
            filledShare = filledShare == null ? 0.05 : filledShare;
            if (!(filledShare >= 0 && filledShare <= 1)) {
                throw new IllegalArgumentException("prepare.warnings.filled_share must be between 0 and 1, a share of a"
                        + " series' periods (got " + filledShare + ")");
            }
        }
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
     * @param window    Hampel half-window in periods: the window is {@code 2·window+1} periods centred on the point (default 7)
     * @param threshold k (default 3 for Hampel, 1.5 for IQR)
     * @param action    {@code flag} (adds a 0/1 column {@code outlier}), {@code clip} (to the bound) or
     *                  {@code replace} (by the rolling median for Hampel, the series median for IQR)
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

    /** Calendar features {@code prepare.features.calendar} accepts. */
    public static final List<String> CALENDAR_FEATURES =
            List.of("day_of_week", "week_of_year", "month", "quarter", "year", "events");

    /** Rolling statistics {@code prepare.features.rolling.stats} accepts. */
    public static final List<String> ROLLING_STATS = List.of("mean", "std");

    /**
     * @param calendar calendar features to add: {@code day_of_week, week_of_year, month, quarter, year, events}
     * @param lags     target lags in periods
     * @param rolling  rolling windows of the (lagged by one) target
     * @param price    price features; none when absent
     */
    public record FeatureConfig(List<String> calendar, List<Integer> lags, RollingConfig rolling, PriceConfig price) {
        public FeatureConfig {
            calendar = calendar == null ? List.of() : List.copyOf(calendar);
            for (String c : calendar) {
                if (!CALENDAR_FEATURES.contains(c)) {
                    throw new IllegalArgumentException("prepare.features.calendar: unknown feature '" + c
                            + "', allowed: " + String.join(", ", CALENDAR_FEATURES));
                }
            }
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
            for (String stat : stats) {
                if (!ROLLING_STATS.contains(stat)) {
                    throw new IllegalArgumentException("prepare.features.rolling.stats: unknown statistic '" + stat
                            + "', allowed: " + String.join(", ", ROLLING_STATS));
                }
            }
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
            if (window < 1) {
                throw new IllegalArgumentException("prepare.features.price.window must be >= 1 (got " + window + ")");
            }
        }
    }

    /** Scaling method. */
    public enum ScalingMethod { none, minmax, standard }

    /**
     * @param method  {@code none} (default), {@code minmax} or {@code standard}
     * @param columns numeric columns to scale (default: every numeric covariate and feature, never the target);
     *                parameters are fitted on the train split only
     */
    public record ScalingConfig(ScalingMethod method, List<String> columns) {
        public ScalingConfig {
            method = method == null ? ScalingMethod.none : method;
            columns = columns == null ? List.of() : List.copyOf(columns);
        }
    }

    /**
     * Either the last N periods ({@code test}, {@code validation}) of the prepared panel's overall
     * date range, counted at the prepared (possibly aggregated) frequency, or explicit first dates.
     * A start date opens its split at the first period that starts on or after it. The cut-offs are
     * shared by every series; a series that would end before the last hold-out part or start after
     * the train split makes {@code prepare} fail (see {@code Splitter}), so ragged panels such as M3
     * are prepared without a split.
     *
     * @param test            periods in the test split (default 0)
     * @param validation      periods in the validation split, just before the test split (default 0)
     * @param testStart       first date (ISO {@code yyyy-mm-dd}) of the test split (instead of {@code test})
     * @param validationStart first date of the validation split (instead of {@code validation})
     */
    public record SplitConfig(Integer test, Integer validation, String testStart, String validationStart) {
        public SplitConfig {
            // 0 is also what an absent count resolves to, so a resolved config (test: 0 plus
            // test_start) must read back; only a positive count conflicts with a start date.
            if (test != null && test != 0 && testStart != null) {
                throw new IllegalArgumentException("prepare.split: give test or test_start, not both");
            }
            if (validation != null && validation != 0 && validationStart != null) {
                throw new IllegalArgumentException("prepare.split: give validation or validation_start, not both");
            }
            test = test == null ? 0 : test;
            validation = validation == null ? 0 : validation;
            if (test < 0) {
                throw new IllegalArgumentException("prepare.split.test must be >= 0 (got " + test + ")");
            }
            if (validation < 0) {
                throw new IllegalArgumentException("prepare.split.validation must be >= 0 (got " + validation + ")");
            }
            LocalDate testDate = parseDate("prepare.split.test_start", testStart);
            LocalDate validationDate = parseDate("prepare.split.validation_start", validationStart);
            if (testDate != null && validationDate != null && !validationDate.isBefore(testDate)) {
                throw new IllegalArgumentException("prepare.split.validation_start (" + validationStart
                        + ") must be before prepare.split.test_start (" + testStart + ")");
            }
        }

        /** First date of the test split, or null when given as a count. */
        public LocalDate testStartDate() {
            return parseDate("prepare.split.test_start", testStart);
        }

        /** First date of the validation split, or null when given as a count. */
        public LocalDate validationStartDate() {
            return parseDate("prepare.split.validation_start", validationStart);
        }

        private static LocalDate parseDate(String key, String text) {
            if (text == null) {
                return null;
            }
            try {
                return LocalDate.parse(text.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(key + " must be an ISO date yyyy-mm-dd (got '" + text + "')", e);
            }
        }
    }

    /**
     * Present to anonymise: series ids become hex HMAC-SHA256(salt, id); the salt is never in the config.
     *
     * @param saltEnv environment variable holding the HMAC salt (default {@code DEMANDCAST_SALT})
     */
    public record AnonymizeConfig(String saltEnv) {
        public AnonymizeConfig {
            saltEnv = saltEnv == null ? "DEMANDCAST_SALT" : saltEnv.trim();
            if (saltEnv.isEmpty()) {
                throw new IllegalArgumentException("prepare.anonymize.salt_env must name an environment variable (got '')");
            }
        }
    }
}
