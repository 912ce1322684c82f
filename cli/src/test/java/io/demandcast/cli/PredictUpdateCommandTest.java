package io.demandcast.cli;

import static io.demandcast.cli.Errors.assertUserError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelBuilder;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.ModelRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code predict} forecasting from the newest data: {@code --data} (newer actuals prepared in memory
 * over the data files) and a re-run {@code prepare} bring a Holt-Winters model trained on 60 days up
 * to 7 more with its parameters fixed; {@code --no-update}; {@code --max-model-age}.
 */
class PredictUpdateCommandTest {
    private static final int NEW_DAYS = 7;

    @TempDir
    Path tmp;

    /** The test project with a filtering family (its update keeps α β γ and re-runs the state). */
    private TestProject trained() {
        TestProject p = TestProject.create(tmp);
        p.write(p.config, p.configYaml(p.sales).replace("family: seasonal_naive", "family: holt_winters"));
        assertEquals(0, p.run("prepare", "-q").code());
        assertEquals(0, p.run("train", "-q").code());
        return p;
    }

    /** Value of series {@code s} on day {@code d} (past the project's 60 days: a level shift up by 5). */
    private static double value(int s, int d) {
        int weekly = 3 + s + (d % 7) * (s + 1) + (d * 5 % 3);
        return d < TestProject.DAYS ? weekly : weekly + 5;
    }

    private static String newerCsv() {
        StringBuilder sb = new StringBuilder("series_id,date,value\n");
        for (int s = 0; s < TestProject.SERIES.size(); s++) {
            for (int d = TestProject.DAYS; d < TestProject.DAYS + NEW_DAYS; d++) {
                sb.append(TestProject.SERIES.get(s)).append(',').append(TestProject.START.plusDays(d)).append(',')
                        .append((int) value(s, d)).append('\n');
            }
        }
        return sb.toString();
    }

    /** The published model, loaded and updated in core with the 67 days: what predict must have written. */
    private static Forecast coreUpdate(TestProject p) throws Exception {
        Path payload = p.modelDirectory().resolve(p.latestVersion()).resolve("model");
        FittedModel model = ModelRegistry.standard().family("holt_winters").load(payload);
        PanelBuilder b = new PanelBuilder(Frequency.DAILY, TestProject.START);
        for (int s = 0; s < TestProject.SERIES.size(); s++) {
            double[] y = new double[TestProject.DAYS + NEW_DAYS];
            for (int d = 0; d < y.length; d++) {
                y[d] = value(s, d);
            }
            b.add(TestProject.SERIES.get(s), TestProject.START, y);
        }
        Panel history = b.build();
        return model.update(history).forecast(new ForecastRequest(TestProject.HORIZON, 0.1, 0.5, 0.9));
    }

    /** series,date -> the forecast and quantile columns of a forecast CSV. */
    private static Map<String, double[]> rows(Path csv) throws Exception {
        Map<String, double[]> out = new HashMap<>();
        for (String line : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
            String[] f = line.split(",");
            out.put(f[0] + "," + f[1], new double[] {Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                    Double.parseDouble(f[5]), Double.parseDouble(f[6])});
        }
        return out;
    }

    private static void assertSameAsCore(Forecast expected, Path csv) throws Exception {
        Map<String, double[]> got = rows(csv);
        assertEquals(expected.seriesCount() * expected.horizon(), got.size(), "rows of " + csv);
        for (int s = 0; s < expected.seriesCount(); s++) {
            for (int k = 0; k < expected.horizon(); k++) {
                String key = expected.seriesId(s) + "," + expected.axis().date(expected.firstPeriod(s) + k);
                double[] row = got.get(key);
                assertTrue(row != null, "no forecast row " + key + " in " + got.keySet());
                assertEquals(expected.point(s, k), row[0], 5e-5, key + " forecast"); // the CSV has 4 decimals
                for (int q = 0; q < 3; q++) {
                    assertEquals(expected.quantile(q, s, k), row[1 + q], 5e-5, key + " quantile " + q);
                }
            }
        }
    }

    @Test
    void dataFeedsTheNewDaysAndForecastsFromTheirEndAsTheCoreUpdate() throws Exception {
        TestProject p = trained();
        Path newer = tmp.resolve("new.csv");
        Files.writeString(newer, newerCsv());
        long preparedFiles;
        try (var files = Files.list(p.prepared)) {
            preparedFiles = files.count();
        }
        String manifest = Files.readString(p.prepared.resolve("manifest.json"));

        CliRun.Result r = p.run("predict", "--data", newer.toString(), "--json");
        assertEquals(0, r.code(), r.toString());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(p.latestVersion(), json.get("version").asText());
        assertEquals(TestProject.START.plusDays(TestProject.DAYS - 1).toString(), json.get("model_data_end").asText());
        assertEquals(TestProject.START.plusDays(TestProject.DAYS + NEW_DAYS - 1).toString(), json.get("data_end").asText());
        assertEquals(3, json.get("series_updated").asInt());
        assertEquals(NEW_DAYS, json.get("periods_fed").asInt());
        assertEquals(TestProject.START.plusDays(TestProject.DAYS + NEW_DAYS).toString(), json.get("first_date").asText());
        assertTrue(r.err().contains("from data ending " + TestProject.START.plusDays(TestProject.DAYS + NEW_DAYS - 1)), r.err());
        assertTrue(r.err().contains("3 series fed up to 7 newer period(s)"), r.err());
        // A per-series model on its current prepared dataset: only new.csv is read, laid over the prepared panel.
        assertTrue(r.err().contains("newer period(s) of " + newer + " over the prepared " + p.prepared), r.err());

        assertSameAsCore(coreUpdate(p), p.forecast);
        try (var files = Files.list(p.prepared)) {
            assertEquals(preparedFiles, files.count(), "nothing written beside the prepared dataset");
        }
        assertEquals(manifest, Files.readString(p.prepared.resolve("manifest.json")), "the prepared dataset is not rewritten");
    }

