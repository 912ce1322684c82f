package io.demandcast.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesFilterTest {
    private static ExperimentConfig parse(String yaml, String... overrides) {
        return ConfigLoader.parse(yaml, "configs/x.yaml", List.of(overrides));
    }

    private static String error(String yaml, String... overrides) {
        return assertThrows(InvalidConfigException.class, () -> parse(yaml, overrides)).getMessage();
    }

    @Test
    void bindsAValueOrAListPerWhereColumnAndReadsBackFromYaml() {
        ExperimentConfig c = parse("""
                data:
                  files: [train.csv]
                  series:
                    file: meta.csv
                    where: {frequency: monthly, seasonal_period: 12, category: [MICRO, MACRO]}
                """);
        SeriesFilter f = c.data().series();
        assertEquals("meta.csv", f.file());
        assertEquals("series_id", f.idColumn());
        assertEquals(List.of(), f.ids());
        assertEquals(Map.of("frequency", List.of("monthly"), "seasonal_period", List.of("12"), "category", List.of("MICRO", "MACRO")),
                f.where());
        assertEquals(List.of("frequency", "seasonal_period", "category"), List.copyOf(f.where().keySet()), "order as written");
        assertEquals("file meta.csv, where frequency = monthly and seasonal_period = 12 and category in [MICRO, MACRO]", f.describe());
        assertEquals(c, ConfigLoader.parse(ConfigLoader.toYaml(c), "resolved.yaml", List.of()));
    }

    @Test
    void idsAndStaticsNeedNoFile() {
        SeriesFilter ids = parse("data: {series: {ids: [a, b]}}").data().series();
        assertEquals(List.of("a", "b"), ids.ids());
        assertNull(ids.idColumn());
        SeriesFilter statics = parse("data: {schema: {statics: [store_id]}, series: {where: {store_id: CA_1}}}").data().series();
        assertEquals("where static store_id = CA_1", statics.describe());
        assertNull(parse("data: {files: [x.csv]}").data().series(), "absent: every series");
        assertEquals("every series", parse("data: {series: {}}").data().series().describe(), "no condition: every series");
        assertEquals(List.of("c"), parse("data: {series: {ids: [a]}}", "data.series.ids=[c]").data().series().ids());
    }

    @Test
    void errorsNameTheKey() {
        assertEquals("configs/x.yaml:1:38: data.series.id_column names the id column of data.series.file; give the file too"
                + " (or remove id_column)", error("data: {series: {ids: [a], id_column: sid}}"));
        assertEquals("configs/x.yaml:1:38: data.series.where.frequency: give at least one value",
                error("data: {series: {file: m.csv, where: {frequency: []}}}"));
        assertEquals("configs/x.yaml:1:38: data.series.where.frequency: expected a value or a list of values, got a mapping",
                error("data: {series: {file: m.csv, where: {frequency: {a: b}}}}"));
        assertEquals("configs/x.yaml:1:38: data.series.where.frequency: expected a value or a list of values, got a list holding a list",
                error("data: {series: {file: m.csv, where: {frequency: [[a]]}}}"));
        assertEquals("configs/x.yaml:1:26: data.series.ids[1]: null is not allowed here; remove the entry or give a value",
                error("data: {series: {ids: [a, null]}}"));
        assertEquals("configs/x.yaml:3:12: data.series.where: 'state' is not a static column of the data"
                + " (data.schema.statics and data.attributes: [store_id]); without data.series.file, where tests static columns",
                error("data:\n  schema: {statics: [store_id]}\n  series: {where: {state: CA}}"));
        assertEquals("configs/x.yaml:1:17: unknown key 'wher' in data.series (allowed: ids, file, id_column, where)",
                error("data: {series: {wher: {a: b}}}"));
    }
}
