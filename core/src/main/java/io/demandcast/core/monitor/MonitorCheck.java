package io.demandcast.core.monitor;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One threshold of the {@code monitor} section checked on the overall figures.
 *
 * @param key    the config key, e.g. {@code monitor.max_error_ratio}
 * @param metric what was measured, e.g. {@code error_ratio} or {@code coverage_80}
 * @param value  the measured value; NaN when there was nothing to measure (then it passes)
 * @param limit  the threshold
 * @param crossed whether the value is on the wrong side of the limit
 * @param by     how far past the limit it is (0 when not crossed)
 * @param rule   the comparison as text, e.g. {@code <= 1.5}
 */
public record MonitorCheck(String key, String metric, double value, double limit, boolean crossed, double by, String rule) {

    /** At most {@code limit}. */
    static MonitorCheck atMost(String key, String metric, double value, double limit) {
        boolean crossed = Double.isFinite(value) && value > limit;
        return new MonitorCheck(key, metric, value, limit, crossed, crossed ? value - limit : 0, "<= " + num(limit));
    }

    /** At least {@code limit}. */
    static MonitorCheck atLeast(String key, String metric, double value, double limit) {
        boolean crossed = Double.isFinite(value) && value < limit;
        return new MonitorCheck(key, metric, value, limit, crossed, crossed ? limit - value : 0, ">= " + num(limit));
    }

    /** The stderr line of a crossed threshold: which, the value, the limit and by how much. */
    public String line() {
        return metric + " " + num(value) + " " + (rule.startsWith("<") ? ">" : "<") + " " + (rule.startsWith("<") ? "max " : "min ")
                + num(limit) + " (by " + num(by) + "; " + key + ")";
    }

    /** For the report's check list: {@code error_ratio = 1.23 (<= 1.5)}. */
    public String detail() {
        return Double.isFinite(value) ? metric + " = " + num(value) + " (" + rule + ")" : metric + ": nothing to measure yet";
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key);
        m.put("metric", metric);
        m.put("value", Double.isFinite(value) ? value : null);
        m.put("limit", limit);
        m.put("crossed", crossed);
        m.put("by", by);
        return m;
    }

    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
