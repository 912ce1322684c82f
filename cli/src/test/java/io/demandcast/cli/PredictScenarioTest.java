package io.demandcast.cli;

import static io.demandcast.cli.Errors.assertUserError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code predict --scenario}: a small fixture whose demand falls with price (3 series x 70 days, then 7
 * future days of planned price and promotion), a global ML model that reads them, and the scenario
 * CSVs beside the unchanged baseline forecast.
 */
class PredictScenarioTest {
    static final List<String> SERIES = List.of("A", "B", "C");
    static final LocalDate START = LocalDate.of(2024, 1, 1);
    static final int DAYS = 70;
    static final int HORIZON = 7;
    static final LocalDate FIRST = START.plusDays(DAYS);

    @TempDir
    Path dir;

    /** Demand = 60 x price^-2 x (1.5 with a promotion), weekly wiggle; prices vary by a few steps. */
    private String salesCsv() {
        StringBuilder sb = new StringBuilder("series_id,store,date,value,price,promo,traffic\n");
        for (int s = 0; s < SERIES.size(); s++) {
            for (int d = 0; d < DAYS + HORIZON; d++) {
                double price = 1.0 + 0.1 * ((d * 7 + s * 3) % 5);
                int promo = (d + s) % 9 == 4 ? 1 : 0;
                long value = Math.round(60 * Math.pow(price, -2) * (promo == 1 ? 1.5 : 1) * (1 + 0.1 * (d % 7 == 5 ? 1 : 0)));
                sb.append(SERIES.get(s)).append(',').append(s == 0 ? "1" : "2").append(',').append(START.plusDays(d)).append(',')
                        .append(d < DAYS ? Long.toString(value) : "").append(',').append(price).append(',').append(promo)
                        .append(',').append(d < DAYS ? Integer.toString(100 + d) : "").append('\n');
            }
        }
        return sb.toString();
    }

    private Path project(String family, String params) throws Exception {
        Path data = dir.resolve("sales.csv");
        Files.writeString(data, salesCsv());
        Path config = dir.resolve("experiment.yaml");
        Files.writeString(config, String.join("\n",
                "name: scenariotest",
                "data:",
                "  files: [" + TestProject.quote(data) + "]",
                "  frequency: daily",
                "  schema:",
                "    covariates: [price, promo]",
                "    past_only: [traffic]",
                "    statics: [store]",
                "prepare:",
                "  output: " + TestProject.quote(dir.resolve("prepared")),
                "model:",
                "  name: m",
                "  family: " + family,
                "  params: " + params,
                "train:",
                "  store: " + TestProject.quote(dir.resolve("store")),
                "predict:",
                "  horizon: " + HORIZON,
                "  output: " + TestProject.quote(dir.resolve("out").resolve("forecast.csv")),
                "monitor:",
                "  log_forecasts: false",
                ""));
        assertEquals(0, CliRun.run("prepare", "-q", "-c", config.toString()).code());
        CliRun.Result train = CliRun.run("train", "-q", "-c", config.toString());
        assertEquals(0, train.code(), train.toString());
        return config;
    }

    private static final String ML = "{lags: [1, 7], rolling: [], transform: log1p, calendar: false, covariates: [promo], price: [price]}";

