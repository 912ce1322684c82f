package io.demandcast.core.model.stat.arima;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.model.stat.NormalIntervals;
import io.demandcast.core.model.stat.SeriesFit;
import io.demandcast.core.model.stat.SeriesForecast;

/** One series' ARIMA model as a {@link SeriesFit}: normal quantiles around the state-space forecast. */
final class ArimaSeriesFit implements SeriesFit {
    private final ArimaModel model;

    ArimaSeriesFit(ArimaModel model) {
        this.model = model;
    }

    ArimaModel model() {
        return model;
    }

    @Override
    public SeriesForecast forecast(int horizon, double[] levels) {
        double[][] f = model.forecast(horizon);
        return NormalIntervals.of(f[0], f[1], levels);
    }

    @Override
    public ObjectNode state() {
        return model.toJson();
    }
}
