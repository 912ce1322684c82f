package io.demandcast.core.evaluate.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.demandcast.core.Progress;
import io.demandcast.core.config.BacktestConfig;
import io.demandcast.core.config.ServicePolicy;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.TimeAxis;
import io.demandcast.core.evaluate.ScoreOptions;
import io.demandcast.core.plan.EmpiricalLeadTimeDemand;
import io.demandcast.core.plan.NormalLeadTimeDemand;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The policy simulation of the backtest: one cycle replayed by hand, order-up-to levels for both
 * targets, and levels that depend on nothing after their window's cutoff.
 */
class PolicySimulationTest {
    static final TimeAxis DAILY = new TimeAxis(Frequency.DAILY, LocalDate.of(2024, 1, 1));
    static final int H = 7;
    static final List<ServicePolicy> POLICIES = List.of(ServicePolicy.cycleService(0.9, 5, 0),
            ServicePolicy.fillRateTarget(0.95, 3, 2));

    @Test
    void aCycleIsReplayedPeriodByPeriod() {
        // S = 10, demand 3, 4, 5, 0: stock after each period 7, 3, -2 (2 backordered), -2
        PolicyCycle c = PolicyCycle.replay(10, new double[] {3, 4, 5, 0});
        assertFalse(c.served());
        assertEquals(12, c.demand());
        assertEquals(2, c.shortage());
        assertEquals((7 + 3 + 0 + 0) / 4.0, c.averageStock(), 1e-12);
        assertEquals(2, c.stockoutPeriods());

        PolicyCycle covered = PolicyCycle.replay(12, new double[] {3, 4, 5, 0});
        assertTrue(covered.served(), "demand equal to S is served");
        assertEquals(0, covered.shortage());
        assertEquals((9 + 5 + 0 + 0) / 4.0, covered.averageStock(), 1e-12);
        assertEquals(0, covered.stockoutPeriods());

        // a negative level (a normal quantile below 0) starts with an empty shelf
        PolicyCycle empty = PolicyCycle.replay(-3, new double[] {0, 2});
        assertEquals(2, empty.shortage());
        assertEquals(1, empty.stockoutPeriods());
        assertThrows(IllegalArgumentException.class, () -> PolicyCycle.replay(1, new double[0]));
    }

    @Test
    void outcomesAggregateCyclesAsDocumented() {
        ServicePolicy p = POLICIES.get(0);
        List<PolicySimulation.Cycle> cycles = List.of(
                new PolicySimulation.Cycle(1, "a", "smooth", 0, PolicySimulation.BOOTSTRAP, 9, 10, PolicyCycle.replay(10, new double[] {3, 4, 5, 0})),
                new PolicySimulation.Cycle(1, "b", "smooth", 0, PolicySimulation.BOOTSTRAP, 9, 12, PolicyCycle.replay(12, new double[] {3, 4, 5, 0})));
        PolicyOutcome o = PolicySimulation.outcome(p, PolicySimulation.BOOTSTRAP, PolicySimulation.ALL, cycles);
        assertEquals(2, o.cycles());
        assertEquals(0.5, o.serviceLevel());
        assertEquals(1 - 2.0 / 24, o.fillRate(), 1e-12);
        assertEquals((2.5 + 3.5) / 2, o.averageStock(), 1e-12);
        assertEquals(1.0, o.stockoutPeriods());
        assertEquals(11, o.meanLevel());
    }

