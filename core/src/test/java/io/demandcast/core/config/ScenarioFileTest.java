package io.demandcast.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioFileTest {
    private static final String VALID = String.join("\n",
            "scenarios:",
            "  - name: price_cut_10",
            "    overrides:",
            "      - series: all",
            "        column: price",
            "        multiply: 0.9",
            "  - name: promo",
            "    overrides:",
            "      - series: [A, B]",
            "        dates: [2024-03-01, 2024-03-02]",
            "        column: promo",
            "        set: 1",
            "      - series: {where: {store: [2, '5']}}",
            "        dates: {from: 2024-03-01, to: 2024-03-03}",
            "        column: price",
            "        add: -0.05",
            "");

    @Test
    void readsNamedScenariosWithTheirOverridesInOrder() {
        List<Scenario> s = ScenarioFile.parse(VALID, "s.yaml");
        assertEquals(List.of("price_cut_10", "promo"), s.stream().map(Scenario::name).toList());
        CovariateOverride cut = s.get(0).overrides().get(0);
        assertTrue(cut.allSeries());
        assertEquals(CovariateOverride.Operation.MULTIPLY, cut.operation());
        assertEquals(0.9, cut.value());
        assertNull(cut.from());
        assertTrue(cut.covers(LocalDate.of(1999, 1, 1)), "no dates: every forecast period");
        assertEquals("s.yaml:4:9", cut.location());
        CovariateOverride promo = s.get(1).overrides().get(0);
        assertEquals(List.of("A", "B"), promo.seriesIds());
        assertEquals(List.of(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 2)), promo.dates());
        assertTrue(promo.covers(LocalDate.of(2024, 3, 2)));
        assertTrue(!promo.covers(LocalDate.of(2024, 3, 3)));
        CovariateOverride byStore = s.get(1).overrides().get(1);
        assertEquals(Map.of("store", List.of("2", "5")), byStore.where());
        assertEquals(CovariateOverride.Operation.ADD, byStore.operation());
        assertTrue(byStore.covers(LocalDate.of(2024, 3, 3)));
        assertTrue(!byStore.covers(LocalDate.of(2024, 3, 4)));
        assertEquals("price + -0.05", byStore.describe());
    }

    private static String error(String yaml) {
        return assertThrows(InvalidConfigException.class, () -> ScenarioFile.parse(yaml, "s.yaml")).getMessage();
    }

    private static String one(String... overrideLines) {
        return "scenarios:\n  - name: x\n    overrides:\n      - " + String.join("\n        ", overrideLines) + "\n";
    }

    @Test
    void errorsNameTheFileLineAndColumn() {
        assertTrue(error(one("series: all", "column: price", "multiply: 0.9", "colour: red")).startsWith("s.yaml:7:9: unknown key 'colour'"),
                error(one("series: all", "column: price", "multiply: 0.9", "colour: red")));
        String both = error(one("series: all", "column: price", "multiply: 0.9", "set: 1"));
        assertTrue(both.startsWith("s.yaml:6:19: give one of set, multiply or add per override (got set and multiply)"), both);
        String none = error(one("series: all", "column: price"));
        assertTrue(none.startsWith("s.yaml:4:9: ") && none.contains("needs one of set, multiply or add"), none);
        String text = error(one("series: all", "column: price", "multiply: '0.9'"));
        assertTrue(text.startsWith("s.yaml:6:19: multiply needs a number"), text);
        String date = error(one("series: all", "dates: [2024-02-30]", "column: price", "set: 1"));
        assertTrue(date.startsWith("s.yaml:5:17: expected a date yyyy-MM-dd, got '2024-02-30'"), date);
        String order = error(one("series: all", "dates: {from: 2024-03-05, to: 2024-03-01}", "column: price", "set: 1"));
        assertTrue(order.startsWith("s.yaml:5:39: 'to' (2024-03-01) is before 'from'"), order);
        String series = error(one("series: some", "column: price", "set: 1"));
        assertTrue(series.startsWith("s.yaml:4:17: expected 'all'"), series);
        String noSeries = error(one("column: price", "set: 1"));
        assertTrue(noSeries.startsWith("s.yaml:4:9: the override needs 'series'"), noSeries);
        String column = error(one("series: all", "set: 1"));
        assertTrue(column.startsWith("s.yaml:4:9: 'column' is required"), column);
    }

    @Test
    void scenarioNamesAreCheckedAndTheFileNeedsScenarios() {
        String twice = error("scenarios:\n  - {name: a, overrides: [{series: all, column: p, set: 1}]}\n"
                + "  - {name: a, overrides: [{series: all, column: p, set: 1}]}\n");
        assertTrue(twice.startsWith("s.yaml:3:12: scenario 'a' is named twice"), twice);
        String baseline = error("scenarios:\n  - {name: baseline, overrides: [{series: all, column: p, set: 1}]}\n");
        assertTrue(baseline.contains("'baseline' names the forecast without overrides"), baseline);
        String badName = error("scenarios:\n  - {name: 'a,b', overrides: [{series: all, column: p, set: 1}]}\n");
        assertTrue(badName.startsWith("s.yaml:2:12: a scenario name is"), badName);
        assertTrue(error("other: 1\n").startsWith("s.yaml:1:1: unknown key 'other'"), error("other: 1\n"));
        assertTrue(error("scenarios: []\n").contains("expected a non-empty list of scenarios"));
        String noOverrides = error("scenarios:\n  - {name: a}\n");
        assertTrue(noOverrides.startsWith("s.yaml:2:5: scenario 'a' needs a non-empty 'overrides:' list"), noOverrides);
        String syntax = error("scenarios:\n  - {name: a\n");
        assertTrue(syntax.startsWith("s.yaml:3:"), syntax);
    }

    @Test
    void loadNamesAMissingFile(@TempDir Path dir) throws Exception {
        String missing = assertThrows(InvalidConfigException.class, () -> ScenarioFile.load(dir.resolve("none.yaml"))).getMessage();
        assertTrue(missing.startsWith("scenario file not found: "), missing);
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, VALID);
        assertEquals(2, ScenarioFile.load(f).size());
    }
}
