package io.demandcast.core.model.stat.theta;

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
import io.demandcast.core.model.stat.LocalForecaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Acceptance on the 1428 M3 monthly series (h = 18, m = 12): R's thetaf scores sMAPE 13.86 and
 * MASE 0.864 there; we require sMAPE &lt;= 14.01 and MASE within 0.02 of 0.864.
 */
class ThetaM3Test {

    @Test
    void thetaOnM3MonthlyMatchesR() throws IOException {
        Path m3 = SharedData.folder("m3-competition");
        Set<String> monthly;
        try (var lines = Files.lines(m3.resolve("meta.csv"))) {
            monthly = lines.map(l -> l.split(",")).filter(f -> f.length > 2 && f[2].replace("\"", "").equals("monthly"))
                    .map(f -> f[0].replace("\"", "")).collect(Collectors.toSet());
        }
        PanelCsvReader reader = new PanelCsvReader(new SchemaConfig(null, null, null, null, null, null), Frequency.MONTHLY, monthly::contains);
        Panel train = reader.read(List.of(m3.resolve("train.csv")));
        Panel test = reader.read(List.of(m3.resolve("test.csv")));

        Forecast forecast = new LocalForecaster(new Theta(12)).fit(train).forecast(new ForecastRequest(18));
        AggregateMetrics score = new Scorer(ScoreOptions.of(12)).score(forecast, test, train).aggregate();

        assertEquals(1428, score.series());
        assertTrue(score.smape() <= 14.01, "sMAPE " + score.smape());
        assertEquals(0.864, score.mase(), 0.02, "MASE");
    }
}
