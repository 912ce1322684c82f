package io.demandcast.core.model.stat.simple;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.demandcast.core.model.stat.SeriesForecast;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MeanTest {
    static Stream<RFixture> rCases() {
        return RFixture.read(MeanTest.class, "rwf_meanf_r.csv").stream();
    }

    /** R: meanf(y, h, level = c(80, 95)). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rCases")
    void matchesRMeanf(RFixture c) {
        double[] mean = c.get("mean_mean");
        SeriesForecast f = new Mean().fit(c.get("y")).forecast(mean.length, new double[] {0.025, 0.9});
        assertArrayEquals(mean, f.point(), 1e-9);
        assertArrayEquals(c.get("mean_lo95"), f.quantiles()[0], 1e-7);
        assertArrayEquals(c.get("mean_hi80"), f.quantiles()[1], 1e-7);
    }

    @Test
    void edgeCasesAndRoundTrip() {
        SimpleTestSupport.assertFiniteOnEdgeCases(new Mean());
        SimpleTestSupport.assertRoundTrip(new Mean(), new double[] {3, 5, 4, 8, 9});
        SeriesForecast one = new Mean().fit(new double[] {6}).forecast(2, new double[] {0.1, 0.9});
        assertArrayEquals(new double[] {6, 6}, one.quantiles()[0]);
    }
}
