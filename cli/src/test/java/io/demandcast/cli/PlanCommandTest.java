package io.demandcast.cli;

import static io.demandcast.cli.Errors.assertUserError;
import static io.demandcast.cli.Errors.assertUserErrorAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.demandcast.core.plan.PlanCsvWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan}: policies from a published model and an inventory file; where they go; bad inventory files. */
class PlanCommandTest {
    private static final String HEADER = String.join(",", PlanCsvWriter.COLUMNS);
    private static final double Z95 = 1.6448536269514715;

    @TempDir
    Path tmp;

    private Path inventory(String text) throws IOException {
        Path f = tmp.resolve("inventory.csv");
        Files.writeString(f, text);
        return f;
    }

    private static CliRun.Result plan(TestProject p, String... args) {
        List<String> all = new ArrayList<>(List.of("plan", "-c", p.config.toString()));
        all.addAll(List.of(args));
        return CliRun.run(all.toArray(String[]::new));
    }

    /** Rows of a plan CSV by series id, each a column name -> cell map. */
    private static Map<String, Map<String, String>> rows(String csv) {
        List<String> lines = csv.lines().toList();
        assertEquals(HEADER, lines.get(0));
        Map<String, Map<String, String>> rows = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < cells.length; i++) {
                row.put(PlanCsvWriter.COLUMNS.get(i), cells[i]);
            }
            rows.put(cells[0], row);
        }
        return rows;
    }

    @Test
    void orderUpToLevelIsTheNormalQuantileOfTheForecastOverLeadTimeAndReview() throws Exception {
        TestProject p = TestProject.trained(tmp);
        Path inv = inventory("series_id,on_hand,on_order,lead_time,review_period,unit_cost\nB,10,5,3,2,2\nA,0,0,1,1,\n");
        CliRun.Result r = plan(p, "--inventory", inv.toString(), "--method", "normal_from_quantiles");
        assertEquals(0, r.code(), r.toString());
        Map<String, Map<String, String>> rows = rows(r.out());
        assertEquals(2, rows.size());
        assertTrue(r.err().contains("plan: snaive ") && r.err().contains("-> stdout"), r.err());

        // The same model's published forecast: mean = sum of points over L + R = 5 steps, sd = sqrt(sum sigma_k^2),
        // sigma_k = (q0.9 - q0.1) / (2 z_0.9); S = mean + z_0.95 sd.
        assertEquals(0, p.run("predict", "-q").code());
        List<String> forecast = Files.readAllLines(p.forecast);
        double mean = 0;
        double variance = 0;
        int steps = 0;
        for (String line : forecast.subList(1, forecast.size())) {
            String[] c = line.split(",");
            if (c[0].equals("B") && steps < 5) {
                mean += Double.parseDouble(c[3]);
                double sigma = (Double.parseDouble(c[6]) - Double.parseDouble(c[4])) / (2 * 1.2815515655446004);
                variance += sigma * sigma;
                steps++;
            }
        }
        Map<String, String> b = rows.get("B");
        double s = mean + Z95 * Math.sqrt(variance);
        assertEquals(s, Double.parseDouble(b.get("order_up_to")), 1e-3, b.toString());
        assertEquals(s - mean, Double.parseDouble(b.get("safety_stock")), 1e-3);
        assertEquals(15, Double.parseDouble(b.get("inventory_position")));
        assertEquals((long) Math.ceil(s - 15), Long.parseLong(b.get("order_quantity")));
        assertEquals(2 * (s - mean), Double.parseDouble(b.get("safety_stock_value")), 2e-3);
        assertEquals("cycle_service", b.get("target_kind"));
        assertEquals("0.95", b.get("target"));
        assertEquals("normal_from_quantiles", b.get("method"));
        assertEquals("", rows.get("A").get("safety_stock_value"), "no unit cost, no value");
    }

    /** Rows of a {@code predict --lead-time} CSV by series id, each a column name -> cell map. */
    private static Map<String, Map<String, String>> leadTimeRows(String csv) {
        List<String> lines = csv.lines().toList();
        String[] header = lines.get(0).split(",");
        Map<String, Map<String, String>> rows = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < cells.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.put(cells[0], row);
        }
        return rows;
    }

    @Test
    void samplePathsByDefaultGiveTheLevelsPredictLeadTimeGivesForTheSameSeed() throws Exception {
        TestProject p = TestProject.trained(tmp);
        Path inv = inventory("series_id,on_hand,on_order,lead_time,review_period\nB,10,5,3,2\nA,0,0,3,1\n");
        CliRun.Result r = plan(p, "--inventory", inv.toString(), "--set", "predict.sample_paths=400", "--set", "predict.seed=7");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains("(sample_paths, data ending"), r.err());
        assertTrue(r.err().contains("lead-time demand over [3, 4, 5] periods, 400 sample paths per series (seed 7)"), r.err());
        Map<String, Map<String, String>> rows = rows(r.out());

        // The same model, paths and seed through predict --lead-time: D_L over 3 periods, D_{L+R} over 3 + 2.
        for (String[] c : new String[][] {{"B", "3", "2"}, {"A", "3", "1"}}) {
            Map<String, String> row = rows.get(c[0]);
            CliRun.Result lead = p.run("predict", "-q", "-o", "-", "--lead-time", c[1], "--paths", "400", "--seed", "7");
            CliRun.Result protection = p.run("predict", "-q", "-o", "-", "--lead-time", c[1], "--review", c[2], "--paths", "400", "--seed", "7");
            assertEquals(0, lead.code(), lead.toString());
            Map<String, String> l = leadTimeRows(lead.out()).get(c[0]);
            Map<String, String> lr = leadTimeRows(protection.out()).get(c[0]);
            assertEquals(l.get("method"), row.get("method"), "each series' own method: " + row);
            assertTrue(!"normal_from_quantiles".equals(row.get("method")), "seasonal naive simulates: " + row);
            assertEquals(Double.parseDouble(l.get("q0.95")), Double.parseDouble(row.get("reorder_point")), 1e-3, row + " " + l);
            assertEquals(Double.parseDouble(lr.get("q0.95")), Double.parseDouble(row.get("order_up_to")), 1e-3, row + " " + lr);
            assertEquals(Double.parseDouble(l.get("mean")), Double.parseDouble(row.get("mean_lead_time_demand")), 1e-3);
            assertEquals(Double.parseDouble(lr.get("mean")), Double.parseDouble(row.get("mean_protection_demand")), 1e-3);
        }
        // The same seed gives the same plan; the baseline does not depend on the method.
        CliRun.Result again = plan(p, "-q", "--inventory", inv.toString(), "--set", "predict.sample_paths=400", "--set", "predict.seed=7");
        assertEquals(r.out(), again.out());
        Map<String, String> normal = rows(plan(p, "-q", "--inventory", inv.toString(), "--method", "normal_from_quantiles").out()).get("B");
        assertEquals(normal.get("baseline_order_up_to"), rows.get("B").get("baseline_order_up_to"));

        assertUserError(plan(p, "--inventory", inv.toString(), "--set", "plan.method=bootstrap"),
                "--set plan.method=bootstrap: 'bootstrap' is not one of [sample_paths, normal_from_quantiles]");
        assertUsageError(plan(p, "--inventory", inv.toString(), "--method", "bootstrap"), "--method");
    }

    @Test
    void conformalIntervalsGiveTheSpreadWhenThePredictUsesThem() throws Exception {
        TestProject p = TestProject.create(tmp);
        assertEquals(0, p.run("prepare", "-q").code());
        assertEquals(0, p.run("train", "-q", "--set", "predict.intervals=conformal").code());
        Path inv = inventory("series_id,on_hand,on_order,lead_time,review_period,unit_cost\nC,0,0,2,1,4\n");
        Map<String, String> own = rows(plan(p, "-q", "--inventory", inv.toString(), "--method", "normal_from_quantiles").out()).get("C");
        CliRun.Result r = plan(p, "-q", "--inventory", inv.toString(), "--set", "predict.intervals=conformal", "--set", "plan.holding_rate=0.25",
                "--set", "plan.method=normal_from_quantiles");
        assertEquals(0, r.code(), r.toString());
        Map<String, String> conformal = rows(r.out()).get("C");
        assertEquals(own.get("mean_protection_demand"), conformal.get("mean_protection_demand"), "the same points");
        assertTrue(!own.get("sd_lead_time_demand").equals(conformal.get("sd_lead_time_demand")), own + " " + conformal);

        // sd over L = 2 from the conformal forecast predict publishes: sqrt(sum of ((q0.9 - q0.1) / 2.5631)^2)
        assertEquals(0, p.run("predict", "-q", "--set", "predict.intervals=conformal").code());
        List<String> forecast = Files.readAllLines(p.forecast);
        double variance = 0;
        int steps = 0;
        for (String line : forecast.subList(1, forecast.size())) {
            String[] c = line.split(",");
            if (c[0].equals("C") && steps < 2) {
                assertTrue(Double.parseDouble(c[4]) > 0, "q0.1 not clipped: " + line);
                double sigma = (Double.parseDouble(c[6]) - Double.parseDouble(c[4])) / (2 * 1.2815515655446004);
                variance += sigma * sigma;
                steps++;
            }
        }
        assertEquals(Math.sqrt(variance), Double.parseDouble(conformal.get("sd_lead_time_demand")), 1e-3);
        double value = Double.parseDouble(conformal.get("safety_stock_value"));
        assertEquals(4 * Double.parseDouble(conformal.get("safety_stock")), value, 1e-3);
        assertEquals(0.25 * value, Double.parseDouble(conformal.get("safety_stock_holding_cost")), 1e-3);
    }

    @Test
    void jsonCarriesTheRowsAndAFileGetsTheCsv() throws Exception {
        TestProject p = TestProject.trained(tmp);
        Path inv = inventory("series_id,on_hand,on_order,lead_time,review_period\nA,0,0,2,1\nC,100,0,2,1\n");
        CliRun.Result r = plan(p, "-q", "--inventory", inv.toString(), "--fill-rate", "0.98", "--json");
        assertEquals(0, r.code(), r.toString());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("plan", json.get("verb").asText());
        assertEquals("fill_rate", json.get("target_kind").asText());
        assertEquals(2, json.get("series").size());
        assertEquals("A", json.at("/series/0/series_id").asText());
        assertEquals(0.98, json.at("/series/0/target").asDouble());
        assertEquals(0, json.at("/series/1/order_quantity").asLong(), "100 on hand covers C");

        Path out = tmp.resolve("out").resolve("plan.csv");
        r = plan(p, "-q", "--inventory", inv.toString(), "-o", out.toString(), "--json");
        assertEquals(0, r.code(), r.toString());
        assertEquals(out.toString(), new ObjectMapper().readTree(r.out()).get("output").asText());
        assertEquals(3, Files.readAllLines(out).size());
        assertEquals(HEADER, Files.readAllLines(out).get(0));

        r = plan(p, "--inventory", inv.toString(), "-o", "-", "--json");
        assertUsageError(r, "--json and '-o -' both want stdout");
    }

    @Test
    void targetsComeFromTheRowThenTheOptionThenTheConfig() throws Exception {
        TestProject p = TestProject.trained(tmp);
        Path inv = inventory("series_id,on_hand,on_order,lead_time,review_period,service_level,fill_rate\nA,0,0,2,1,0.9,\nB,0,0,2,1,,\n");
        Map<String, Map<String, String>> rows = rows(plan(p, "-q", "--inventory", inv.toString(), "--set", "plan.fill_rate=0.97").out());
        assertEquals("cycle_service", rows.get("A").get("target_kind"));
        assertEquals("0.9", rows.get("A").get("target"));
        assertEquals("fill_rate", rows.get("B").get("target_kind"));
        assertEquals("0.97", rows.get("B").get("target"));
        rows = rows(plan(p, "-q", "--inventory", inv.toString(), "--set", "plan.fill_rate=0.97", "--service-level", "0.8").out());
        assertEquals("cycle_service", rows.get("B").get("target_kind"));
        assertEquals("0.8", rows.get("B").get("target"));

        assertUsageError(plan(p, "--inventory", inv.toString(), "--service-level", "95"), "--service-level: service level must be a share between 0 and 1");
        assertUsageError(plan(p, "--inventory", inv.toString(), "--service-level", "0.9", "--fill-rate", "0.9"), "mutually exclusive");
        assertUserError(plan(p, "--inventory", inv.toString(), "--set", "plan.service_level=0.9", "--set", "plan.fill_rate=0.9"),
                "give service_level or fill_rate, not both");
    }

    @Test
    void modelOptionPicksTheVersion() throws Exception {
        TestProject p = TestProject.trained(tmp);
        Path inv = inventory("series_id,on_hand,on_order,lead_time,review_period\nA,0,0,2,1\n");
        CliRun.Result r = plan(p, "--inventory", inv.toString(), "--model", TestProject.MODEL + "@" + p.latestVersion());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains(p.latestVersion()), r.err());
        assertUserError(plan(p, "--inventory", inv.toString(), "--model", "other"), "no artifact 'other'");
    }

    @Test
    void badInventoryFilesExitTwoAtTheirLineAndColumnAndWriteNothing() throws Exception {
        TestProject p = TestProject.trained(tmp);
        Path out = tmp.resolve("plan.csv");
        String header = "series_id,on_hand,on_order,lead_time,review_period\n";
        Map<String, String> cases = Map.of(
                "series_id,on_hand,lead_time,review_period\nA,1,1,1\n", ":1:1: no column 'on_order'",
                header + "A,1,x,1,1\n", ":2:3: on_order 'x' is not a number",
                header + "A,-2,0,1,1\n", ":2:2: on_hand must be a finite number >= 0",
                header + "A,1,0,0,1\n", ":2:4: lead_time must be a whole number of periods >= 1",
                header + "A,1,0,1,1\nB,1,0,1,1\nA,1,0,1,1\n", ":4:1: series 'A' is listed twice (first on line 2)",
                header + "A,1,0,1,1\nZ,1,0,1,1\n", ":3:1: series 'Z' is not one of the 3 series of model snaive");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path inv = inventory(c.getKey());
            CliRun.Result r = plan(p, "--inventory", inv.toString(), "-o", out.toString());
            assertUserErrorAt(r, inv.toString(), inv + c.getValue());
            assertTrue(Files.notExists(out), "nothing written: " + c.getValue());
        }
        assertUserError(plan(p, "--inventory", tmp.resolve("missing.csv").toString()), "missing.csv: no such inventory file");
    }

    /** A command-line mistake: exit 2, nothing on stdout, the message and a pointer to --help on stderr. */
    private static void assertUsageError(CliRun.Result r, String message) {
        assertEquals(2, r.code(), r.toString());
        assertEquals("", r.out(), r.toString());
        assertTrue(r.err().contains(message) && r.err().contains("demandcast plan --help"), r.toString());
    }

    /** The repository's quickstart config, sample data and example inventory file, outputs in the temp dir. */
    @Test
    void quickstartOnSampleData() throws IOException {
        Path inv = Path.of("..", "sample-data", "inventory.csv");
        Path config = Path.of("..", "configs", "quickstart.yaml");
        assertTrue(Files.isRegularFile(inv), "run from the cli module directory: " + inv.toAbsolutePath());
        List<String> overrides = TestProject.sampleData(tmp);
        for (String verb : List.of("prepare", "train")) {
            String[] args = Stream.concat(Stream.of(verb, "-q", "-c", config.toString()), overrides.stream()).toArray(String[]::new);
            assertEquals(0, CliRun.run(args).code(), verb);
        }
        Path out = tmp.resolve("plan.csv");
        String[] args = Stream.concat(Stream.of("plan", "-q", "-c", config.toString(), "--inventory", inv.toString(), "-o", out.toString()),
                overrides.stream()).toArray(String[]::new);
        CliRun.Result r = CliRun.run(args);
        assertEquals(0, r.code(), r.toString());
        Map<String, Map<String, String>> rows = rows(Files.readString(out));
        assertEquals(6, rows.size());
        assertEquals("0.99", rows.get("FOODS_3_586_TX_1").get("target"));
        assertEquals("fill_rate", rows.get("HOBBIES_1_254_CA_1").get("target_kind"));
        for (Map<String, String> row : rows.values()) {
            double s = Double.parseDouble(row.get("order_up_to"));
            double position = Double.parseDouble(row.get("inventory_position"));
            long order = Long.parseLong(row.get("order_quantity"));
            assertTrue(order >= s - position && (order == 0 || order >= 1), row.toString());
            assertTrue(s >= Double.parseDouble(row.get("mean_protection_demand")), "alpha, beta > 0.5 give safety stock >= 0: " + row);
        }
        // FOODS_3_586_CA_1: packs of 24, at least 48
        long foods = Long.parseLong(rows.get("FOODS_3_586_CA_1").get("order_quantity"));
        assertTrue(foods == 0 || foods >= 48 && foods % 24 == 0, "order " + foods);
    }
}
