package io.demandcast.core.model.stat.intermittent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.SharedData;
import io.demandcast.core.config.SchemaConfig;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelCsvReader;
import io.demandcast.core.evaluate.AggregateMetrics;
import io.demandcast.core.evaluate.ScoreOptions;
import io.demandcast.core.evaluate.Scorer;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.Forecaster;
import io.demandcast.core.model.stat.LocalForecaster;
import io.demandcast.core.model.stat.SeasonalNaive;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Acceptance on m5-tiny (280 item-store daily series; fit on train + test_validation, forecast the
 * 28 days of test_evaluation): TSB and SBA beat seasonal naive (m = 7) on mean RMSSE (M5 scaling).
 * Measured when written: seasonal naive 1.0709, SBA 0.8422, TSB 0.8563, Croston 0.8494.
 */
class IntermittentM5Test {

    @Test
    void tsbAndSbaBeatSeasonalNaiveOnRmsse() {
        Path m5 = SharedData.folder("m5-tiny");
        PanelCsvReader reader = new PanelCsvReader(new SchemaConfig(null, null, null, null, null, null), Frequency.DAILY);
        Panel history = reader.read(List.of(m5.resolve("train.csv"), m5.resolve("test_validation.csv")));
        Panel actuals = reader.read(List.of(m5.resolve("test_evaluation.csv")));

        double snaive = rmsse(SeasonalNaive.seasonal(7), history, actuals);
        double sba = rmsse(new LocalForecaster(Croston.sba(0.1)), history, actuals);
        double tsb = rmsse(new LocalForecaster(new Tsb(0.1, 0.1)), history, actuals);

        assertTrue(sba < snaive, "SBA " + sba + " vs seasonal naive " + snaive);
        assertTrue(tsb < snaive, "TSB " + tsb + " vs seasonal naive " + snaive);
        assertEquals(0.8422, sba, 0.001);
        assertEquals(0.8563, tsb, 0.001);
    }

    private static double rmsse(Forecaster forecaster, Panel history, Panel actuals) {
        Forecast forecast = forecaster.fit(history).forecast(new ForecastRequest(28));
        AggregateMetrics m = new Scorer(ScoreOptions.of(7)).score(forecast, actuals, history).aggregate();
        assertEquals(280, m.series());
        return m.rmsse();
    }
}
