package io.demandcast.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Upper bounds of the config's counts, checked when the config loads, before any data is read or
 * any model is fitted.
 *
 * <p>Why these maxima: a forecast holds {@code horizon x (1 + quantile levels)} values per series
 * and writes one CSV row per series and step, so an unbounded horizon is an out-of-memory error or
 * a file of gigabytes after the fit (2e9 overflowed an array size, 1e8 exhausted the heap).
 * {@value #MAX_HORIZON} periods is 27 years of days, 192 years of weeks: beyond any demand plan,
 * yet small enough that 1,000 series stay within a few hundred MB. A backtest of more than
 * {@value #MAX_WINDOWS} windows refits every model that many times per series; no evaluation needs
 * it, and a typo (an extra zero or two) should not start a run of days.
 *
 * <p>The bounds are checked twice: on the parsed tree, so that a value too large for an integer
 * ({@code 2e9}, {@code 1e10}) still reads "at most 10000" instead of "expected an integer", and by
 * the records' constructors, for configs built in code.
 */
public final class ConfigBounds {

    /** Most periods one forecast may cover ({@code predict.horizon}, {@code backtest.horizon}, {@code backtest.step}). */
    public static final int MAX_HORIZON = 10_000;

    /** Most backtest windows ({@code backtest.windows}, entries of {@code backtest.cutoff_dates}). */
    public static final int MAX_WINDOWS = 1_000;

    /** One bounded key. */
    private record Bound(ConfigPath path, long max, String unit) {
    }

    private static final List<Bound> BOUNDS = List.of(
            new Bound(ConfigPath.parse("predict.horizon"), MAX_HORIZON, "periods"),
            new Bound(ConfigPath.parse("backtest.horizon"), MAX_HORIZON, "periods"),
            new Bound(ConfigPath.parse("backtest.step"), MAX_HORIZON, "periods"),
            new Bound(ConfigPath.parse("backtest.windows"), MAX_WINDOWS, "windows"));

    private ConfigBounds() {
    }

    /** {@code key must be <= max unit (got value)}: the one wording of both checks. */
    static String tooLarge(String key, long max, String unit, Object got) {
        return key + " must be <= " + max + " " + unit + ", the documented maximum (got " + got + ")";
    }

    /** Throws the constructors' {@link IllegalArgumentException} when {@code value} is above {@code max}. */
    static void requireAtMost(String key, Integer value, int max, String unit) {
        if (value != null && value > max) {
            throw new IllegalArgumentException(tooLarge(key, max, unit, value));
        }
    }

    /**
     * The first bounded number of {@code tree} above its maximum, or of {@code backtest.cutoff_dates}
     * past {@value #MAX_WINDOWS} entries; null when all are within bounds. Values of other types are
     * left to the binding, which names what it expects.
     */
    static ConfigErrors.Problem check(JsonNode tree) {
        for (Bound b : BOUNDS) {
            JsonNode node = tree.at(ConfigLoader.pointer(b.path()));
            if (node.isNumber() && node.doubleValue() > b.max()) {
                return new ConfigErrors.Problem(b.path(), false, tooLarge(b.path().toString(), b.max(), b.unit(), node.asText()), true);
            }
        }
        ConfigPath dates = ConfigPath.parse("backtest.cutoff_dates");
        JsonNode node = tree.at(ConfigLoader.pointer(dates));
        if (node.isArray() && node.size() > MAX_WINDOWS) {
            return new ConfigErrors.Problem(dates.index(MAX_WINDOWS), false,
                    tooLarge(dates.toString(), MAX_WINDOWS, "dates", node.size()), true);
        }
        return null;
    }
}
