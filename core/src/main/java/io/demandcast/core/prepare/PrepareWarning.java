package io.demandcast.core.prepare;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something {@code prepare} did to the data, or found in it, that can make forecasts silently
 * wrong: printed on stderr (also with {@code --quiet}), listed in {@code --json} and
 * {@code quality.json}, and an error with {@code prepare.fail_on_warnings}.
 *
 * @param kind        what was found
 * @param series      the series named: the worst (or earliest-ending) one
 * @param seriesCount how many series it concerns
 * @param share       for {@link Kind#filled_share}: the worst series' share of changed periods; else null
 * @param detail      a short description of the named series' case, or null
 * @param message     the whole warning as one line, without the {@code warning:} prefix
 */
public record PrepareWarning(Kind kind, String series, int seriesCount, Double share, String detail, String message) {

    /** The kinds of data warning. */
    public enum Kind {
        /** Gap filling and target imputation changed more than {@code prepare.warnings.filled_share} of a series' periods. */
        filled_share,
        /** A series' own dates are further apart than the panel's periods (monthly rows in a daily panel). */
        spacing,
        /** Series end before the panel's last date ({@code prepare.ended_series} says what was done). */
        ended_series
    }

    public PrepareWarning {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(message, "message");
    }

    /** The {@code --json} and {@code quality.json} form: {@code kind, series, series_count, share | detail, message}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind.name());
        m.put("series", series);
        m.put("series_count", seriesCount);
        if (share != null) {
            m.put("share", share);
        }
        if (detail != null) {
            m.put("detail", detail);
        }
        m.put("message", message);
        return m;
    }
}
