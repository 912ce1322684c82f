package io.demandcast.core.model.stat.arima;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.model.stat.NormalIntervals;
import io.demandcast.core.model.stat.SeriesFit;
import io.demandcast.core.model.stat.SeriesForecast;

/** One series' ARIMA model as a {@link SeriesFit}: normal quantiles around the state-space forecast. */
final class ArimaSeriesFit implements SeriesFit {
    private final ArimaModel model;
    /** What the fit fell back to (null: as asked, or unknown for a filtered or loaded fit). */
    private final io.demandcast.core.model.FamilyUsed fallback;

    ArimaSeriesFit(ArimaModel model) {
        this(model, null);
    }

    ArimaSeriesFit(ArimaModel model, io.demandcast.core.model.FamilyUsed fallback) {
        this.model = model;
        this.fallback = fallback;
    }

    io.demandcast.core.model.FamilyUsed fallback() {
        return fallback;
    }

    ArimaModel model() {
        return model;
    }

    @Override
    public SeriesForecast forecast(int horizon, double[] levels) {
        double[][] f = model.forecast(horizon);
        return NormalIntervals.of(f[0], f[1], levels);
    }

    /** Paths from the model's final state ({@link ArimaSimulation}). */
    @Override
    public io.demandcast.core.model.stat.SeriesSimulation simulation() {
        return new ArimaSimulation(model);
    }

    @Override
    public ObjectNode state() {
        return model.toJson();
    }
}