    @Test
    void orderUpToLevelsMeetTheirTargets() {
        EmpiricalLeadTimeDemand d = new EmpiricalLeadTimeDemand(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertEquals(8, PolicyLevels.orderUpTo(d, ServicePolicy.cycleService(0.9, 1, 0), true));
        // fill rate 0.9: allowed shortage 0.1 * 4.5 = 0.45; E[max(D - 7, 0)] = (1 + 2) / 10 = 0.3 <= 0.45,
        // E[max(D - 6, 0)] = (1 + 2 + 3) / 10 = 0.6 > 0.45, so between 6 and 7, rounded up to 7 for counts
        assertEquals(7, PolicyLevels.orderUpTo(d, ServicePolicy.fillRateTarget(0.9, 1, 0), true));
        double continuous = PolicyLevels.orderUpTo(d, ServicePolicy.fillRateTarget(0.9, 1, 0), false);
        assertEquals(0.45, d.expectedShortage(continuous), 1e-9);
        // normal: S = mu + z_alpha sigma, never below 0
        NormalLeadTimeDemand n = new NormalLeadTimeDemand(100, 20);
        assertEquals(100 + 20 * NormalLeadTimeDemand.z(0.95), PolicyLevels.orderUpTo(n, ServicePolicy.cycleService(0.95, 1, 0), false), 1e-9);
        assertEquals(0, PolicyLevels.orderUpTo(new NormalLeadTimeDemand(-5, 1), ServicePolicy.cycleService(0.95, 1, 0), false));
        // fill rate with the standard normal loss: sigma G(k) = (1 - beta) mu
        double s = PolicyLevels.orderUpTo(n, ServicePolicy.fillRateTarget(0.98, 1, 0), false);
        assertEquals(0.02 * 100, 20 * NormalLeadTimeDemand.loss((s - 100) / 20), 1e-9);
    }

    /** Eight Poisson-like count series with a weekly pattern, 140 days. */
    static Panel counts(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 8;
        int length = 140;
        int[] offsets = new int[n + 1];
        int[] periods = new int[n * length];
        double[] target = new double[n * length];
        String[] ids = new String[n];
        int r = 0;
        for (int s = 0; s < n; s++) {
            ids[s] = "item" + s;
            for (int t = 0; t < length; t++) {
                periods[r] = t;
                double mean = (s % 2 == 0 ? 0.6 : 6) * (t % 7 == 5 ? 1.8 : 1);
                target[r] = poisson(random, mean);
                r++;
            }
            offsets[s + 1] = r;
        }
        return new Panel(DAILY, ids, offsets, periods, target, Map.of(), Map.of(), Map.of());
    }

    private static int poisson(SplittableRandom random, double mean) {
        double l = Math.exp(-mean);
        double p = 1;
        int k = -1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k;
    }

    static ServiceLevels simulate(Panel panel) {
        BacktestConfig bt = new BacktestConfig(H, 6, H, null, null, null, null, JsonNodeFactory.instance.numberNode(1), null);
        BacktestPlan plan = BacktestPlan.of(panel, panel, bt, H);
        BacktestModel model = new BacktestModel("ses", BacktestModel.Role.CANDIDATE, BacktestLeakageTest.forecaster("ses"), null);
        ModelRun run = BacktestEngine.run(model, panel, plan, 1, new double[] {0.5}, UnaryOperator.identity(), Progress.NONE, List.of());
        return new BacktestScoring(panel, plan, ScoreOptions.of(7), UnaryOperator.identity(), Map.of(), id -> true, io.demandcast.core.prepare.CensoredPeriods.NONE, POLICIES, null, false)
                .score(run).serviceLevels();
    }

    /** Level of each (window, series, policy, method). */
    private static Map<String, Double> levels(ServiceLevels levels) {
        Map<String, Double> out = new HashMap<>();
        levels.cycles().forEach(c -> out.put(c.window() + "/" + c.seriesId() + "/" + c.policy() + "/" + c.method(), c.level()));
        return out;
    }

    @Test
    void simulatesEveryWindowAfterTheFirstWithBothMethods() {
        ServiceLevels levels = simulate(counts(7));
        // 5 windows after the first x 8 series x 2 policies x 2 methods
        assertEquals(5 * 8 * 2 * 2, levels.cycles().size());
        assertTrue(levels.cycles().stream().noneMatch(c -> c.window() == 0), "the first window only calibrates");
        for (PolicySimulation.Cycle c : levels.cycles()) {
            assertTrue(c.level() >= 0 && c.level() == Math.rint(c.level()), "count data get whole, non-negative levels: " + c);
        }
        PolicyOutcome all = levels.overall(POLICIES.get(0), PolicySimulation.BOOTSTRAP);
        assertEquals(40, all.cycles());
        assertTrue(levels.outcomes().stream().anyMatch(o -> !o.demandClass().equals(PolicySimulation.ALL)), "per demand class too");
    }

    @Test
    void levelsUseNothingAfterTheirCutoff() {
        Panel panel = counts(7);
        Map<String, Double> before = levels(simulate(panel));
        // window 3 of 6 (0-based) has its cutoff 3 windows of 7 days before the end: day 118
        int cutoff = 140 - 1 - 3 * H;
        double[] changed = panel.targetColumn().clone();
        for (int r = 0; r < changed.length; r++) {
            if (panel.period(r) > cutoff) {
                changed[r] = changed[r] * 3 + 5;
            }
        }
        Map<String, Double> after = levels(simulate(panel.withTarget(changed)));
        int compared = 0;
        for (Map.Entry<String, Double> e : before.entrySet()) {
            int window = Integer.parseInt(e.getKey().substring(0, e.getKey().indexOf('/')));
            if (window <= 3) {
                assertEquals(e.getValue(), after.get(e.getKey()), "level " + e.getKey() + " changed with actuals after its cutoff");
                compared++;
            }
        }
        assertEquals(3 * 8 * 2 * 2, compared, "windows 1..3 simulated");
        assertNotEquals(before, after, "later windows see the changed actuals");
    }
}
