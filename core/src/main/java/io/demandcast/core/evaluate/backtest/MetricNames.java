package io.demandcast.core.evaluate.backtest;

import io.demandcast.core.evaluate.AggregateMetrics;
import io.demandcast.core.evaluate.ProbabilisticSummary;
import io.demandcast.core.evaluate.SeriesMetrics;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The names under which backtest metrics appear in {@code metrics.json}, {@code leaderboard.csv},
 * the report and gate rules, and how each is read from the score records. One list, so a gate
 * rule and a report column always mean the same number.
 */
public final class MetricNames {
    /** Point metrics of every window's aggregate, averaged over windows. */
    public static final List<String> POINT = List.of("mae", "mse", "rmse", "mape", "smape", "mase", "rmsse", "wape",
            "bias", "relative_bias", "r2", "direction_accuracy", "direction_precision", "direction_recall", "direction_f1");

    /** Point metrics defined per series × window (for weighted and per-class means). */
    public static final List<String> PER_SERIES = List.of("mae", "rmse", "mape", "smape", "mase", "rmsse", "wape", "bias");

    /** Metrics where lower is better and a skill against seasonal naive means something. */
    public static final List<String> SKILL = List.of("mae", "rmse", "smape", "mase", "rmsse", "wrmsse", "wape", "crps_scaled");

    private MetricNames() {
    }

    /** A window aggregate's metric by name. */
    static double of(AggregateMetrics a, String metric) {
        return switch (metric) {
            case "mae" -> a.mae();
            case "mse" -> a.mse();
            case "rmse" -> a.rmse();
            case "mape" -> a.mape();
            case "smape" -> a.smape();
            case "mase" -> a.mase();
            case "rmsse" -> a.rmsse();
            case "wape" -> a.wape();
            case "bias" -> a.bias();
            case "relative_bias" -> a.relativeBias();
            case "r2" -> a.r2();
            case "direction_accuracy" -> a.direction().accuracy();
            case "direction_precision" -> a.direction().precision();
            case "direction_recall" -> a.direction().recall();
            case "direction_f1" -> a.direction().f1();
            case "wrmsse" -> a.wrmsse();
            default -> throw new IllegalArgumentException("unknown aggregate metric '" + metric + "'");
        };
    }

    /** A series' metric by name. */
    static double of(SeriesMetrics m, String metric) {
        return switch (metric) {
            case "mae" -> m.mae();
            case "rmse" -> m.rmse();
            case "mape" -> m.mape();
            case "smape" -> m.smape();
            case "mase" -> m.mase();
            case "rmsse" -> m.rmsse();
            case "wape" -> m.wape();
            case "bias" -> m.bias();
            default -> throw new IllegalArgumentException("unknown per-series metric '" + metric + "'");
        };
    }

    /** Name of the coverage of a central interval, e.g. {@code coverage_80}. */
    public static String coverage(double nominal) {
        return "coverage_" + percent(nominal);
    }

    /** Name of the mean scaled width of a central interval, e.g. {@code width_scaled_80}. */
    public static String scaledWidth(double nominal) {
        return "width_scaled_" + percent(nominal);
    }

    private static String percent(double nominal) {
        double p = nominal * 100;
        return Math.abs(p - Math.rint(p)) < 1e-9 ? Long.toString(Math.round(p)) : String.format(Locale.ROOT, "%.1f", p);
    }

    /** Adds CRPS, scaled CRPS, and per central interval coverage and scaled width, each name + suffix. */
    static void putProbabilistic(Map<String, Double> out, ProbabilisticSummary summary, String suffix) {
        out.put("crps" + suffix, summary.crps());
        out.put("crps_scaled" + suffix, summary.scaledCrps());
        for (var interval : summary.intervals()) {
            out.put(coverage(interval.nominal()) + suffix, interval.coverage());
            out.put(scaledWidth(interval.nominal()) + suffix, interval.meanScaledWidth());
        }
    }

    /** Adds the coverage of each central interval, each name + suffix (e.g. {@code coverage_80_last}). */
    static void putCoverage(Map<String, Double> out, ProbabilisticSummary summary, String suffix) {
        for (var interval : summary.intervals()) {
            out.put(coverage(interval.nominal()) + suffix, interval.coverage());
        }
    }

    /**
     * The leaderboard value names a run will have, known before it runs: what {@link BacktestScoring}
     * and {@link Leaderboard} produce for these quantile levels, with or without weights, and with
     * one window or several. The gate checks its rules against them first, so a misspelt metric
     * fails at once instead of after a long backtest.
     */
    static java.util.List<String> expected(double[] levels, boolean weights, int windows) {
        java.util.List<String> names = new java.util.ArrayList<>(POINT);
        if (weights) {
            names.add("wrmsse");
        }
        java.util.List<Double> nominals = io.demandcast.core.evaluate.ProbabilisticMetrics.centralIntervals(levels).stream()
                .map(io.demandcast.core.evaluate.ProbabilisticMetrics.CentralInterval::nominal).toList();
        java.util.List<String> suffixes = windows > 1 ? java.util.List.of("", "_conformal") : java.util.List.of("");
        if (levels.length > 0) {
            for (String suffix : suffixes) {
                names.add("crps" + suffix);
                names.add("crps_scaled" + suffix);
                for (double nominal : nominals) {
                    names.add(coverage(nominal) + suffix);
                    names.add(scaledWidth(nominal) + suffix);
                }
            }
            if (windows > 1) {
                for (String suffix : java.util.List.of("_last", "_conformal_last")) {
                    for (double nominal : nominals) {
                        names.add(coverage(nominal) + suffix);
                    }
                }
            }
        }
        for (String m : SKILL) {
            if (names.contains(m)) {
                names.add("skill_" + m);
            }
        }
        names.add("wall_seconds");
        return names;
    }
}
