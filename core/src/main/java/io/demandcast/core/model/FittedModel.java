package io.demandcast.core.model;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model fitted on a panel. Immutable: forecasting does not change it, so one fitted model can
 * serve many requests, from many threads.
 */
public interface FittedModel {

    /** Family name, the key under which {@link ModelFamily} finds its loader. */
    String family();

    /** Ids of the series this model can forecast, in fit order. */
    java.util.List<String> seriesIds();

    /**
     * Forecasts {@code request.horizon()} steps past the end of every fitted series.
     *
     * @return one row per fitted series, in {@link #seriesIds()} order, without NaN
     * @throws IllegalArgumentException when the request lacks covariates the model needs
     */
    Forecast forecast(ForecastRequest request);

    /**
     * Names of the panel columns the model reads as inputs, in model order; empty for univariate
     * models. Recorded in the artifact manifest.
     */
    default java.util.List<String> features() {
        return java.util.List.of();
    }

    /**
     * Writes the fitted state as plain files (JSON or a documented binary, never Java
     * serialization) into an existing empty directory, so every later version can load it.
     */
    void save(Path directory) throws IOException;
}
