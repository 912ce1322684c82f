package io.demandcast.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.Progress;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelBuilder;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelRegistry;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.junit.jupiter.api.Test;

/** {@link LeadTimeForecasts}: lead-time demand from a fitted model's sample paths, or its fallback. */
class LeadTimeForecastsTest {
    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final ModelContext DAILY = new ModelContext(Frequency.DAILY, 7);

    private static FittedModel fit(String family, Panel panel) {
        return ModelRegistry.standard().family(family).create(null, DAILY).fit(panel);
    }

    /** A walk whose steps are all +-2: the naive model's sigma (the RMS of the differences) is exactly 2; it ends at 50. */
    private static double[] walk() {
        double[] y = new double[41];
        y[40] = 50;
        for (int t = 39; t >= 0; t--) {
            y[t] = y[t + 1] + (t % 3 == 0 ? 2 : -2);
        }
        return y;
    }

    private static double[] intermittent(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[200];
        for (int t = 0; t < y.length; t++) {
            y[t] = r.nextDouble() < 0.3 ? 1 + r.nextInt(4) : 0;
        }
        return y;
    }

    private static List<LeadTimeForecast> estimate(FittedModel model, Panel panel, LeadTimeRequest request) {
        return LeadTimeForecasts.estimate(model, panel, null, request, Progress.Task.NONE);
    }

    /**
     * The naive model is a random walk from y_T = 50 with sigma 2: over L = 7 periods the sum has mean
     * {@code 7 * 50} and variance {@code 4 * 7*8*15/6}; the simulated quantiles agree with that normal
     * within four Monte-Carlo standard errors.
     */
    @Test
    void naiveLeadTimeQuantilesMatchTheRandomWalksClosedForm() {
        Panel panel = new PanelBuilder(Frequency.DAILY, START).add("rw", START, walk()).build();
        int paths = 20_000;
        LeadTimeForecast f = estimate(fit("naive", panel), panel, new LeadTimeRequest(7, 0, paths, 1, false)).get(0);
        assertEquals("random_walk", f.method());
        assertEquals(START.plusDays(40), f.cutoff());
        double sd = 2 * Math.sqrt(7 * 8 * 15 / 6.0);
        NormalDistribution closed = new NormalDistribution(350, sd);
        assertEquals(350, f.demand().mean(), 4 * sd / Math.sqrt(paths));
        for (double p : new double[] {0.5, 0.9, 0.95, 0.99}) {
            double q = closed.inverseCumulativeProbability(p);
            assertEquals(q, f.demand().quantile(p), 4 * Math.sqrt(p * (1 - p) / paths) / closed.density(q), "q" + p);
        }
    }

    @Test
    void reviewPeriodLengthensTheInterval() {
        Panel panel = new PanelBuilder(Frequency.DAILY, START).add("rw", START, walk()).build();
        FittedModel model = fit("naive", panel);
        double lead = estimate(model, panel, new LeadTimeRequest(3, 0, 5000, 1, false)).get(0).demand().mean();
        double both = estimate(model, panel, new LeadTimeRequest(3, 4, 5000, 1, false)).get(0).demand().mean();
        assertEquals(150, lead, 2);
        assertEquals(350, both, 4);
    }

    /** A series' draws depend on the seed and its id, not on the other series of the model. */
    @Test
    void reproducibleWithASeedWhateverTheOtherSeries() {
        Panel two = new PanelBuilder(Frequency.DAILY, START).add("a", START, walk()).add("b", START, intermittent(4)).build();
        Panel one = new PanelBuilder(Frequency.DAILY, START).add("b", START, intermittent(4)).build();
        LeadTimeRequest request = new LeadTimeRequest(7, 0, 500, 11, true);
        FittedModel model = fit("auto_ets", two);
        String first = csv(estimate(model, two, request), request);
        assertEquals(first, csv(estimate(model, two, request), request), "same seed, same output");
        assertNotEquals(first, csv(estimate(model, two, new LeadTimeRequest(7, 0, 500, 12, true)), request), "another seed");
        LeadTimeForecast alone = estimate(fit("auto_ets", one), one, request).get(0);
        LeadTimeForecast together = estimate(model, two, request).get(1);
        assertEquals(together.demand().quantile(0.95), alone.demand().quantile(0.95));
    }

