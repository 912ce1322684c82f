package io.demandcast.core.evaluate.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.demandcast.core.Progress;
import io.demandcast.core.data.Panel;
import io.demandcast.core.evaluate.NonNegative;
import io.demandcast.core.model.Forecast;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The engine builds a combination with a global member from its members' runs exactly as fitting it would. */
class GlobalCombinationReuseTest {
    private static final String RIDGE = "{\"lags\": [1, 2, 7], \"rolling\": [7]}";

    @Test
    void aCombinationWithAGlobalMemberBuiltFromItsMembersRunsEqualsFittingIt() throws Exception {
        Panel panel = BacktestLeakageTest.noise();
        BacktestPlan plan = BacktestPlan.of(panel, panel, BacktestLeakageTest.config(2), 7);
        UnaryOperator<Forecast> clip = NonNegative::clipAtZero;
        List<ModelRun> runs = new ArrayList<>();
        runs.add(BacktestEngine.run(BacktestEngineTest.model("ridge", RIDGE), panel, plan, 2, BacktestEngineTest.LEVELS, clip,
                Progress.NONE, List.of()));
        runs.add(BacktestEngine.run(BacktestEngineTest.model("theta", "{}"), panel, plan, 2, BacktestEngineTest.LEVELS, clip,
                Progress.NONE, List.of()));
        BacktestModel combination = BacktestEngineTest.model("combination",
                "{\"members\": [{\"family\": \"ridge\", \"params\": " + RIDGE + "}, \"theta\"], \"weights\": [0.7, 0.3]}");
        List<ModelRun> members = CombinationReuse.memberRuns(combination, runs);
        assertNotNull(members, "every member was run");
        ModelRun combined = BacktestEngine.combine(combination, members, CombinationReuse.members(combination), clip);
        ModelRun fitted = BacktestEngine.run(combination, panel, plan, 2, BacktestEngineTest.LEVELS, clip, Progress.NONE, List.of());
        for (int w = 0; w < plan.windows(); w++) {
            Forecast a = combined.forecasts().get(w);
            Forecast b = fitted.forecasts().get(w);
            assertEquals(b.seriesIds(), a.seriesIds());
            for (int s = 0; s < a.seriesCount(); s++) {
                assertEquals(b.firstPeriod(s), a.firstPeriod(s));
                for (int k = 0; k < a.horizon(); k++) {
                    assertEquals(b.point(s, k), a.point(s, k), 1e-9);
                    for (int l = 0; l < BacktestEngineTest.LEVELS.length; l++) {
                        assertEquals(b.quantile(l, s, k), a.quantile(l, s, k), 1e-9);
                    }
                }
            }
        }
        // refitted on windows 1 and 3, updated (ridge filtered, theta filtered) on window 2
        assertEquals(List.of(true, false, true), combined.refitted());
        assertEquals(List.of(true, false, true), fitted.refitted());
    }
}
