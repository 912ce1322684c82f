package io.demandcast.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.Progress;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelBuilder;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@link SampledLeadTimes} through {@link PlanJob#plans}: each length its own simulation, each series its own method. */
class SampledLeadTimesTest {
    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final ModelContext DAILY = new ModelContext(Frequency.DAILY, 7);

    /** A smooth weekly series (ETS simulates it) and a sparse one (the bootstrap of intermittent demand). */
    private static Panel panel() {
        SplittableRandom r = new SplittableRandom(3);
        double[] smooth = new double[140];
        double[] sparse = new double[140];
        for (int t = 0; t < smooth.length; t++) {
            smooth[t] = 20 + 5 * Math.sin(2 * Math.PI * t / 7) + r.nextGaussian();
            sparse[t] = r.nextDouble() < 0.2 ? 1 + r.nextInt(3) : 0;
        }
        return new PanelBuilder(Frequency.DAILY, START).add("smooth", START, smooth).add("sparse", START, sparse).build();
    }

    @Test
    void levelsAreTheQuantilesOfLeadTimeForecastsForTheSameSeedAndEachLength() throws Exception {
        Panel panel = panel();
        FittedModel model = ModelRegistry.standard().family("auto").create(null, DAILY).fit(panel);
        List<String> steps = new ArrayList<>();
        SampledLeadTimes sampled = SampledLeadTimes.estimate(model, panel, n -> null, new TreeSet<>(List.of(3, 5)), 500, 11L, true, null,
                new Progress() {
                    @Override
                    public void report(String message) {
                    }

                    @Override
                    public Task task(String name, long total) {
                        steps.add(name + " " + total);
                        return Task.NONE;
                    }
                });
        assertEquals(List.of("lead-time demand auto over 3 periods 2", "lead-time demand auto over 5 periods 2"), steps);
        QuantileLeadTimes baseline = new QuantileLeadTimes(model.forecast(new ForecastRequest(5, new double[] {0.1, 0.9}, null)), true);
        Inventory stock = new Inventory("inv.csv", 0, List.of(
                new InventoryRow("smooth", 10, 0, 0, 3, 2, Double.NaN, Double.NaN, 1, 0, null, 2),
                new InventoryRow("sparse", 0, 0, 0, 3, 2, Double.NaN, Double.NaN, 1, 0, null, 3)));
        List<SeriesPlan> plans = PlanJob.plans(stock, ServiceTarget.cycleService(0.95), Double.NaN, sampled, baseline);

        List<LeadTimeForecast> overL = LeadTimeForecasts.estimate(model, panel, null, new LeadTimeRequest(3, 0, 500, 11L, true), Progress.Task.NONE);
        List<LeadTimeForecast> overLR = LeadTimeForecasts.estimate(model, panel, null, new LeadTimeRequest(3, 2, 500, 11L, true), Progress.Task.NONE);
        for (int s = 0; s < 2; s++) {
            SeriesPlan plan = plans.get(s);
            assertEquals(overL.get(s).seriesId(), plan.seriesId());
            assertEquals(overL.get(s).method(), plan.method());
            assertEquals(overL.get(s).demand().quantile(0.95), plan.reorderPoint(), 1e-12);
            assertEquals(overLR.get(s).demand().quantile(0.95), plan.orderUpTo(), 1e-12);
            assertEquals(overLR.get(s).demand().mean(), plan.meanProtectionDemand(), 1e-12);
        }
        assertEquals("ets_simulation", plans.get(0).method());
        assertEquals("willemain_bootstrap", plans.get(1).method());
        assertEquals(SampledLeadTimes.METHOD, sampled.method());
        assertTrue(plans.get(1).reorderPoint() == Math.rint(plans.get(1).reorderPoint()), "integer draws give integer levels");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sampled.demand("smooth", 4));
        assertEquals("lead-time demand over 4 periods was not simulated (lengths [3, 5])", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sampled.demand("other", 3));
    }
}