    @Test
    void aPrepareReRunOnIdenticalDataKeepsTheOverlay() throws Exception {
        TestProject p = trained();
        String version = p.latestVersion();
        String manifest = Files.readString(p.prepared.resolve("manifest.json"));
        Thread.sleep(1100); // a later creation time in the re-written manifest
        assertEquals(0, p.run("prepare", "-q").code());
        assertNotEquals(manifest, Files.readString(p.prepared.resolve("manifest.json")), "prepare rewrote the manifest");
        CliRun.Result again = p.run("train");
        assertEquals(0, again.code(), again.toString());
        assertEquals(version, p.latestVersion(), "identical data: no new version");
        Path newer = tmp.resolve("new.csv");
        Files.writeString(newer, newerCsv());
        CliRun.Result r = p.run("predict", "--data", newer.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains("newer period(s) of " + newer + " over the prepared " + p.prepared), r.err());
        assertSameAsCore(coreUpdate(p), p.forecast);
    }

    @Test
    void aReRunPrepareOnNewerDataUpdatesTooAndNoUpdateForecastsFromTheModelsEnd() throws Exception {
        TestProject p = trained();
        assertEquals(0, p.run("predict", "-q").code());
        Map<String, double[]> fromModelEnd = rows(p.forecast);
        assertTrue(fromModelEnd.containsKey("A," + TestProject.START.plusDays(TestProject.DAYS)), fromModelEnd.keySet().toString());

        Files.writeString(p.sales, Files.readString(p.sales) + newerCsv().substring("series_id,date,value\n".length()));
        assertEquals(0, p.run("prepare", "-q").code());
        CliRun.Result r = p.run("predict");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains("predict: fed 3 series up to 7 newer period(s)"), r.err());
        assertSameAsCore(coreUpdate(p), p.forecast);

        CliRun.Result stale = p.run("predict", "--no-update");
        assertEquals(0, stale.code(), stale.toString());
        assertTrue(stale.err().contains("3 series have data past the model's end " + TestProject.START.plusDays(TestProject.DAYS - 1)),
                stale.err());
        Map<String, double[]> again = rows(p.forecast);
        assertEquals(fromModelEnd.keySet(), again.keySet());
        fromModelEnd.forEach((k, v) -> assertEquals(List.of(v[0], v[1], v[2], v[3]), List.of(again.get(k)[0], again.get(k)[1],
                again.get(k)[2], again.get(k)[3]), k));
    }

    @Test
    void badNewerDataIsRefusedNamingFileAndLineAndNothingIsWritten() throws Exception {
        TestProject p = trained();
        Path newer = tmp.resolve("new.csv");
        Files.writeString(newer, "series_id,date,value\nA,2024-03-01,4\nA,2024-03-0x,5\n");
        CliRun.Result r = p.run("predict", "--data", newer.toString());
        Errors.assertUserErrorAt(r, "new.csv");
        assertTrue(Files.notExists(p.forecast), "no forecast written");
    }

    @Test
    void aModelOlderThanMaxModelAgeIsRefusedNamingTheLimitAndHowToRetrain() throws Exception {
        TestProject p = trained();
        assertEquals(0, p.run("predict", "-q", "--max-model-age", "7d").code());
        Files.delete(p.forecast);
        Thread.sleep(2100);

        CliRun.Result r = p.run("predict", "--max-model-age", "1s");
        String line = assertUserError(r, "predict: model " + TestProject.MODEL + " " + p.latestVersion() + " was trained ",
                " ago, older than --max-model-age 1s; retrain it (demandcast train -c " + p.config + ")");
        assertTrue(line.matches(".*was trained \\d+s ago.*"), line);
        assertTrue(Files.notExists(p.forecast), "no forecast from a model too old");

        CliRun.Result byConfig = p.run("predict", "--set", "predict.max_model_age=1s");
        assertUserError(byConfig, "older than predict.max_model_age 1s");
        assertTrue(Files.notExists(p.forecast));

        CliRun.Result bad = p.run("predict", "--max-model-age", "7x");
        // An option error, worded as tune's --time-budget (picocli adds its usage hint line).
        assertEquals(2, bad.code(), bad.toString());
        assertTrue(bad.err().startsWith("demandcast predict: error: --max-model-age: expected a duration such as 90s"), bad.err());
        assertTrue(Files.notExists(p.forecast));
    }

    /** Cron appended the new days to the data file and has not re-run prepare: --data reads the files themselves. */
    @Test
    void dataDoesNotNeedThePreparedDatasetToBeCurrent() throws Exception {
        TestProject p = trained();
        String header = "series_id,date,value\n";
        Files.writeString(p.sales, Files.readString(p.sales) + newerCsv().substring(header.length()));
        CliRun.Result stale = p.run("predict");
        assertEquals(2, stale.code(), "the prepared dataset is older than the data file: " + stale);
        assertTrue(Files.notExists(p.forecast));

        Path newer = tmp.resolve("new.csv");
        Files.writeString(newer, newerCsv());
        CliRun.Result r = p.run("predict", "-q", "--data", newer.toString());
        assertEquals(0, r.code(), r.toString());
        assertSameAsCore(coreUpdate(p), p.forecast);
    }
}
