package io.demandcast.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, defect 6: YAML anchors and aliases were read as their literal names
 * ({@code model.name: *nm} published a model called {@code nm}; a list alias failed with "got 'l'").
 * They are now resolved (with a limit against alias bombs) or refused with file:line:column.
 */
class YamlAliasTest {

    private static ExperimentConfig parse(String yaml, String... overrides) {
        return ConfigLoader.parse(yaml, "configs/x.yaml", List.of(overrides));
    }

    private static String error(String yaml, String... overrides) {
        return assertThrows(InvalidConfigException.class, () -> parse(yaml, overrides)).getMessage();
    }

    @Test
    void scalarAliasGivesTheAnchoredValue() {
        ExperimentConfig c = parse("""
                name: &nm weekly-store
                model:
                  name: *nm
                  family: naive
                """);
        assertEquals("weekly-store", c.model().name());
        assertEquals("weekly-store", c.name());
    }

    @Test
    void listAndMappingAliasesGiveTheAnchoredNodes() {
        ExperimentConfig c = parse("""
                prepare:
                  features:
                    lags: &l [7, 14]
                model:
                  family: seasonal_naive
                  params: &p {season_length: 7}
                models:
                  - {family: seasonal_naive, params: *p}
                  - {family: naive}
                predict:
                  quantiles: &q [0.1, 0.9]
                """);
        assertEquals(List.of(0.1, 0.9), c.predict().quantiles());
        assertEquals(7, c.model().params().get("season_length").asInt());
        assertEquals(7, c.models().get(0).params().get("season_length").asInt());
        assertEquals(List.of(7, 14), c.prepare().features().lags());
    }

    @Test
    void anAliasInsideAnAnchoredNodeIsResolvedInItsCopiesToo() {
        ExperimentConfig c = parse("""
                model: {family: seasonal_naive, params: &p {season_length: 7}}
                models:
                  - &first {name: a, family: seasonal_naive, params: *p}
                  - <<: *first
                    name: b
                """);
        assertEquals("b", c.models().get(1).name());
        assertEquals(7, c.models().get(1).params().get("season_length").asInt());
    }

    @Test
    void mergeKeysMergeMappingsOwnKeysWin() {
        ExperimentConfig c = parse("""
                model: &base
                  family: seasonal_naive
                  params: {season_length: 7}
                models:
                  - <<: *base
                    name: snaive14
                    params: {season_length: 14}
                  - <<: [*base]
                    name: snaive7
                """);
        assertEquals("snaive14", c.models().get(0).name());
        assertEquals("seasonal_naive", c.models().get(0).family());
        assertEquals(14, c.models().get(0).params().get("season_length").asInt());
        assertEquals(7, c.models().get(1).params().get("season_length").asInt());
    }

    @Test
    void anUnknownAliasIsRefusedWhereItIs() {
        String e = error("""
                model:
                  name: *nm
                """);
        assertEquals("configs/x.yaml:2:9: unknown alias '*nm': no anchor '&nm' before it", e);
    }

    @Test
    void anAliasOfTheWrongTypeFailsAtTheAlias() {
        String e = error("""
                predict:
                  horizon: &h [1, 2]
                backtest:
                  horizon: *h
                """);
        assertTrue(e.startsWith("configs/x.yaml:2:"), e);
        assertTrue(e.contains("predict.horizon: expected an integer, got a list"), e);
    }

    @Test
    void anAliasBombIsRefusedAtTheAliasPastTheLimit() {
        StringBuilder y = new StringBuilder("x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 9; i++) {
            String a = "*a" + (i - 1);
            y.append("x").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, a))).append("]\n");
        }
        long start = System.nanoTime();
        String e = error(y.toString());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "refused quickly");
        assertTrue(e.matches("configs/x\\.yaml:\\d+:\\d+: aliases expand to more than 10000 values .*"), e);
    }

    @Test
    void aRecursiveAliasIsRefused() {
        String e = error("""
                models: &m
                  - {family: naive}
                  - *m
                """);
        assertEquals("configs/x.yaml:3:5: alias '*m' refers to a node that contains it (a recursive alias)", e);
    }

    @Test
    void aMergeOfAListOfScalarsIsRefused() {
        String e = error("""
                model:
                  <<: [a, b]
                """);
        assertTrue(e.startsWith("configs/x.yaml:2:3: '<<' merges mappings"), e);
    }

    @Test
    void anAliasInAnOverrideOrAGateRuleIsRefused() {
        String e = error("model: {family: naive}\n", "model.name=*nm");
        assertTrue(e.startsWith("--set model.name=*nm: '*nm' is a YAML alias"), e);
        String g = assertThrows(InvalidConfigException.class, () -> ConfigLoader.parseGateRule("{metric: *m, max: 1}")).getMessage();
        assertTrue(g.contains("'*m' is a YAML alias"), g);
    }
}
