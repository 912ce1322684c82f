package io.demandcast.core.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code predict} did: which artifact forecast how far, and where the CSV went.
 *
 * @param explainOutput where the explanations went; null without {@code --explain}
 */
public record PredictSummary(String modelName, String version, String output, int seriesCount, int horizon,
                             List<Double> quantiles, String firstDate, String lastDate, String explainOutput) {

    public String text() {
        return "predict: " + modelName + " " + version + " forecast " + seriesCount + " series x " + horizon
                + " steps (" + firstDate + " .. " + lastDate + ") -> " + ("-".equals(output) ? "stdout" : output)
                + (explainOutput == null ? "" : "; explanations -> " + explainOutput);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model_name", modelName);
        m.put("version", version);
        m.put("output", output);
        m.put("series_count", seriesCount);
        m.put("horizon", horizon);
        m.put("quantiles", quantiles);
        m.put("first_date", firstDate);
        m.put("last_date", lastDate);
        if (explainOutput != null) {
            m.put("explain_output", explainOutput);
        }
        return m;
    }
}
