package io.demandcast.cli;

import static io.demandcast.cli.Errors.assertUserError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code predict.intervals: conformal} calibrated by {@code train}, and forecasts clipped at zero. */
class PredictIntervalsTest {
    @TempDir
    Path tmp;

    /** Sales that sit at 0 half the time, so seasonal naive's lower quantile would go below 0. */
    static String intermittentSales() {
        StringBuilder sb = new StringBuilder("series_id,date,value\n");
        for (String id : List.of("A", "B")) {
            for (int d = 0; d < 90; d++) {
                int v = (d * 7 + id.charAt(0)) % 5 < 2 ? 0 : 1 + (d * 3 % 4);
                sb.append(id).append(',').append(TestProject.START.plusDays(d)).append(',').append(v).append('\n');
            }
        }
        return sb.toString();
    }

    private TestProject project() {
        TestProject p = TestProject.create(tmp);
        p.write(p.sales, intermittentSales());
        assertEquals(0, p.run("prepare", "-q").code());
        return p;
    }

    private static double minQuantile(List<String> csv) {
        double min = Double.POSITIVE_INFINITY;
        for (String line : csv.subList(1, csv.size())) {
            String[] cells = line.split(",");
            for (int i = 3; i < cells.length; i++) {
                min = Math.min(min, Double.parseDouble(cells[i]));
            }
        }
        return min;
    }

    @Test
    void forecastsOfANonNegativeTargetAreClippedAtZeroUnlessSwitchedOff() throws Exception {
        TestProject p = project();
        assertEquals(0, p.run("train", "-q", "--set", "predict.clip_negative=never").code());
        assertEquals(0, p.run("predict", "-q", "--set", "predict.clip_negative=never").code());
        assertTrue(minQuantile(Files.readAllLines(p.forecast)) < 0, "seasonal naive's q0.1 goes below 0 unclipped");

        assertEquals(0, p.run("train", "-q").code());
        assertEquals(0, p.run("predict", "-q").code());
        assertEquals(0.0, minQuantile(Files.readAllLines(p.forecast)), "auto: the target has no negative value");
        JsonNode calibration = new ObjectMapper().readTree(p.modelDirectory().resolve(p.latestVersion())
                .resolve("model").resolve("calibration.json").toFile());
        assertTrue(calibration.get("clip_at_zero").asBoolean());
    }

    @Test
    void trainCalibratesConformalIntervalsThatPredictUses() throws Exception {
        TestProject p = project();
        assertEquals(0, p.run("train", "-q").code());
        assertEquals(0, p.run("predict", "-q").code());
        List<String> model = Files.readAllLines(p.forecast);

        CliRun.Result train = p.run("train", "--set", "predict.intervals=conformal");
        assertEquals(0, train.code(), train.toString());
        assertTrue(train.err().contains("conformal calibration, 3 backtest window(s)"), train.err());
        JsonNode calibration = new ObjectMapper().readTree(p.modelDirectory().resolve(p.latestVersion())
                .resolve("model").resolve("calibration.json").toFile());
        assertEquals(3, calibration.at("/conformal/windows").asInt());
        assertEquals(2, calibration.at("/conformal/series").size());

        assertEquals(0, p.run("predict", "-q", "--set", "predict.intervals=conformal").code());
        List<String> conformal = Files.readAllLines(p.forecast);
        assertEquals(model.size(), conformal.size());
        assertNotEquals(model, conformal, "conformal quantiles differ from the model's");
        for (int i = 1; i < conformal.size(); i++) {
            String[] m = model.get(i).split(",");
            String[] c = conformal.get(i).split(",");
            assertEquals(m[3], c[3], "the point forecast is the model's: " + conformal.get(i));
            double lo = Double.parseDouble(c[4]);
            double mid = Double.parseDouble(c[5]);
            double hi = Double.parseDouble(c[6]);
            assertTrue(0 <= lo && lo <= mid && mid <= hi, conformal.get(i));
        }
    }

    @Test
    void conformalIntervalsFromAModelTrainedWithoutThemIsAnArtifactError() {
        TestProject p = project();
        assertEquals(0, p.run("train", "-q").code());
        CliRun.Result r = p.run("predict", "--set", "predict.intervals=conformal");
        assertUserError(r, "without conformal calibration", "predict.intervals: conformal");
        assertTrue(Files.notExists(p.forecast));
    }
}