    @Test
    void intermittentFamiliesGiveNonNegativeIntegerQuantiles() {
        Panel panel = new PanelBuilder(Frequency.DAILY, START).add("x", START, intermittent(7)).add("y", START, intermittent(8)).build();
        for (String family : List.of("croston", "sba", "tsb", "adida", "imapa")) {
            for (LeadTimeForecast f : estimate(fit(family, panel), panel, new LeadTimeRequest(7, 0, 1000, 3, true))) {
                assertEquals("willemain_bootstrap", f.method(), family);
                for (double p : new double[] {0.05, 0.5, 0.9, 0.99}) {
                    double q = f.demand().quantile(p);
                    assertTrue(q >= 0 && q == Math.rint(q), family + " q" + p + " = " + q);
                }
                assertTrue(f.demand().mean() > 0, family);
            }
        }
    }

    @Test
    void clippingKeepsEveryPeriodAtOrAboveZero() {
        // a walk down to 1 with sigma 2: unclipped sums go well below 0, clipped never do
        double[] y = walk();
        for (int t = 0; t < y.length; t++) {
            y[t] -= 49;
        }
        Panel panel = new PanelBuilder(Frequency.DAILY, START).add("low", START, y).build();
        FittedModel model = fit("naive", panel);
        assertTrue(estimate(model, panel, new LeadTimeRequest(7, 0, 2000, 1, false)).get(0).demand().quantile(0.05) < 0);
        LeadTimeDemand clipped = estimate(model, panel, new LeadTimeRequest(7, 0, 2000, 1, true)).get(0).demand();
        assertTrue(clipped.quantile(0.01) >= 0 && clipped.mean() > 7, "clipped: " + clipped.quantile(0.01) + ", mean " + clipped.mean());
    }

    /**
     * A family without a simulation (theta) falls back to the normal approximation: the mean is the
     * sum of the point forecasts, the variance the sum of the per-period variances its 10 %/90 %
     * quantiles imply.
     */
    @Test
    void familiesThatCannotSimulateUseTheNormalApproximationOfTheirQuantiles() {
        Panel panel = new PanelBuilder(Frequency.DAILY, START).add("rw", START, walk()).build();
        FittedModel model = fit("theta", panel);
        LeadTimeForecast f = estimate(model, panel, new LeadTimeRequest(5, 0, 100, 1, false)).get(0);
        assertEquals(QuantileLeadTimes.METHOD, f.method());
        Forecast forecast = model.forecast(new ForecastRequest(5, 0.1, 0.9));
        double z = NormalLeadTimeDemand.z(0.9);
        double mean = 0;
        double variance = 0;
        for (int k = 0; k < 5; k++) {
            mean += forecast.point(0, k);
            variance += Math.pow((forecast.quantile(1, 0, k) - forecast.quantile(0, 0, k)) / (2 * z), 2);
        }
        assertEquals(mean, f.demand().mean(), 1e-9);
        assertEquals(Math.sqrt(variance), f.demand().standardDeviation(), 1e-9);
    }

    @Test
    void csvHasOneRowPerSeriesWithTheServiceLevelColumns() throws Exception {
        Panel panel = new PanelBuilder(Frequency.DAILY, START).add("a", START, walk()).add("b", START, intermittent(4)).build();
        LeadTimeRequest request = new LeadTimeRequest(7, 2, 200, 1, true);
        List<String> lines = csv(estimate(fit("naive", panel), panel, request), request).lines().toList();
        assertEquals("series_id,cutoff,lead_time,review_period,method,mean,sd,q0.1,q0.5,q0.9,q0.95,q0.99", lines.get(0));
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).startsWith("a,2024-02-10,7,2,random_walk,"), lines.get(1));
    }

    private static String csv(List<LeadTimeForecast> rows, LeadTimeRequest request) {
        StringWriter out = new StringWriter();
        try {
            LeadTimeCsv.write(rows, request, LeadTimeJob.levels(List.of(0.1, 0.5, 0.9)), out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }
}
