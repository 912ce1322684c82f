package io.demandcast.core.model.stat.theta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.demandcast.core.data.Frequency;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelFamily;
import io.demandcast.core.model.stat.LocalForecaster;
import io.demandcast.core.model.stat.simple.SimpleTestSupport;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThetaFamiliesTest {

    @Test
    void thetaSavesAndLoadsAndDefaultsToTheSeasonLength(@TempDir Path dir) throws Exception {
        ModelFamily theta = ThetaFamilies.families().get(0);
        assertEquals("theta", theta.name());
        ModelContext daily = new ModelContext(Frequency.DAILY, 7);
        assertEquals(Map.of("season_length", 7), ((LocalForecaster) theta.create(null, daily)).parameters());
        SimpleTestSupport.assertFamilyRoundTrip(theta, "{}", daily, dir);
        SimpleTestSupport.assertFiniteOnEdgeCases(new Theta(7));
        SimpleTestSupport.assertFiniteOnEdgeCases(new Theta(12));
    }
}
