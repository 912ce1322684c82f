package io.demandcast.core.monitor;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code monitor} found.
 *
 * @param modelName   the monitored model
 * @param log         its forecast log
 * @param output      the report directory
 * @param runs        logged runs read
 * @param windowStart first date of the rolling window
 * @param windowEnd   last date with actuals (the end of the prepared data)
 * @param pairs       logged forecasts with an actual in the window
 * @param overall     the overall metrics
 * @param byVersion   the metrics per model version
 * @param checks      the thresholds, checked on the overall metrics
 * @param notes       remarks (a version no longer in the store, nothing to compare yet)
 */
public record MonitorSummary(String modelName, Path log, Path output, int runs, String windowStart, String windowEnd, int pairs,
                             Map<String, Double> overall, Map<String, Map<String, Double>> byVersion, List<MonitorCheck> checks,
                             List<String> notes) {

    public boolean crossed() {
        return checks.stream().anyMatch(MonitorCheck::crossed);
    }

    public List<MonitorCheck> crossedChecks() {
        return checks.stream().filter(MonitorCheck::crossed).toList();
    }

    public String text() {
        if (pairs == 0) {
            return "monitor: " + modelName + ": nothing to compare yet: no logged forecast has an actual in " + windowStart + " .. "
                    + windowEnd + " (" + runs + " run(s) logged) -> " + output;
        }
        long crossed = crossedChecks().size();
        return "monitor: " + modelName + ": " + pairs + " forecast(s) of " + runs + " run(s) against actuals " + windowStart + " .. "
                + windowEnd + ": error_ratio " + MonitorCheck.num(overall.get("error_ratio")) + ", relative_bias "
                + MonitorCheck.num(overall.get("relative_bias")) + ", instability " + MonitorCheck.num(overall.get("instability")) + "; "
                + (crossed == 0 ? "all thresholds held" : crossed + " threshold(s) crossed") + " -> " + output;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model_name", modelName);
        m.put("log", log.toString());
        m.put("output", output.toString());
        m.put("runs", runs);
        m.put("window_start", windowStart);
        m.put("window_end", windowEnd);
        m.put("pairs", pairs);
        m.put("overall", finite(overall));
        Map<String, Object> versions = new LinkedHashMap<>();
        byVersion.forEach((v, metrics) -> versions.put(v, finite(metrics)));
        m.put("by_version", versions);
        m.put("checks", checks.stream().map(MonitorCheck::toMap).toList());
        m.put("crossed", crossed());
        m.put("notes", notes);
        return m;
    }

    /** JSON has no NaN: undefined values are null. */
    private static Map<String, Object> finite(Map<String, Double> metrics) {
        Map<String, Object> out = new LinkedHashMap<>();
        metrics.forEach((k, v) -> out.put(k, v != null && Double.isFinite(v) ? v : null));
        return out;
    }
}
