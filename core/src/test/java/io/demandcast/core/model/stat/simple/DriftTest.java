package io.demandcast.core.model.stat.simple;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.demandcast.core.model.stat.SeriesForecast;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DriftTest {
    static Stream<RFixture> rCases() {
        return RFixture.read(DriftTest.class, "rwf_meanf_r.csv").stream();
    }

    /** R: rwf(y, h, drift = TRUE, level = c(80, 95)). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rCases")
    void matchesRRwfWithDrift(RFixture c) {
        double[] mean = c.get("drift_mean");
        SeriesForecast f = new Drift().fit(c.get("y")).forecast(mean.length, new double[] {0.025, 0.9});
        assertArrayEquals(mean, f.point(), 1e-9);
        assertArrayEquals(c.get("drift_lo95"), f.quantiles()[0], 1e-8);
        assertArrayEquals(c.get("drift_hi80"), f.quantiles()[1], 1e-8);
    }

    @Test
    void edgeCasesAndRoundTrip() {
        SimpleTestSupport.assertFiniteOnEdgeCases(new Drift());
        SimpleTestSupport.assertRoundTrip(new Drift(), new double[] {3, 5, 4, 8, 9});
        assertArrayEquals(new double[] {7, 7}, new Drift().fit(new double[] {7}).forecast(2, new double[0]).point());
        assertEquals(0, new Drift().fit(new double[0]).forecast(1, new double[] {0.9}).quantiles()[0][0]);
    }
}
