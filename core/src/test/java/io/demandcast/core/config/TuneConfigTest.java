package io.demandcast.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code tune:} section: each value form of a search space, the defaults, and errors pointing into the file. */
class TuneConfigTest {

    private static ExperimentConfig parse(String yaml) {
        return ConfigLoader.parse(yaml, "configs/x.yaml", List.of());
    }

    private static String error(String yaml) {
        return assertThrows(InvalidConfigException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void everyValueFormBinds() {
        TuneConfig t = parse("""
                tune:
                  space:
                    - family: tsb
                      params:
                        alpha_d: 0.1
                        alpha_p: {range: [0.05, 0.3]}
                    - family: croston
                      params: {alpha: [0.05, 0.1, 0.2]}
                    - family: window_average
                      params: {window: {int_range: [3, 28]}}
                    - family: ses
                    - family: auto_ets
                      params: {model: {choice: [ZZZ, AAdN]}, damped: {value: false}}
                    - family: croston
                      params: {alpha: {log_range: [0.01, 0.5], grid_points: 3}}
                    - family: combination
                      params: {members: {value: [ses, theta]}}
                """).tune();
        Map<String, ParamDomain> tsb = t.space().get(0).params();
        assertEquals(new ParamDomain.Fixed(JsonNodeFactory.instance.numberNode(0.1)), tsb.get("alpha_d"));
        assertEquals(new ParamDomain.Range(0.05, 0.3, null), tsb.get("alpha_p"));
        assertInstanceOf(ParamDomain.Choice.class, t.space().get(1).params().get("alpha"));
        assertEquals(3, ((ParamDomain.Choice) t.space().get(1).params().get("alpha")).values().size());
        assertEquals(new ParamDomain.IntRange(3, 28, null), t.space().get(2).params().get("window"));
        assertEquals(Map.of(), t.space().get(3).params());
        assertInstanceOf(ParamDomain.Choice.class, t.space().get(4).params().get("model"));
        assertEquals(new ParamDomain.Fixed(JsonNodeFactory.instance.booleanNode(false)), t.space().get(4).params().get("damped"));
        assertEquals(new ParamDomain.LogRange(0.01, 0.5, 3), t.space().get(5).params().get("alpha"));
        assertTrue(((ParamDomain.Fixed) t.space().get(6).params().get("members")).value().isArray());
        assertEquals(List.of("alpha_d", "alpha_p"), List.copyOf(tsb.keySet()), "params keep their written order");
    }

    @Test
    void defaults() {
        TuneConfig t = parse("tune:\n  space: [{family: ses}]\n").tune();
        assertEquals(TuneConfig.Search.random, t.search());
        assertEquals(20, t.candidateBudget());
        assertEquals(42L, t.seed());
        assertNull(t.metric());
        assertEquals(new TuneConfig.Halving(true, 3, 1), t.halvingRule());
        assertEquals(3, t.ensemble().topK());
        assertEquals(2, t.parallel());
        assertNull(t.timeBudgetDuration());
        assertNull(parse("name: a\n").tune());
        TuneConfig grid = parse("tune:\n  search: grid\n  space: [{family: ses}]\n  halving: false\n").tune();
        assertNull(grid.candidateBudget(), "a grid is searched whole by default");
        assertFalse(grid.halvingRule().enabled());
    }

    @Test
    void durations() {
        assertEquals(Duration.ofSeconds(90), TuneConfig.parseDuration("90s", "k"));
        assertEquals(Duration.ofMinutes(20), TuneConfig.parseDuration("20m", "k"));
        assertEquals(Duration.ofMinutes(90), TuneConfig.parseDuration("1h30m", "k"));
        for (String bad : List.of("", "20", "m", "0s", "1.5h", "20 m", "1y")) {
            assertThrows(IllegalArgumentException.class, () -> TuneConfig.parseDuration(bad, "k"), bad);
        }
    }

    @Test
    void roundTripsThroughToYaml() {
        ExperimentConfig c = parse("""
                tune:
                  search: grid
                  grid_points: 3
                  time_budget: 20m
                  halving: {eta: 2}
                  space:
                    - {family: tsb, params: {alpha_d: [0.1, 0.2], alpha_p: {range: [0.05, 0.3]}}}
                    - {family: combination, params: {members: {value: [ses, theta]}, method: median}}
                    - {family: window_average, params: {window: {int_range: [3, 9], grid_points: 2}}}
                """);
        assertEquals(c, parse(ConfigLoader.toYaml(c)));
    }

    @Test
    void badSpacesPointAtTheKey() {
        String unknownFamily = error("tune:\n  space:\n    - family: ses\n    - family: prophecy\n");
        assertTrue(unknownFamily.startsWith("configs/x.yaml:4:15: tune.space[1].family: unknown model family 'prophecy'"), unknownFamily);
        String unknownKey = error("tune:\n  space:\n    - family: croston\n      params:\n        alpah: [0.1, 0.2]\n");
        assertTrue(unknownKey.startsWith("configs/x.yaml:5:9: tune.space[0].params.alpah: croston refused alpah=0.1: "
                + "model.params.alpah is not a parameter of croston"), unknownKey);
        String badChoice = error("tune:\n  space:\n    - family: tsb\n      params: {alpha_d: [0.1, 7]}\n");
        assertTrue(badChoice.startsWith("configs/x.yaml:4:16: tune.space[0].params.alpha_d: tsb refused alpha_d=7: "), badChoice);
        String reversed = error("tune:\n  space:\n    - family: tsb\n      params:\n        alpha_p: {range: [0.5, 0.1]}\n");
        assertTrue(reversed.startsWith("configs/x.yaml:5:9: tune.space[0].params.alpha_p: range needs a <= b"), reversed);
        String log = error("tune:\n  space:\n    - family: croston\n      params:\n        alpha: {log_range: [0, 0.5]}\n");
        assertTrue(log.startsWith("configs/x.yaml:5:9: tune.space[0].params.alpha: log_range needs 0 < a <= b"), log);
        String gridRange = error("tune:\n  search: grid\n  space:\n    - family: tsb\n      params:\n        alpha_p: {range: [0.1, 0.5]}\n");
        assertTrue(gridRange.startsWith("configs/x.yaml:6:9: tune.space[0].params.alpha_p: a range in grid search needs grid_points"), gridRange);
        String mixed = error("tune:\n  space:\n    - family: tsb\n      params:\n        alpha_p: {range: [0.1, 0.5], step: 2}\n");
        assertTrue(mixed.startsWith("configs/x.yaml:5:9: tune.space[0].params.alpha_p: a search domain is one of"), mixed);
        String intRange = error("tune:\n  space:\n    - family: window_average\n      params:\n        window: {int_range: [2.5, 9]}\n");
        assertTrue(intRange.startsWith("configs/x.yaml:5:9: tune.space[0].params.window: int_range needs a list of two integers"), intRange);
        String realForInt = error("tune:\n  space:\n    - family: window_average\n      params:\n        window: {range: [2, 9]}\n");
        assertTrue(realForInt.startsWith("configs/x.yaml:5:9: tune.space[0].params.window: window_average refused window=2.0"), realForInt);
        String noFamily = error("tune:\n  space:\n    - params: {alpha: 0.1}\n");
        assertTrue(noFamily.startsWith("configs/x.yaml:3:7: tune.space[0]: a space entry needs a family"), noFamily);
        String unknownTuneKey = error("tune:\n  space: [{family: ses}]\n  seeds: 3\n");
        assertTrue(unknownTuneKey.startsWith("configs/x.yaml:3:3: unknown key 'seeds' in tune"), unknownTuneKey);
        String metric = error("tune:\n  space: [{family: ses}]\n  metric: r2\n");
        assertTrue(metric.startsWith("configs/x.yaml:3:11: tune.metric: 'r2' is not a lower-is-better backtest metric"), metric);
        String budget = error("tune:\n  space: [{family: ses}]\n  time_budget: soon\n");
        assertTrue(budget.startsWith("configs/x.yaml:3:16: tune.time_budget: expected a duration"), budget);
        String halving = error("tune:\n  space: [{family: ses}]\n  halving: {eta: 1}\n");
        assertTrue(halving.startsWith("configs/x.yaml:3:18: tune.halving.eta must be an integer >= 2"), halving);
        String empty = error("tune:\n  space: []\n");
        assertTrue(empty.startsWith("configs/x.yaml:2:3: tune.space needs at least one entry"), empty);
    }

    @Test
    void overridesAreCheckedToo() {
        String e = assertThrows(InvalidConfigException.class, () -> ConfigLoader.parse("tune:\n  space: [{family: ses}]\n",
                "configs/x.yaml", List.of("tune.space[0].family=prophecy"))).getMessage();
        assertTrue(e.startsWith("--set tune.space[0].family=prophecy: tune.space[0].family: unknown model family 'prophecy'"), e);
        assertEquals(7L, ConfigLoader.parse("tune:\n  space: [{family: ses}]\n", "x", List.of("tune.seed=7")).tune().seed());
    }
}
