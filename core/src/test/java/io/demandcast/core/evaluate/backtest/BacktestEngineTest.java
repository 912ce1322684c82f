package io.demandcast.core.evaluate.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.demandcast.core.Progress;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.evaluate.NonNegative;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class BacktestEngineTest {
    static final double[] LEVELS = {0.1, 0.5, 0.9};

    static BacktestModel model(String family, String params) throws Exception {
        JsonNode node = new ObjectMapper().readTree(params);
        return new BacktestModel(family, BacktestModel.Role.CANDIDATE,
                ModelRegistry.standard().family(family).create(node, new ModelContext(Frequency.DAILY, 7)), null);
    }

    @Test
    void aCombinationBuiltFromItsMembersRunsEqualsFittingIt() throws Exception {
        Panel panel = BacktestLeakageTest.noise();
        BacktestPlan plan = BacktestPlan.of(panel, panel, BacktestLeakageTest.config(2), 7);
        UnaryOperator<Forecast> clip = NonNegative::clipAtZero;
        List<ModelRun> runs = new ArrayList<>();
        for (String family : List.of("ses", "theta", "naive")) {
            runs.add(BacktestEngine.run(model(family, "{}"), panel, plan, 2, LEVELS, clip, Progress.NONE, List.of()));
        }
        BacktestModel combination = model("combination", "{\"members\": [\"ses\", \"theta\", \"naive\"], \"method\": \"median\"}");
        List<ModelRun> members = CombinationReuse.memberRuns(combination, runs);
        assertNotNull(members, "every member was run");
        ModelRun combined = BacktestEngine.combine(combination, members, CombinationReuse.members(combination), clip);
        ModelRun fitted = BacktestEngine.run(combination, panel, plan, 2, LEVELS, clip, Progress.NONE, List.of());
        for (int w = 0; w < plan.windows(); w++) {
            Forecast a = combined.forecasts().get(w);
            Forecast b = fitted.forecasts().get(w);
            assertEquals(b.seriesIds(), a.seriesIds());
            for (int s = 0; s < a.seriesCount(); s++) {
                assertEquals(b.firstPeriod(s), a.firstPeriod(s));
                for (int k = 0; k < a.horizon(); k++) {
                    assertEquals(b.point(s, k), a.point(s, k), 1e-9);
                    for (int l = 0; l < LEVELS.length; l++) {
                        assertEquals(b.quantile(l, s, k), a.quantile(l, s, k), 1e-9);
                    }
                }
            }
        }
        assertEquals(List.of(true, false, true), combined.refitted());
    }

    @Test
    void aCombinationWithAMemberNotRunIsFitted() throws Exception {
        BacktestModel combination = model("combination", "{\"members\": [\"ses\", \"theta\"]}");
        Panel panel = BacktestLeakageTest.noise();
        BacktestPlan plan = BacktestPlan.of(panel, panel, BacktestLeakageTest.config(1), 7);
        List<ModelRun> runs = List.of(BacktestEngine.run(model("ses", "{}"), panel, plan, 1, LEVELS, f -> f, Progress.NONE, List.of()));
        assertEquals(null, CombinationReuse.memberRuns(combination, runs));
        assertTrue(CombinationReuse.members(combination) != null);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 3})
    void theGateKnowsEveryLeaderboardValueBeforeTheRun(int windows) throws Exception {
        Panel panel = BacktestLeakageTest.noise();
        io.demandcast.core.config.BacktestConfig config = new io.demandcast.core.config.BacktestConfig(7, windows, null, null,
                null, null, null, null, null);
        BacktestPlan plan = BacktestPlan.of(panel, panel, config, 7);
        BacktestScoring scoring = new BacktestScoring(panel, plan, io.demandcast.core.evaluate.ScoreOptions.of(7),
                UnaryOperator.identity(), java.util.Map.of());
        List<ModelScores> scores = new ArrayList<>();
        for (String family : List.of("seasonal_naive", "ses")) {
            BacktestModel m = model(family, "{}");
            BacktestModel role = family.equals("seasonal_naive")
                    ? new BacktestModel(family, BacktestModel.Role.BASELINE, m.forecaster(), null) : m;
            scores.add(scoring.score(BacktestEngine.run(role, panel, plan, 1, LEVELS, f -> f, Progress.NONE, List.of())));
        }
        Leaderboard board = Leaderboard.of(scores, "rmsse");
        assertEquals(new java.util.TreeSet<>(MetricNames.expected(LEVELS, false, windows)), new java.util.TreeSet<>(board.valueNames()));
    }
}
