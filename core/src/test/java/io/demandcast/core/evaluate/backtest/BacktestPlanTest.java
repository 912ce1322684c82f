package io.demandcast.core.evaluate.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.demandcast.core.config.BacktestConfig;
import io.demandcast.core.data.DataException;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.TimeAxis;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BacktestPlanTest {
    static final TimeAxis DAILY = new TimeAxis(Frequency.DAILY, LocalDate.of(2024, 1, 1));

    /** Series "long" covers periods 0..99, "short" 40..89 (ends 10 earlier): a ragged panel. */
    static Panel ragged() {
        int[] periods = new int[150];
        double[] target = new double[150];
        for (int i = 0; i < 100; i++) {
            periods[i] = i;
            target[i] = i;
        }
        for (int i = 0; i < 50; i++) {
            periods[100 + i] = 40 + i;
            target[100 + i] = i;
        }
        return new Panel(DAILY, new String[] {"long", "short"}, new int[] {0, 100, 150}, periods, target, Map.of(), Map.of(), Map.of());
    }

    static BacktestConfig config(int windows, Integer step, BacktestConfig.Cutoffs cutoffs, List<String> dates,
                                 BacktestConfig.WindowType window, Integer length, Object refit, Integer minTrain) {
        var refitNode = refit == null ? null : refit instanceof Integer i ? JsonNodeFactory.instance.numberNode(i)
                : JsonNodeFactory.instance.textNode((String) refit);
        return new BacktestConfig(null, windows, step, cutoffs, dates, window, length, refitNode, minTrain);
    }

    @Test
    void fromEndCountsBackFromEachSeriesOwnEnd() {
        Panel p = ragged();
        BacktestPlan plan = BacktestPlan.of(p, p, config(3, 5, null, null, null, null, null, null), 7);
        assertEquals(3, plan.windows());
        // long ends at 99: cutoffs 99-7-10, 99-7-5, 99-7; short ends at 89.
        assertEquals(82, plan.cutoff(0, 0));
        assertEquals(87, plan.cutoff(1, 0));
        assertEquals(92, plan.cutoff(2, 0));
        assertEquals(72, plan.cutoff(0, 1));
        assertEquals(82, plan.cutoff(2, 1));
        assertEquals(0, plan.trainStart(2, 0));
        assertEquals(40, plan.trainStart(2, 1));
    }

    @Test
    void commonCutoffsAreCalendarDatesFromTheLatestEnd() {
        Panel p = ragged();
        BacktestPlan plan = BacktestPlan.of(p, p, config(2, null, BacktestConfig.Cutoffs.common, null, null, null, null, null), 7);
        assertEquals(85, plan.cutoff(0, 0), "step defaults to the horizon");
        assertEquals(92, plan.cutoff(1, 0));
        assertEquals(85, plan.cutoff(0, 1), "short has actuals 86..89 after it");
        assertFalse(plan.includes(1, 1), "short ends at 89: nothing to score after 92");
        assertEquals("2024-04-02", plan.cutoffRange(1));
    }

    @Test
    void explicitDatesAndSlidingWindows() {
        Panel p = ragged();
        BacktestPlan plan = BacktestPlan.of(p, p, config(1, null, null, List.of("2024-02-29", "2024-03-10"),
                BacktestConfig.WindowType.sliding, 30, null, null), 7);
        assertEquals(2, plan.windows());
        assertEquals(59, plan.cutoff(0, 0));
        assertEquals(69, plan.cutoff(1, 0));
        assertEquals(30, plan.trainStart(0, 0));
        assertEquals(40, plan.trainStart(1, 1), "a sliding window never starts before the series");
        Panel training = plan.training(p, 1, 1);
        assertEquals(30, training.length(0));
        assertEquals(69, training.lastPeriod(0));
    }

    @Test
    void minTrainLeavesShortHistoriesOut() {
        Panel p = ragged();
        BacktestPlan plan = BacktestPlan.of(p, p, config(1, null, BacktestConfig.Cutoffs.common, null, null, null, null, 50), 7);
        // cutoff 92: long has 93 periods, short 40..89 -> ends before the window: left out anyway.
        assertArrayEquals(new int[] {0}, plan.seriesIn(0));
        BacktestPlan fromEnd = BacktestPlan.of(p, p, config(1, null, null, null, null, null, null, 50), 7);
        assertFalse(fromEnd.includes(0, 1), "short has 43 periods before its cutoff 82, fewer than 50");
        assertThrows(DataException.class, () -> BacktestPlan.of(p, p, config(1, null, null, null, null, null, null, 500), 7));
    }

    @Test
    void trainingSinceAnEarlierWindowStartsThere() {
        Panel p = ragged();
        BacktestPlan plan = BacktestPlan.of(p, p, config(3, 5, null, null, BacktestConfig.WindowType.sliding, 20, null, null), 7);
        Panel since = plan.training(p, 2, 0);
        assertEquals(plan.trainStart(0, 0), since.firstPeriod(0));
        assertEquals(plan.cutoff(2, 0), since.lastPeriod(0));
    }

    @Test
    void refitWindows() {
        assertEquals(0, BacktestPlan.refitWindow(0, 1));
        assertEquals(3, BacktestPlan.refitWindow(3, 1));
        assertEquals(0, BacktestPlan.refitWindow(4, 5));
        assertEquals(5, BacktestPlan.refitWindow(6, 5));
        assertEquals(0, BacktestPlan.refitWindow(6, BacktestConfig.NEVER));
    }

    @Test
    void seriesWithoutActualsInTheWindowAreLeftOut() {
        Panel p = ragged();
        double[] nan = p.targetColumn();
        for (int i = 93; i < 100; i++) {
            nan[i] = Double.NaN;
        }
        Panel actuals = p.withTarget(nan);
        BacktestPlan plan = BacktestPlan.of(p, actuals, config(2, null, null, null, null, null, null, null), 7);
        assertFalse(plan.includes(1, 0), "long's last 7 actuals are missing");
        assertTrue(plan.includes(0, 0));
        assertTrue(plan.includes(1, 1));
        DataException e = assertThrows(DataException.class, () -> BacktestPlan.of(p, actuals,
                config(1, null, BacktestConfig.Cutoffs.common, null, null, null, null, null), 7));
        assertTrue(e.getMessage().contains("window 1 of 1"), e.getMessage());
    }
}
