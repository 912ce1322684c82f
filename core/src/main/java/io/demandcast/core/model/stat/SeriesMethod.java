package io.demandcast.core.model.stat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A univariate forecasting method with fixed hyper-parameters (a local model): it fits one series
 * at a time. {@link LocalForecaster} runs it over every series of a panel, in parallel.
 */
public interface SeriesMethod {

    /** Family name as written in configs. */
    String family();

    /** Hyper-parameters, recorded in manifests. */
    Map<String, Object> parameters();

    /**
     * Fits one series.
     *
     * @param y the series, regular, finite (gaps already filled), possibly empty or very short;
     *          methods must still return a usable fit (falling back to simpler forecasts)
     */
    SeriesFit fit(double[] y);

    /** Reads a fit back from what {@link SeriesFit#state()} wrote. */
    SeriesFit load(JsonNode state);
}
