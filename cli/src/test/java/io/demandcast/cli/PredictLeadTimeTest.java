package io.demandcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code predict --lead-time}: lead-time demand instead of the per-period forecast. */
class PredictLeadTimeTest {
    static final String HEADER = "series_id,cutoff,lead_time,review_period,method,mean,sd,q0.1,q0.5,q0.9,q0.95,q0.99";

    @TempDir
    Path tmp;

    /** The quickstart config on the sample data (seasonal naive, then auto), outputs in the temp dir. */
    @Test
    void quickstartLeadTimeOnSampleData() throws Exception {
        Path config = Path.of("..", "configs", "quickstart.yaml");
        List<String> overrides = TestProject.sampleData(tmp, "predict.output", "forecast.csv", "monitor.log", "log");
        for (String verb : List.of("prepare", "train")) {
            CliRun.Result r = CliRun.run(args(verb, config, overrides));
            assertEquals(0, r.code(), verb + ": " + r);
        }
        Path out = tmp.resolve("lead-time.csv");
        CliRun.Result r = CliRun.run(args("predict", config, overrides, "--lead-time", "7", "--review", "1", "-o", out.toString(), "--json"));
        assertEquals(0, r.code(), r.toString());
        assertTrue(Files.notExists(tmp.resolve("forecast.csv")), "no per-period forecast with --lead-time");
        assertTrue(Files.notExists(tmp.resolve("log")), "nothing logged for monitor");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(7, json.at("/lead_time/lead_time").asInt());
        assertEquals(1, json.at("/lead_time/review_period").asInt());
        assertEquals(1000, json.at("/lead_time/paths").asInt());
        assertEquals(20, json.at("/lead_time/methods/seasonal_random_walk").asInt(), r.out());
        assertEquals(8, json.get("horizon").asInt());
        assertEquals("2016-06-20", json.get("first_date").asText());
        assertEquals("2016-06-27", json.get("last_date").asText());
        List<String> lines = Files.readAllLines(out);
        assertEquals(HEADER, lines.get(0));
        assertEquals(21, lines.size(), "20 series");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            assertEquals("2016-06-19", cells[1], line);
            assertEquals("7", cells[2]);
            assertEquals("1", cells[3]);
            assertEquals("seasonal_random_walk", cells[4]);
            double previous = 0;
            for (int c = 7; c < cells.length; c++) {
                double q = Double.parseDouble(cells[c]);
                assertTrue(q >= previous, "quantiles non-negative and non-decreasing: " + line);
                previous = q;
            }
        }

        // auto: ETS for smooth series, SBA (Willemain's bootstrap) for intermittent ones
        List<String> auto = new ArrayList<>(overrides);
        auto.addAll(List.of("--set", "model.family=auto", "--set", "model.params={}", "--set", "model.name=quickstart-auto"));
        assertEquals(0, CliRun.run(args("train", config, auto, "-q")).code());
        CliRun.Result a = CliRun.run(args("predict", config, auto, "--lead-time", "7", "-o", "-", "-q"));
        assertEquals(0, a.code(), a.toString());
        List<String> rows = a.out().lines().skip(1).toList();
        assertEquals(20, rows.size());
        assertTrue(rows.stream().anyMatch(l -> l.contains(",ets_simulation,")), a.out());
        assertTrue(rows.stream().anyMatch(l -> l.contains(",willemain_bootstrap,")), a.out());
        for (String l : rows) {
            if (l.contains(",willemain_bootstrap,")) {
                String[] cells = l.split(",");
                for (int c = 7; c < cells.length; c++) {
                    double q = Double.parseDouble(cells[c]);
                    assertTrue(q >= 0 && q == Math.rint(q), "integer quantiles of counts: " + l);
                }
            }
        }
    }

    @Test
    void theSeedMakesItReproducible() {
        TestProject p = TestProject.trained(tmp);
        String first = p.run("predict", "-q", "-o", "-", "--lead-time", "5", "--paths", "300", "--seed", "3").out();
        assertTrue(first.startsWith(HEADER), first);
        assertEquals(first, p.run("predict", "-q", "-o", "-", "--lead-time", "5", "--paths", "300", "--seed", "3").out());
        assertNotEquals(first, p.run("predict", "-q", "-o", "-", "--lead-time", "5", "--paths", "300", "--seed", "4").out());
        assertEquals(first, p.run("predict", "-q", "-o", "-", "--set", "predict.lead_time=5", "--set", "predict.sample_paths=300",
                "--set", "predict.seed=3").out(), "the config keys ask for the same");
    }

    @Test
    void badLeadTimeOptionsAreUsageErrors() {
        TestProject p = TestProject.trained(tmp);
        CliRun.Result zero = p.run("predict", "--lead-time", "0");
        assertEquals(2, zero.code(), zero.toString());
        assertTrue(zero.err().contains("--lead-time must be >= 1"), zero.err());
        CliRun.Result alone = p.run("predict", "--review", "7");
        assertEquals(2, alone.code(), alone.toString());
        assertTrue(alone.err().contains("need --lead-time"), alone.err());
        CliRun.Result explain = p.run("predict", "--lead-time", "7", "--explain");
        assertEquals(2, explain.code(), explain.toString());
        assertTrue(explain.err().contains("--explain"), explain.err());
        assertTrue(Files.notExists(p.forecast), "nothing written");
    }

    private static String[] args(String verb, Path config, List<String> overrides, String... more) {
        return Stream.of(Stream.of(verb, "-c", config.toString()), overrides.stream(), Stream.of(more))
                .flatMap(s -> s).toArray(String[]::new);
    }
}
