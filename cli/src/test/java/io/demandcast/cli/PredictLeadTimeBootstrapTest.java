package io.demandcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code predict --lead-time} for a family that cannot simulate (theta), trained with
 * {@code predict.intervals: conformal}: the bootstrap of the calibration backtest's cumulative
 * errors ({@code backtest_bootstrap}), checked by hand against {@code calibration.json}.
 */
class PredictLeadTimeBootstrapTest {
    @TempDir
    Path tmp;

    @Test
    void thetaTrainedWithConformalGetsTheBacktestBootstrap() throws Exception {
        TestProject p = TestProject.create(tmp);
        p.write(p.sales, PredictIntervalsTest.intermittentSales());
        assertEquals(0, p.run("prepare", "-q").code());
        String[] theta = {"--set", "model.family=theta", "--set", "model.params={}"};

        // without conformal calibration: the normal approximation
        assertEquals(0, p.run("train", concat(theta, "-q")).code());
        CliRun.Result normal = p.run("predict", concat(theta, "-q", "--lead-time", "3", "-o", "-"));
        assertEquals(0, normal.code(), normal.toString());
        assertTrue(normal.out().lines().skip(1).allMatch(l -> l.contains(",normal_from_quantiles,")), normal.out());

        CliRun.Result train = p.run("train", concat(theta, "-q", "--set", "predict.intervals=conformal"));
        assertEquals(0, train.code(), train.toString());
        JsonNode calibration = new ObjectMapper().readTree(p.modelDirectory().resolve(p.latestVersion())
                .resolve("model").resolve("calibration.json").toFile());
        JsonNode cumulative = calibration.at("/conformal/cumulative_scores");
        assertEquals(TestProject.HORIZON, cumulative.get("pooled").size(), "one score array per interval length 1..h");
        // 2 series x 3 windows, under min_per_group: every series uses the pooled scores
        double[] scores = new double[cumulative.get("pooled").get(2).size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = cumulative.get("pooled").get(2).get(i).asDouble();
        }
        assertEquals(6, scores.length);
        Arrays.sort(scores);
        Map<String, Double> scale = new HashMap<>();
        for (JsonNode s : calibration.at("/conformal/series")) {
            scale.put(s.get("id").asText(), s.get("scale").asDouble());
            assertTrue(s.get("counts").asBoolean(), "whole-number sales are counts: " + s);
        }

        assertEquals(0, p.run("predict", concat(theta, "-q")).code());
        Map<String, Double> sum3 = new HashMap<>();
        List<String> forecast = Files.readAllLines(p.forecast);
        Map<String, Integer> seen = new HashMap<>();
        for (String line : forecast.subList(1, forecast.size())) {
            String[] c = line.split(",");
            if (seen.merge(c[0], 1, Integer::sum) <= 3) {
                sum3.merge(c[0], Double.parseDouble(c[3]), Double::sum); // clipped at 0, as the lead-time sum
            }
        }

        CliRun.Result lead = p.run("predict", concat(theta, "-q", "--lead-time", "2", "--review", "1", "-o", "-"));
        assertEquals(0, lead.code(), lead.toString());
        List<String> rows = lead.out().lines().toList();
        assertEquals(PredictLeadTimeTest.HEADER, rows.get(0));
        assertEquals(3, rows.size(), lead.out());
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split(",");
            assertEquals("backtest_bootstrap", c[4], row);
            double f = sum3.get(c[0]);
            double s = scale.get(c[0]);
            // q_p = the ceil(6p)-th smallest draw; draws are max(0, rint(F + scale * e)), monotone in e
            double[] levels = {0.1, 0.5, 0.9, 0.95, 0.99};
            for (int l = 0; l < levels.length; l++) {
                int rank = (int) Math.ceil(levels[l] * 6 - 1e-9);
                double expected = Math.max(0, Math.rint(f + s * scores[rank - 1]));
                assertEquals(expected, Double.parseDouble(c[7 + l]), 1e-9, "q" + levels[l] + " of " + row);
            }
        }
    }

    /** {@code plan}'s default method reads the same bootstrap: its reorder point is predict's q0.95 over the lead time. */
    @Test
    void planUsesTheBacktestBootstrapOfAModelThatCannotSimulate() throws Exception {
        TestProject p = TestProject.create(tmp);
        p.write(p.sales, PredictIntervalsTest.intermittentSales());
        assertEquals(0, p.run("prepare", "-q").code());
        String[] theta = {"--set", "model.family=theta", "--set", "model.params={}"};
        assertEquals(0, p.run("train", concat(theta, "-q", "--set", "predict.intervals=conformal")).code());
        CliRun.Result lead = p.run("predict", concat(theta, "-q", "--lead-time", "2", "-o", "-"));
        assertEquals(0, lead.code(), lead.toString());
        Map<String, Double> q95 = new HashMap<>();
        for (String row : lead.out().lines().skip(1).toList()) {
            String[] c = row.split(",");
            q95.put(c[0], Double.parseDouble(c[10]));
        }
        StringBuilder inventory = new StringBuilder("series_id,on_hand,on_order,lead_time,review_period\n");
        q95.keySet().forEach(id -> inventory.append(id).append(",0,0,2,1\n"));
        Path inv = tmp.resolve("inventory.csv");
        Files.writeString(inv, inventory);
        CliRun.Result plan = p.run("plan", concat(theta, "-q", "--inventory", inv.toString(), "--service-level", "0.95", "-o", "-"));
        assertEquals(0, plan.code(), plan.toString());
        List<String> rows = plan.out().lines().toList();
        List<String> header = List.of(rows.get(0).split(","));
        assertEquals(q95.size() + 1, rows.size(), plan.out());
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split(",");
            assertEquals("backtest_bootstrap", c[header.indexOf("method")], row);
            assertEquals(q95.get(c[0]), Double.parseDouble(c[header.indexOf("reorder_point")]), 1e-9, row);
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
