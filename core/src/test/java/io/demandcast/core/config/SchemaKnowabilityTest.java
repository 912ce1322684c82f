package io.demandcast.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code data.schema}: known and past-only covariates, the list and mapping forms, and their errors. */
class SchemaKnowabilityTest {

    private static SchemaConfig schema(String yaml) {
        return ConfigLoader.parse(yaml, "x.yaml", List.of()).data().schema();
    }

    private static String error(String yaml) {
        return assertThrows(InvalidConfigException.class, () -> ConfigLoader.parse(yaml, "x.yaml", List.of())).getMessage();
    }

    @Test
    void listFormMeansKnownAndPastOnlyIsItsOwnKey() {
        SchemaConfig s = schema("""
                data:
                  files: [a.csv]
                  schema:
                    covariates: [price, snap]
                    categorical: [event_name]
                    past_only: [traffic]
                    past_only_categorical: [weather]
                """);
        assertEquals(List.of("price", "snap"), s.covariates());
        assertEquals(List.of("traffic"), s.pastOnly());
        assertEquals(List.of("price", "snap", "traffic"), s.numericColumns());
        assertEquals(List.of("event_name", "weather"), s.categoricalColumns());
        assertEquals(List.of("traffic", "weather"), s.pastOnlyColumns());
    }

    @Test
    void mappingFormSplitsByRoleAndRoundTrips() {
        ExperimentConfig c = ConfigLoader.parse("""
                data:
                  files: [a.csv]
                  schema:
                    covariates: {price: known, traffic: past_only, promo: known}
                    categorical: {event_name: known, weather: past_only}
                """, "x.yaml", List.of());
        SchemaConfig s = c.data().schema();
        assertEquals(List.of("price", "promo"), s.covariates());
        assertEquals(List.of("traffic"), s.pastOnly());
        assertEquals(List.of("event_name"), s.categorical());
        assertEquals(List.of("weather"), s.pastOnlyCategorical());
        assertEquals(c, ConfigLoader.parse(ConfigLoader.toYaml(c), "resolved.yaml", List.of()));
    }

    @Test
    void anUnknownRoleNamesTheEntryLineColumnAndTheAllowedValues() {
        String message = error("""
                data:
                  files: [a.csv]
                  schema:
                    covariates:
                      price: known
                      traffic: past_olny
                """);
        assertEquals("x.yaml:6:16: data.schema.covariates.traffic: 'past_olny' is not one of [known, past_only]", message);
    }

    @Test
    void aColumnDeclaredTwiceIsAnError() {
        String message = error("""
                data:
                  files: [a.csv]
                  schema:
                    covariates: [price]
                    past_only: [traffic, price]
                """);
        assertEquals("x.yaml:5:5: data.schema.past_only: column 'price' is declared twice (also in data.schema.covariates);"
                + " give each column one role", message);
    }

    @Test
    void pastOnlyCanBeSetFromTheCommandLine() {
        SchemaConfig s = ConfigLoader.parse("data: {files: [a.csv]}", "x.yaml", List.of("data.schema.past_only=[traffic]"))
                .data().schema();
        assertEquals(List.of("traffic"), s.pastOnly());
    }
}
