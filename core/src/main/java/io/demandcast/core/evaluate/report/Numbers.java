package io.demandcast.core.evaluate.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Locale-independent number text for the report files ({@code .} decimals, no grouping, no exponent). */
final class Numbers {
    private Numbers() {
    }

    /** Full precision for machines: the shortest text that reads back as the same double; "" for NaN or infinity. */
    static String exact(double value) {
        if (!Double.isFinite(value)) {
            return "";
        }
        if (value == 0) {
            return "0";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * Decimals that give the largest finite |value| of a column four significant digits (at least 0,
     * at most 6), so that a column's numbers line up on the decimal point: {@code 0.7412, 0.8240} or
     * {@code 61.27, 70.50} or {@code 2.410, 0.003}.
     */
    static int decimalsFor(double... column) {
        double largest = 0;
        for (double v : column) {
            if (Double.isFinite(v)) {
                largest = Math.max(largest, Math.abs(v));
            }
        }
        if (largest == 0) {
            return 0;
        }
        int magnitude = (int) Math.floor(Math.log10(largest));
        return Math.max(0, Math.min(6, 3 - magnitude));
    }

    /** {@link #decimalsFor} of each leaderboard metric column, in {@link ReportData#metricNames()} order. */
    static int[] metricDecimals(ReportData data) {
        return data.metricNames().stream()
                .mapToInt(m -> decimalsFor(data.leaderboard().stream().mapToDouble(r -> r.metric(m)).toArray()))
                .toArray();
    }

    /** {@code value} rounded half-even to {@code decimals} places; {@code dash} for NaN or infinity. */
    static String fixed(double value, int decimals, String dash) {
        if (!Double.isFinite(value)) {
            return dash;
        }
        String text = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        return text.matches("-0(\\.0*)?") ? text.substring(1) : text;
    }

    /** A single number with four significant digits ({@code 0.8123}, {@code 1.000}, {@code 12.35}); see {@link #fixed}. */
    static String readable(double value, String dash) {
        return fixed(value, decimalsFor(value), dash);
    }

    /** A share as a whole percentage, e.g. {@code 0.8} as {@code 80%}; {@code dash} for NaN. */
    static String percent(double share, String dash) {
        if (!Double.isFinite(share)) {
            return dash;
        }
        return new BigDecimal(share * 100).setScale(0, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }
}