    private Path scenarios(String yaml) throws Exception {
        Path f = dir.resolve("scenarios.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private static final String CUT_B = String.join("\n",
            "scenarios:",
            "  - name: cut_b",
            "    overrides:",
            "      - series: [B]",
            "        dates: {from: " + FIRST.plusDays(2) + "}",
            "        column: price",
            "        multiply: 0.8",
            "  - name: promo_store_2",
            "    overrides:",
            "      - series: {where: {store: '2'}}",
            "        dates: [" + FIRST + "]",
            "        column: promo",
            "        set: 1",
            "");

    @Test
    void writesEachScenarioBesideTheUnchangedBaselineAndTouchesOnlyTheNamedSeriesAndDates() throws Exception {
        Path config = project("ridge", ML);
        Path forecast = dir.resolve("out").resolve("forecast.csv");
        CliRun.Result plain = CliRun.run("predict", "-q", "-c", config.toString());
        assertEquals(0, plain.code(), plain.toString());
        String baseline = Files.readString(forecast);
        CliRun.Result r = CliRun.run("predict", "-c", config.toString(), "--scenario", scenarios(CUT_B).toString(), "--json");
        assertEquals(0, r.code(), r.toString());
        assertEquals(baseline, Files.readString(forecast), "the baseline forecast is what predict writes without --scenario");
        Path rows = dir.resolve("out").resolve("forecast.scenarios.csv");
        Path totals = dir.resolve("out").resolve("forecast.scenarios.totals.csv");
        assertTrue(r.err().contains("scenarios cut_b ("), r.err());
        List<String> lines = Files.readAllLines(rows);
        assertEquals("series_id,date,scenario,baseline,forecast,lift,lift_lo,lift_hi", lines.get(0));
        assertEquals(1 + 2 * SERIES.size() * HORIZON, lines.size());
        int raised = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            LocalDate date = LocalDate.parse(c[1]);
            double base = Double.parseDouble(c[3]);
            double lift = Double.parseDouble(c[5]);
            assertEquals(Double.parseDouble(c[4]) - base, lift, 2e-4, line);
            assertTrue(Double.parseDouble(c[6]) <= lift + 1e-9 && lift <= Double.parseDouble(c[7]) + 1e-9, "lift inside its interval: " + line);
            // a recursive model carries a change into later periods of the same series through its lags, never into other
            // series or earlier periods
            boolean reachable = c[2].equals("cut_b") ? c[0].equals("B") && !date.isBefore(FIRST.plusDays(2))
                    : !c[0].equals("A");
            if (!reachable) {
                assertEquals(0.0, lift, 0.0, "untouched series and dates keep the baseline: " + line);
            }
            if (c[2].equals("cut_b") && c[0].equals("B") && date.equals(FIRST.plusDays(2))) {
                assertTrue(lift > 0, "a 20 % price cut raises demand that falls with price: " + line);
                raised++;
            }
            if (c[2].equals("promo_store_2") && !c[0].equals("A") && date.equals(FIRST)) {
                assertTrue(lift > 0, "a promotion raises demand: " + line);
                raised++;
            }
        }
        assertEquals(3, raised);
        List<String> t = Files.readAllLines(totals);
        assertEquals("series_id,scenario,first_date,last_date,baseline,forecast,lift,lift_lo,lift_hi,lift_pct", t.get(0));
        assertEquals(1 + 2 * SERIES.size(), t.size());
        JsonNode json = new ObjectMapper().readTree(r.out()).get("scenarios");
        assertEquals(rows.toString(), json.get("output").asText());
        assertEquals("cut_b", json.get("scenarios").get(0).get("name").asText());
        assertEquals(5, json.get("scenarios").get(0).get("cells_changed").asInt(), "B's price on the last 5 days");
        assertEquals(1, json.get("scenarios").get(0).get("series_positive").asInt());
        assertEquals(2, json.get("scenarios").get(1).get("cells_changed").asInt(), "B's and C's promo on the first day");
    }

    @Test
    void refusesAModelThatReadsNoCovariateAndWritesNothing() throws Exception {
        Path config = project("seasonal_naive", "{season_length: 7}");
        CliRun.Result r = CliRun.run("predict", "-c", config.toString(), "--scenario", scenarios(CUT_B).toString());
        assertUserError(r, "the seasonal_naive model reads no covariates; the scenario changes nothing");
        assertTrue(Files.notExists(dir.resolve("out")), "nothing written");
    }

    @Test
    void refusesPastOnlyUnknownColumnsAndDatesOutsideTheHorizonNamingTheLine() throws Exception {
        Path config = project("ridge", ML);
        String past = CUT_B.replace("column: price", "column: traffic");
        assertUserError(CliRun.run("predict", "-c", config.toString(), "--scenario", scenarios(past).toString()),
                "scenarios.yaml:4:9: 'traffic' is a past_only covariate");
        String outside = CUT_B.replace("from: " + FIRST.plusDays(2), "from: " + FIRST.plusDays(HORIZON));
        assertUserError(CliRun.run("predict", "-c", config.toString(), "--scenario", scenarios(outside).toString()),
                "scenarios.yaml:4:9: date " + FIRST.plusDays(HORIZON) + " is outside the forecast periods");
        String badYaml = CUT_B.replace("multiply: 0.8", "multiply: 0.8\n        divide: 2");
        assertUserError(CliRun.run("predict", "-c", config.toString(), "--scenario", scenarios(badYaml).toString()),
                "scenarios.yaml:8:9: unknown key 'divide'");
        assertTrue(Files.notExists(dir.resolve("out")), "nothing written");
        assertUserError(CliRun.run("predict", "-c", config.toString(), "-o", "-", "--scenario", scenarios(CUT_B).toString()),
                "--scenario-output");
        CliRun.Result alone = CliRun.run("predict", "-c", config.toString(), "--scenario-output", "x.csv");
        assertEquals(2, alone.code(), alone.toString());
        assertTrue(alone.err().contains("--scenario-output needs --scenario"), alone.err());
    }

    @Test
    void warnsOfAColumnTheModelDoesNotReadAndRefusesAScenarioOfOnlySuch() throws Exception {
        Path config = project("ridge", "{lags: [1, 7], rolling: [], calendar: false, covariates: [], price: [price]}");
        String both = CUT_B.replace("        set: 1", "        set: 1\n      - series: all\n        column: price\n        add: 0.1");
        Path out = dir.resolve("lifts.csv");
        CliRun.Result r = CliRun.run("predict", "-c", config.toString(), "--scenario", scenarios(both).toString(),
                "--scenario-output", out.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains("scenarios.yaml:10:9: scenario 'promo_store_2': the ridge model does not read 'promo'"), r.err());
        assertTrue(Files.exists(dir.resolve("lifts.totals.csv")));
        assertUserError(CliRun.run("predict", "-c", config.toString(), "--scenario", scenarios(CUT_B).toString()),
                "scenarios.yaml:8:5: scenario 'promo_store_2' overrides only columns the ridge model does not read");
    }
}
