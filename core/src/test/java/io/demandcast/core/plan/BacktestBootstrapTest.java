package io.demandcast.core.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.demandcast.core.Progress;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelBuilder;
import io.demandcast.core.evaluate.CumulativeScores;
import io.demandcast.core.evaluate.ForecastCalibration;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelRegistry;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link BacktestBootstrap} and {@link BootstrapDraws}: lead-time demand of models that cannot simulate. */
class BacktestBootstrapTest {
    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final ModelContext DAILY = new ModelContext(Frequency.DAILY, 7);

    private static double[] series(double level) {
        double[] y = new double[60];
        for (int t = 0; t < y.length; t++) {
            y[t] = level + 3 * Math.sin(t * 0.7) + (t % 5) * 0.4;
        }
        return y;
    }

    /** Ten scores per interval length 1..3; group "smooth" has its own for length 3 only (min_per_group 4). */
    private static CumulativeScores scores() {
        double[][] pooled = new double[3][];
        for (int p = 0; p < 3; p++) {
            pooled[p] = new double[10];
            for (int i = 0; i < 10; i++) {
                pooled[p][i] = (p + 1) * (i - 4.5) / 3.0; // -1.5 (p+1) .. 1.5 (p+1)
            }
        }
        double[][] smooth = {{0.5}, {0.5, 1}, {4, 1, 3, 2}};
        return new CumulativeScores(4, pooled, Map.of("smooth", smooth));
    }

    /**
     * Theta cannot simulate: with cumulative scores in the calibration, each quantile is the sum of
     * its point forecasts plus the series' scale times the empirical quantile (order statistic) of
     * the scores of its group for the interval's length: the pooled ones for a group with too few.
     */
    @Test
    void thetaGetsTheForecastSumPlusScaledScoreQuantiles() {
        Panel panel = new PanelBuilder(Frequency.DAILY, START).add("a", START, series(20)).add("b", START, series(40)).build();
        FittedModel theta = ModelRegistry.standard().family("theta").create(null, DAILY).fit(panel);
        ForecastCalibration calibration = new ForecastCalibration(false, null, 3, Map.of("a", 2.0, "b", 0.5),
                Map.of("a", "smooth", "b", "erratic"), scores(), Set.of());
        Forecast forecast = theta.forecast(new ForecastRequest(3, 0.1, 0.9));
        List<LeadTimeForecast> rows = LeadTimeForecasts.estimate(theta, panel, null, new LeadTimeRequest(2, 1, 100, 1, false),
                calibration, Progress.Task.NONE);
        double sumA = forecast.point(0, 0) + forecast.point(0, 1) + forecast.point(0, 2);
        double sumB = forecast.point(1, 0) + forecast.point(1, 1) + forecast.point(1, 2);
        LeadTimeForecast a = rows.get(0);
        LeadTimeForecast b = rows.get(1);
        assertEquals("backtest_bootstrap", a.method());
        assertEquals("backtest_bootstrap", b.method());
        // a: group smooth has 4 scores at length 3, sorted 1, 2, 3, 4; q0.5 is the 2nd, q0.95 the 4th
        assertEquals(sumA + 2.0 * 2, a.demand().quantile(0.5), 1e-9);
        assertEquals(sumA + 2.0 * 4, a.demand().quantile(0.95), 1e-9);
        assertEquals(sumA + 2.0 * 2.5, a.demand().mean(), 1e-9);
        // b: pooled scores at length 3 are (i - 4.5) for i = 0..9; q0.9 is the 9th, 3.5; q0.1 the 1st, -4.5
        assertEquals(sumB + 0.5 * 3.5, b.demand().quantile(0.9), 1e-9);
        assertEquals(sumB + 0.5 * -4.5, b.demand().quantile(0.1), 1e-9);
        assertEquals(sumB, b.demand().mean(), 1e-9);
    }

    /** An interval longer than the calibrated horizon, or no cumulative scores at all (an older artifact): the normal approximation. */
    @Test
    void withoutScoresForTheIntervalTheNormalApproximationRemains() {
        Panel panel = new PanelBuilder(Frequency.DAILY, START).add("a", START, series(20)).build();
        FittedModel theta = ModelRegistry.standard().family("theta").create(null, DAILY).fit(panel);
        ForecastCalibration with = new ForecastCalibration(false, null, 3, Map.of("a", 2.0), Map.of("a", "smooth"), scores(), Set.of());
        ForecastCalibration old = new ForecastCalibration(false, null, 3, Map.of("a", 2.0), Map.of("a", "smooth"));
        assertEquals("normal_from_quantiles", LeadTimeForecasts.estimate(theta, panel, null,
                new LeadTimeRequest(4, 0, 10, 1, false), with, Progress.Task.NONE).get(0).method());
        assertEquals("normal_from_quantiles", LeadTimeForecasts.estimate(theta, panel, null,
                new LeadTimeRequest(3, 0, 10, 1, false), old, Progress.Task.NONE).get(0).method());
    }

    /** Models that simulate keep their sample paths whatever the calibration holds. */
    @Test
    void simulatingModelsKeepTheirPaths() {
        Panel panel = new PanelBuilder(Frequency.DAILY, START).add("a", START, series(20)).build();
        FittedModel naive = ModelRegistry.standard().family("naive").create(null, DAILY).fit(panel);
        ForecastCalibration with = new ForecastCalibration(false, null, 3, Map.of("a", 2.0), Map.of("a", "smooth"), scores(), Set.of());
        assertEquals("random_walk", LeadTimeForecasts.estimate(naive, panel, null, new LeadTimeRequest(3, 0, 10, 1, false), with,
                Progress.Task.NONE).get(0).method());
    }

    /** Draws are cut at 0 when asked and rounded for counts: to the nearest whole number, or up. */
    @Test
    void drawsAreClippedAndRoundedForCounts() {
        double[] errors = {-3, -0.2, 0.1, 0.4};
        assertArrayEquals(new double[] {-5, 0.6, 1.2, 1.8}, BootstrapDraws.of(1, 2, errors, false, false, false), 1e-12);
        assertArrayEquals(new double[] {0, 0.6, 1.2, 1.8}, BootstrapDraws.of(1, 2, errors, true, false, false), 1e-12);
        assertArrayEquals(new double[] {0, 1, 1, 2}, BootstrapDraws.of(1, 2, errors, true, true, false), 1e-12);
        assertArrayEquals(new double[] {0, 1, 2, 2}, BootstrapDraws.of(1, 2, errors, true, true, true), 1e-12);
    }
}
