package io.demandcast.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rolling-origin backtest read by {@code evaluate} (and by {@code train} to calibrate conformal
 * intervals). A window fits on the data up to its cutoff and forecasts the {@code horizon} periods
 * after it; windows are {@code step} periods apart, the last one ending at the end of the data.
 * Without a {@code backtest} section, {@code evaluate} scores one window: the prepared test split.
 *
 * @param horizon      periods forecast per window (default {@code predict.horizon}, else the test split length, else one season)
 * @param windows      number of windows (default 1)
 * @param step         periods between consecutive cutoffs (default {@code horizon})
 * @param cutoffs      {@code from_end} (default): cutoffs counted back from each series' own last
 *                     period, so ragged panels work; {@code common}: calendar dates common to all
 *                     series, counted back from the latest last period
 * @param cutoffDates  explicit cutoff dates (the last training date of each window); replaces
 *                     {@code windows}, {@code step} and {@code cutoffs}
 * @param window       {@code expanding} (default: all history before the cutoff) or {@code sliding}
 * @param windowLength training periods per window when sliding (required then)
 * @param refitEvery   {@code 1} (default: refit every window), {@code N} (refit on every N-th window,
 *                     update the fitted model with the new actuals in between) or {@code never}
 *                     (fit on the first window only)
 * @param minTrain     a series with fewer periods before a cutoff is left out of that window (default 1)
 */
public record BacktestConfig(Integer horizon, Integer windows, Integer step, Cutoffs cutoffs, List<String> cutoffDates,
                             WindowType window, Integer windowLength, JsonNode refitEvery, Integer minTrain) {

    /** Where cutoffs are counted from. */
    public enum Cutoffs { from_end, common }

    /** Which history a window fits on. */
    public enum WindowType { expanding, sliding }

    /** {@link #refitInterval()} of {@code refit_every: never}. */
    public static final int NEVER = Integer.MAX_VALUE;

    public BacktestConfig {
        if (horizon != null && horizon < 1) {
            throw new IllegalArgumentException("backtest.horizon must be >= 1 (got " + horizon + ")");
        }
        ConfigBounds.requireAtMost("backtest.horizon", horizon, ConfigBounds.MAX_HORIZON, "periods");
        windows = windows == null ? 1 : windows;
        if (windows < 1) {
            throw new IllegalArgumentException("backtest.windows must be >= 1 (got " + windows + ")");
        }
        ConfigBounds.requireAtMost("backtest.windows", windows, ConfigBounds.MAX_WINDOWS, "windows");
        if (step != null && step < 1) {
            throw new IllegalArgumentException("backtest.step must be >= 1 (got " + step + ")");
        }
        ConfigBounds.requireAtMost("backtest.step", step, ConfigBounds.MAX_HORIZON, "periods");
        cutoffs = cutoffs == null ? Cutoffs.from_end : cutoffs;
        cutoffDates = cutoffDates == null ? List.of() : List.copyOf(cutoffDates);
        if (cutoffDates.size() > ConfigBounds.MAX_WINDOWS) {
            throw new IllegalArgumentException(ConfigBounds.tooLarge("backtest.cutoff_dates", ConfigBounds.MAX_WINDOWS, "dates",
                    cutoffDates.size()));
        }
        List<LocalDate> parsed = new ArrayList<>();
        for (String d : cutoffDates) {
            try {
                parsed.add(LocalDate.parse(d));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("backtest.cutoff_dates: expected yyyy-MM-dd dates (got '" + d + "')", e);
            }
        }
        for (int i = 1; i < parsed.size(); i++) {
            if (!parsed.get(i).isAfter(parsed.get(i - 1))) {
                throw new IllegalArgumentException("backtest.cutoff_dates must increase (" + parsed.get(i) + " after " + parsed.get(i - 1) + ")");
            }
        }
        window = window == null ? WindowType.expanding : window;
        if (window == WindowType.sliding && windowLength == null) {
            throw new IllegalArgumentException("backtest.window_length is required with window: sliding");
        }
        if (windowLength != null && windowLength < 1) {
            throw new IllegalArgumentException("backtest.window_length must be >= 1 (got " + windowLength + ")");
        }
        refitEvery = refitEvery == null || refitEvery.isNull() ? JsonNodeFactory.instance.numberNode(1) : refitEvery;
        parseRefit(refitEvery);
        minTrain = minTrain == null ? 1 : minTrain;
        if (minTrain < 1) {
            throw new IllegalArgumentException("backtest.min_train must be >= 1 (got " + minTrain + ")");
        }
    }

    /** The defaults: one window, expanding, refit every window. */
    public static BacktestConfig defaults() {
        return new BacktestConfig(null, null, null, null, null, null, null, null, null);
    }

    /** Refit on every {@code refitInterval()}-th window ({@link #NEVER} for {@code never}). */
    public int refitInterval() {
        return parseRefit(refitEvery);
    }

    /** The explicit cutoff dates, parsed. */
    public List<LocalDate> parsedCutoffDates() {
        return cutoffDates.stream().map(LocalDate::parse).toList();
    }

    private static int parseRefit(JsonNode node) {
        if (node.isTextual() && node.asText().equals("never")) {
            return NEVER;
        }
        if (node.isIntegralNumber() && node.asLong() >= 1 && node.asLong() <= Integer.MAX_VALUE) {
            return node.asInt();
        }
        throw new IllegalArgumentException("backtest.refit_every: expected an integer >= 1 or 'never' (got " + node + ")");
    }
}
