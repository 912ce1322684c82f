package io.demandcast.core.evaluate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code evaluate} did: the scores, where they were written, and the table for people. */
public record EvaluateSummary(String model, int horizon, Path output, List<Path> files, ScoreResult result, String table) {

    public String text() {
        return table + "\nevaluate: " + model + ", " + result.aggregate().series() + " series x " + horizon
                + " steps; wrote " + output;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        m.put("horizon", horizon);
        m.put("output", output.toString());
        m.put("files", files.stream().map(Path::toString).toList());
        AggregateMetrics a = result.aggregate();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("series", a.series());
        metrics.put("mae", finite(a.mae()));
        metrics.put("rmse", finite(a.rmse()));
        metrics.put("mape", finite(a.mape()));
        metrics.put("smape", finite(a.smape()));
        metrics.put("mase", finite(a.mase()));
        metrics.put("rmsse", finite(a.rmsse()));
        metrics.put("wape", finite(a.wape()));
        metrics.put("bias", finite(a.bias()));
        metrics.put("r2", finite(a.r2()));
        metrics.put("wrmsse", finite(a.wrmsse()));
        m.put("metrics", metrics);
        return m;
    }

    /** JSON has no NaN: undefined metrics are null. */
    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
