package io.demandcast.core.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code predict} did: which artifact forecast how far, and where the CSV went.
 *
 * @param explainOutput where the explanations went; null without {@code --explain}
 * @param modelDataEnd  the latest end of the data the model was fitted on (null: no series had data)
 * @param dataEnd       the latest end of the data the forecast starts after: {@code modelDataEnd}, or
 *                      the newer data's end when the model was brought up to it
 * @param seriesUpdated series fed newer periods before forecasting (0: forecast from the model's end)
 * @param periodsFed    the most newer periods fed to one series
 * @param forecastLog   the forecast-log entry written for {@code monitor}; null when logging is off
 * @param scenarios     what {@code --scenario} wrote; null without it
 * @param leadTime      what {@code predict.lead_time} wrote instead of the forecast (then {@code horizon} is the
 *                      interval, {@code quantiles} the lead-time columns, the dates the intervals' span); null
 *                      for a per-period forecast
 */
public record PredictSummary(String modelName, String version, String output, int seriesCount, int horizon,
                             List<Double> quantiles, String firstDate, String lastDate, String explainOutput,
                             String modelDataEnd, String dataEnd, int seriesUpdated, int periodsFed, String forecastLog,
                             io.demandcast.core.plan.ScenarioSummary scenarios, io.demandcast.core.plan.LeadTimeSummary leadTime) {

    /** A per-period forecast's summary, without scenarios. */
    public PredictSummary(String modelName, String version, String output, int seriesCount, int horizon,
                          List<Double> quantiles, String firstDate, String lastDate, String explainOutput,
                          String modelDataEnd, String dataEnd, int seriesUpdated, int periodsFed, String forecastLog) {
        this(modelName, version, output, seriesCount, horizon, quantiles, firstDate, lastDate, explainOutput, modelDataEnd, dataEnd,
                seriesUpdated, periodsFed, forecastLog, null, null);
    }

    public String text() {
        if (leadTime != null) {
            return "predict: " + modelName + " " + version + " lead-time demand of " + seriesCount + " series, "
                    + leadTime.text() + ", over " + firstDate + " .. " + lastDate + " from data ending " + dataEnd
                    + " -> " + ("-".equals(output) ? "stdout" : output);
        }
        return "predict: " + modelName + " " + version + " forecast " + seriesCount + " series x " + horizon
                + " steps (" + firstDate + " .. " + lastDate + ") from data ending " + dataEnd
                + (seriesUpdated == 0 ? "" : " (model fitted to " + modelDataEnd + ", " + seriesUpdated + " series fed up to "
                + periodsFed + " newer period(s))")
                + " -> " + ("-".equals(output) ? "stdout" : output)
                + (explainOutput == null ? "" : "; explanations -> " + explainOutput)
                + (forecastLog == null ? "" : "; logged -> " + forecastLog)
                + (scenarios == null ? "" : "; " + scenarios.text());
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
        m.put("model_data_end", modelDataEnd);
        m.put("data_end", dataEnd);
        m.put("series_updated", seriesUpdated);
        m.put("periods_fed", periodsFed);
        m.put("forecast_log", forecastLog);
        if (scenarios != null) {
            m.put("scenarios", scenarios.toMap());
        }
        if (leadTime != null) {
            m.put("lead_time", leadTime.toMap());
        }
        return m;
    }
}
