package io.demandcast.core.config;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One override of a scenario: on the forecast periods of the chosen series and dates, the known
 * numeric covariate {@code column} becomes {@code operation(value, current value)}.
 *
 * @param seriesIds series ids to change; empty with an empty {@code where}: every series
 * @param where     static column to accepted values (exact text), all must match; empty: no condition
 * @param from      first date changed, or null (from the first forecast period)
 * @param to        last date changed (inclusive), or null (to the last forecast period)
 * @param dates     the dates changed, instead of {@code from}/{@code to}; empty: the range applies
 * @param column    the known numeric covariate changed (in its original units, before any scaling)
 * @param location  {@code file:line:column} of the override, named by every message about it
 */
public record CovariateOverride(List<String> seriesIds, Map<String, List<String>> where, LocalDate from, LocalDate to,
                                List<LocalDate> dates, String column, Operation operation, double value, String location) {

    /** What an override does to a value. */
    public enum Operation {
        SET, MULTIPLY, ADD;

        /** The key naming it in the file. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public double apply(double current, double value) {
            return switch (this) {
                case SET -> value;
                case MULTIPLY -> current * value;
                case ADD -> current + value;
            };
        }
    }

    public CovariateOverride {
        seriesIds = List.copyOf(seriesIds);
        where = Map.copyOf(where);
        dates = List.copyOf(dates);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(location + ": " + operation.key() + " needs a finite number (got " + value + ")");
        }
    }

    /** True when it names no series and no condition: it changes every series. */
    public boolean allSeries() {
        return seriesIds.isEmpty() && where.isEmpty();
    }

    /** Whether {@code date} is one of the dates this override changes. */
    public boolean covers(LocalDate date) {
        if (!dates.isEmpty()) {
            return dates.contains(date);
        }
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }

    /** {@code price x 0.9}, {@code deal = 1}, {@code price + -0.01}: for messages. */
    public String describe() {
        String v = value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
        return column + switch (operation) {
            case SET -> " = " + v;
            case MULTIPLY -> " x " + v;
            case ADD -> " + " + v;
        };
    }
}
