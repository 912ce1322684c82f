package io.demandcast.core.model.stat.theta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.SharedData;
import io.demandcast.core.config.PrepareConfig.Fill;
import io.demandcast.core.config.PrepareConfig.GapConfig;
import io.demandcast.core.config.SchemaConfig;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelCsvReader;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.stat.LocalForecaster;
import io.demandcast.core.model.stat.simple.RFixture;
import io.demandcast.core.prepare.GapFiller;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Parity with R's thetaf on the Dominick's orange-juice series where R's SES search stops short of
 * the least-squares optimum (207 of 913; fixture by {@code scripts/fixtures/thetaf_dominicks_r.R},
 * which holds R's forecasts, not the data): the histories are built as R's (weeks 40-148, missing
 * weeks left missing and interpolated by the local forecaster), and theta's forecasts must be R's.
 * Before theta searched SES as R does, 149 of these differed from R by more than 1 %.
 */
class ThetaDominicksTest {

    @Test
    void forecastsAreRsWhereRsSesSearchStopsShort() {
        Path folder = SharedData.folder("dominicks-orange-juice");
        List<RFixture> cases = RFixture.read(ThetaDominicksTest.class, "thetaf_dominicks_r.csv");
        PanelCsvReader reader = new PanelCsvReader(new SchemaConfig(null, null, null, null, null, null), Frequency.WEEKLY);
        Panel raw = reader.read(List.of(folder.resolve("train.csv")));
        int week148 = raw.axis().period(LocalDate.of(1992, 7, 9));
        Panel history = GapFiller.fill(raw, new GapConfig(Fill.missing, Fill.ffill), week148).panel();
        Forecast forecast = new LocalForecaster(new Theta(52)).fit(history).forecast(new ForecastRequest(12));

        assertEquals(207, cases.size());
        for (RFixture c : cases) {
            // the evidence the fixture records: R's search stops where the least-squares fit is better
            assertTrue(c.get("mse_least_squares")[0] < c.get("mse_r")[0], c.name());
            double[] mean = c.get("mean");
            double[] ours = forecast.points(forecast.seriesIds().indexOf(c.name()));
            for (int h = 0; h < mean.length; h++) {
                assertEquals(mean[h], ours[h], 1e-6 * Math.max(1, Math.abs(mean[h])), c.name() + " step " + (h + 1));
            }
        }
    }
}
