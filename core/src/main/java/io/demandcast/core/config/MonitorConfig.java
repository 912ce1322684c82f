package io.demandcast.core.config;

import java.time.Duration;

/**
 * The forecast log that every {@code predict} appends to, and the thresholds {@code monitor} checks
 * the logged forecasts against once their actuals have arrived.
 *
 * @param log           forecast log root (default: {@code forecast-log} beside {@code train.store});
 *                      each model logs into {@code <log>/<model.name>/}
 * @param logForecasts  whether {@code predict} appends its forecasts to the log (default true)
 * @param keep          log entries older than this are removed by the next {@code predict}
 *                      ({@link Durations}: {@code 90d}, {@code 26w}; default {@code 180d})
 * @param window        the last N periods of actuals the rolling metrics look at (default 28)
 * @param output        report directory (default {@code build/monitor/<name>})
 * @param maxErrorRatio rolling scaled error / the backtest's scaled error at the same steps above
 *                      which {@code monitor} exits 3 (default 1.5)
 * @param maxAbsBias    largest |Σ(f − y) / Σ|y|| (default 0.2)
 * @param coverageTolerance how far an interval's coverage may fall below its nominal level (default 0.1)
 * @param maxInstability largest mean |change| of the forecast of a target date between consecutive
 *                      runs, in units of the series' MASE scale (default 1.0)
 * @param referenceWindows windows of the backtest that gives the reference error when the experiment
 *                      has no {@code backtest} section (default 3)
 */
public record MonitorConfig(String log, Boolean logForecasts, String keep, Integer window, String output,
                            Double maxErrorRatio, Double maxAbsBias, Double coverageTolerance, Double maxInstability,
                            Integer referenceWindows) {

    public MonitorConfig {
        if (log != null && log.isBlank()) {
            throw new IllegalArgumentException("monitor.log: give a directory (got '')");
        }
        logForecasts = logForecasts == null ? Boolean.TRUE : logForecasts;
        keep = keep == null ? "180d" : keep;
        Durations.parse(keep, "monitor.keep");
        window = window == null ? 28 : window;
        if (window < 1) {
            throw new IllegalArgumentException("monitor.window must be >= 1 period (got " + window + ")");
        }
        ConfigBounds.requireAtMost("monitor.window", window, ConfigBounds.MAX_HORIZON, "periods");
        if (output != null && output.isBlank()) {
            throw new IllegalArgumentException("monitor.output: give a directory (got '')");
        }
        maxErrorRatio = positive("monitor.max_error_ratio", maxErrorRatio, 1.5);
        maxAbsBias = positive("monitor.max_abs_bias", maxAbsBias, 0.2);
        coverageTolerance = coverageTolerance == null ? 0.1 : coverageTolerance;
        if (!(coverageTolerance >= 0 && coverageTolerance <= 1)) {
            throw new IllegalArgumentException("monitor.coverage_tolerance must be a share between 0 and 1 (got "
                    + coverageTolerance + "), e.g. 0.1: an 80 % interval may cover down to 70 %");
        }
        maxInstability = positive("monitor.max_instability", maxInstability, 1.0);
        referenceWindows = referenceWindows == null ? 3 : referenceWindows;
        if (referenceWindows < 1) {
            throw new IllegalArgumentException("monitor.reference_windows must be >= 1 (got " + referenceWindows + ")");
        }
        ConfigBounds.requireAtMost("monitor.reference_windows", referenceWindows, ConfigBounds.MAX_WINDOWS, "windows");
    }

    /** Every key at its default. */
    public static MonitorConfig defaults() {
        return new MonitorConfig(null, null, null, null, null, null, null, null, null, null);
    }

    /** The same settings with another report directory. */
    public MonitorConfig withOutput(String newOutput) {
        return new MonitorConfig(log, logForecasts, keep, window, newOutput, maxErrorRatio, maxAbsBias, coverageTolerance,
                maxInstability, referenceWindows);
    }

    /** {@code keep} as a duration. */
    public Duration keepDuration() {
        return Durations.parse(keep, "monitor.keep");
    }

    private static double positive(String key, Double value, double fallback) {
        if (value == null) {
            return fallback;
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(key + " must be a number above 0 (got " + value + ")");
        }
        return value;
    }
}
