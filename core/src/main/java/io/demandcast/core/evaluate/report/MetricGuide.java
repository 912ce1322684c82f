package io.demandcast.core.evaluate.report;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a leaderboard column means and which value is best, for the metric names demandcast uses.
 * Unknown names get no explanation and no "best" mark.
 */
final class MetricGuide {
    private static final Pattern COVERAGE = Pattern.compile("coverage_(\\d{1,2})(_conformal)?(_last)?");
    private static final Pattern SKILL = Pattern.compile("skill_(\\w+)");
    private static final Map<String, String> PLAIN = Map.ofEntries(
            Map.entry("rmsse", "root mean squared scaled error (M5): error relative to a one-step naive forecast on the"
                    + " series' own history; below 1 beats that naive, lower is better"),
            Map.entry("wrmsse", "RMSSE averaged with sales-value weights, so the series that sell most count most;"
                    + " lower is better"),
            Map.entry("mase", "mean absolute scaled error: mean absolute error relative to a seasonal naive forecast"
                    + " on the series' history; lower is better"),
            Map.entry("smape", "symmetric mean absolute percentage error, percent; lower is better"),
            Map.entry("mape", "mean absolute percentage error, percent (days with zero sales are skipped);"
                    + " lower is better"),
            Map.entry("mae", "mean absolute error, in units sold; lower is better"),
            Map.entry("rmse", "root mean squared error, in units sold; lower is better"),
            Map.entry("wape", "total absolute error divided by total sales; lower is better"),
            Map.entry("bias", "mean of forecast minus actual, in units: above 0 over-forecasts, below 0"
                    + " under-forecasts; closest to 0 is best"),
            Map.entry("crps", "continuous ranked probability score: judges the whole forecast distribution, in"
                    + " units; lower is better"),
            Map.entry("fit_seconds", "time spent fitting the model, in seconds"),
            Map.entry("error_ratio", "monitor: rolling scaled error / the backtest's scaled error at the same forecast steps;"
                    + " 1 = as accurate as in the backtest, above 1 worse; lower is better"),
            Map.entry("scaled_error", "monitor: mean |actual − forecast| / the series' MASE scale over the rolling window;"
                    + " lower is better"),
            Map.entry("reference_error", "monitor: the backtest's mean scaled error at the same forecast steps"),
            Map.entry("relative_bias", "monitor: Σ(forecast − actual) / Σ|actual|: above 0 over-forecasts; closest to 0 is best"),
            Map.entry("instability", "monitor: mean change of the forecast of one target date between consecutive runs, in"
                    + " MASE scales; lower is better"));

    /** How the best value of a column is found. */
    enum Best { LOWEST, HIGHEST, CLOSEST_TO_TARGET, NONE }

    private MetricGuide() {
    }

    /** A one-line explanation of the metric, or null when it is not one demandcast knows. */
    static String describe(String name) {
        Matcher coverage = COVERAGE.matcher(name);
        if (coverage.matches()) {
            return "share of actuals that fell inside the " + coverage.group(1) + "% prediction interval"
                    + (coverage.group(2) != null ? " (conformal, calibrated on earlier windows)" : " (the model's own)")
                    + (coverage.group(3) != null ? " on the last window" : "")
                    + "; closest to " + coverage.group(1) + "% is best";
        }
        Matcher skill = SKILL.matcher(name);
        if (skill.matches()) {
            return "skill = 1 − " + skill.group(1) + " of the model / " + skill.group(1)
                    + " of the seasonal naive baseline: above 0 beats the baseline (0.10 = 10% less error),"
                    + " below 0 is worse; higher is better";
        }
        return PLAIN.get(name);
    }

    static Best best(String name) {
        if (COVERAGE.matcher(name).matches() || name.equals("bias") || name.equals("relative_bias")) {
            return Best.CLOSEST_TO_TARGET;
        }
        if (SKILL.matcher(name).matches()) {
            return Best.HIGHEST;
        }
        if (name.endsWith("_seconds") || !PLAIN.containsKey(name)) {
            return Best.NONE;
        }
        return Best.LOWEST;
    }

    /** The target of a {@link Best#CLOSEST_TO_TARGET} column (the nominal share, or 0 for bias). */
    static double target(String name) {
        Matcher coverage = COVERAGE.matcher(name);
        return coverage.matches() ? Integer.parseInt(coverage.group(1)) / 100.0 : 0;
    }

    /** Whether the column is a skill score, drawn green when positive and red when negative. */
    static boolean isSkill(String name) {
        return SKILL.matcher(name).matches();
    }
}
