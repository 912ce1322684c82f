package io.demandcast.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code data.format} and {@code data.duplicates} (issue 14, defect 14): defaults, a European file, and errors naming the key. */
class DataFormatConfigTest {

    private static ExperimentConfig parse(String yaml) {
        return ConfigLoader.parse(yaml, "x.yaml", List.of());
    }

    private static String error(String yaml) {
        return assertThrows(InvalidConfigException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void defaultsAreCommaPointIsoAndError() {
        DataConfig data = parse("name: a\n").data();
        assertEquals(new DataFormat(",", ".", "yyyy-MM-dd"), data.format());
        assertEquals(DataConfig.Duplicates.error, data.duplicates());
    }

    @Test
    void aEuropeanFileAndSummedDuplicatesBindAndRoundTrip() {
        ExperimentConfig config = parse("data:\n  format: {delimiter: ';', decimal: ',', date_format: dd/MM/yyyy}\n  duplicates: sum\n");
        assertEquals(new DataFormat(";", ",", "dd/MM/yyyy"), config.data().format());
        assertEquals(DataConfig.Duplicates.sum, config.data().duplicates());
        assertEquals(config, ConfigLoader.parse(ConfigLoader.toYaml(config), "resolved.yaml", List.of()));
    }

    @Test
    void badValuesNameTheKey() {
        assertEquals("x.yaml:2:23: data.format.delimiter must be one of ',', ';', '|' or a tab (got ';;')",
                error("data:\n  format: {delimiter: ';;'}\n"));
        assertEquals("x.yaml:2:21: data.format.decimal must be '.' or ',' (got '·')",
                error("data:\n  format: {decimal: '·'}\n"));
        assertEquals("x.yaml:2:21: data.format.decimal: ',' is also the delimiter; a file with decimal commas separates fields with ';'"
                + " (set data.format.delimiter: ';')", error("data:\n  format: {decimal: ','}\n"));
        assertEquals("x.yaml:2:25: data.format.date_format: 'dd/MM' must have a day (dd), a month (MM) and a year (yyyy), e.g. dd/MM/yyyy",
                error("data:\n  format: {date_format: dd/MM}\n"));
        String pattern = error("data:\n  format: {date_format: 'dd/MM/yyyy {'}\n");
        assertEquals(true, pattern.startsWith("x.yaml:2:25: data.format.date_format: 'dd/MM/yyyy {' is not a date pattern"), pattern);
        assertEquals("x.yaml:2:15: data.duplicates: 'add' is not one of [error, sum, last]", error("data:\n  duplicates: add\n"));
        assertEquals("x.yaml:2:12: unknown key 'separator' in data.format (allowed: delimiter, decimal, date_format)",
                error("data:\n  format: {separator: ';'}\n"));
    }
}
