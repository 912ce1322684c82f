package io.demandcast.core.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.demandcast.core.SharedData;
import io.demandcast.core.config.SchemaConfig;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelCsvReader;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.stat.SeasonalNaive;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Acceptance: demandcast's seasonal naive on the M5 aggregates (official final setting: fit on
 * train + test_validation, forecast the 28 days of test_evaluation) reproduces the published sNaive
 * WRMSSE of levels 1, 2, 3, 8 and 9.
 */
class ScorerM5Test {

    @Test
    void seasonalNaiveReproducesPublishedM5Wrmsse() {
        Path m5 = SharedData.folder("m5-aggregates");
        PanelCsvReader reader = new PanelCsvReader(new SchemaConfig(null, null, null, null, null, null), Frequency.DAILY);
        Panel history = reader.read(List.of(m5.resolve("train.csv"), m5.resolve("test_validation.csv")));
        Panel actuals = reader.read(List.of(m5.resolve("test_evaluation.csv")));
        Forecast forecast = SeasonalNaive.seasonal(7).fit(history).forecast(new ForecastRequest(28));
        SeriesWeights weights = SeriesWeightsCsv.read(m5.resolve("weights.csv"), "weight_evaluation");

        ScoreResult result = new Scorer(ScoreOptions.of(7).withWeights(weights)).score(forecast, actuals, history);

        Map<String, Double> byLevel = result.aggregate().wrmsseByLevel();
        assertEquals(List.of("1", "2", "3", "8", "9"), List.copyOf(byLevel.keySet()));
        assertEquals(0.5600, byLevel.get("1"), 0.0005);
        assertEquals(0.6731, byLevel.get("2"), 0.0005);
        assertEquals(0.7176, byLevel.get("3"), 0.0005);
        assertEquals(0.8008, byLevel.get("8"), 0.0005);
        assertEquals(0.8881, byLevel.get("9"), 0.0005);
        assertEquals(114, result.aggregate().series());
        assertEquals(114L * 28, result.aggregate().n());
    }
}
