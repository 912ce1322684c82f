package io.demandcast.core.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.data.DataException;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.TimeAxis;
import io.demandcast.core.model.Forecast;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forecast log: where it is, what an entry holds, reading it back, pruning. */
class ForecastLogTest {
    @TempDir
    Path tmp;

    private ExperimentConfig config(String monitor) {
        return ConfigLoader.parse(String.join("\n",
                "name: x",
                "data: {files: [d.csv]}",
                "model: {name: m}",
                "train: {store: '" + tmp.resolve("store") + "'}",
                monitor,
                ""), "x.yaml", List.of());
    }

    private static Forecast forecast() {
        TimeAxis axis = new TimeAxis(Frequency.DAILY, LocalDate.of(2024, 1, 1));
        // Series "a" ends on period 9 (2024-01-10), "b" on period 4: two steps each.
        return new Forecast("naive", axis, new String[] {"a", "b"}, new int[] {10, 5}, 2, new double[] {1, 2, 3, 4},
                new double[] {0.1, 0.9}, new double[][] {{0.5, 1.5, 2.5, 3.5}, {1.5, 2.5, 3.5, 4.5}});
    }

    @Test
    void theLogIsBesideTheStoreUnlessMoved() {
        assertEquals(tmp.resolve("forecast-log").resolve("m"), ForecastLog.directory(config("")));
        assertEquals(Path.of("elsewhere", "m"), ForecastLog.directory(config("monitor: {log: elsewhere}")));
    }

    @Test
    void anEntryReadsBackAsWritten() throws Exception {
        ExperimentConfig cfg = config("");
        Instant t = Instant.parse("2024-01-11T06:00:00.123Z");
        Path file = ForecastLog.append(cfg, forecast(), "20240110T000000Z-abcdef12", t);
        assertEquals("20240111T060000.123Z_20240110T000000Z-abcdef12.csv", file.getFileName().toString());
        List<String> lines = Files.readAllLines(file);
        assertEquals("run_time,model_version,origin,series_id,date,step,forecast,q0.1,q0.9", lines.get(0));
        assertEquals("2024-01-11T06:00:00.123Z,20240110T000000Z-abcdef12,2024-01-10,a,2024-01-11,1,1,0.5,1.5", lines.get(1));
        assertEquals("2024-01-11T06:00:00.123Z,20240110T000000Z-abcdef12,2024-01-05,b,2024-01-07,2,4,3.5,4.5", lines.get(4));

        List<LoggedRun> runs = ForecastLog.read(ForecastLog.directory(cfg), row -> true);
        assertEquals(1, runs.size());
        LoggedRun run = runs.get(0);
        assertEquals(t, run.runTime());
        assertEquals(4, run.rows().size());
        LoggedRow b2 = run.rows().get(3);
        assertEquals(LocalDate.of(2024, 1, 5), b2.origin());
        assertEquals(2, b2.step());
        assertEquals(4.5, b2.quantiles()[1]);
        assertEquals(2, ForecastLog.read(ForecastLog.directory(cfg), row -> row.step() == 1).get(0).rows().size());

        // The same millisecond twice: a second entry, not a replaced one.
        ForecastLog.append(cfg, forecast(), "20240110T000000Z-abcdef12", t);
        assertEquals(2, ForecastLog.read(ForecastLog.directory(cfg), row -> true).size());
    }

    @Test
    void oldEntriesArePrunedByTheNextAppend() throws Exception {
        ExperimentConfig cfg = config("monitor: {keep: 2w}");
        Instant now = Instant.parse("2024-03-01T00:00:00Z");
        ForecastLog.append(cfg, forecast(), "v1", now.minus(Duration.ofDays(15)));
        ForecastLog.append(cfg, forecast(), "v1", now.minus(Duration.ofDays(13)));
        Path runs = ForecastLog.directory(cfg).resolve(ForecastLog.RUNS);
        Files.writeString(runs.resolve("notes.txt"), "kept: not a log entry");
        ForecastLog.append(cfg, forecast(), "v2", now);
        List<LoggedRun> left = ForecastLog.read(ForecastLog.directory(cfg), row -> true);
        assertEquals(List.of("v1", "v2"), left.stream().map(LoggedRun::version).toList());
        assertTrue(Files.exists(runs.resolve("notes.txt")));
    }

    @Test
    void aKilledAppendsTemporaryIsRemovedByTheNextAppend() throws Exception {
        ExperimentConfig cfg = config("");
        Path runs = ForecastLog.directory(cfg).resolve(ForecastLog.RUNS);
        Files.createDirectories(runs);
        Path leftover = runs.resolve(".20240101T000000.000Z_v1.csv.tmp-0123abcd");
        Files.writeString(leftover, "run_time,model_version,orig");
        Files.setLastModifiedTime(leftover, java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        io.demandcast.core.Temporaries.startRun(Instant.now());
        ForecastLog.append(cfg, forecast(), "v1", Instant.now());
        assertTrue(Files.notExists(leftover));
        assertEquals(1, ForecastLog.read(ForecastLog.directory(cfg), row -> true).size());
    }

    @Test
    void loggingOffWritesNothing() throws Exception {
        ExperimentConfig cfg = config("monitor: {log_forecasts: false}");
        assertEquals(null, ForecastLog.append(cfg, forecast(), "v1", Instant.now()));
        assertTrue(Files.notExists(ForecastLog.directory(cfg)));
    }

    @Test
    void aDamagedEntryIsNamedWithItsLine() throws Exception {
        ExperimentConfig cfg = config("");
        Path file = ForecastLog.append(cfg, forecast(), "v1", Instant.parse("2024-01-11T06:00:00Z"));
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        lines.set(3, lines.get(3).replace(",2024-01-06,", ",2024-13-06,"));
        Files.write(file, lines);
        DataException e = assertThrows(DataException.class, () -> ForecastLog.read(ForecastLog.directory(cfg), row -> true));
        assertTrue(e.getMessage().startsWith(file + ":4:5: date: cannot read '2024-13-06'"), e.getMessage());
    }

    @Test
    void monitorKeysAreValidated() {
        assertThrows(RuntimeException.class, () -> config("monitor: {keep: soon}"));
        String unknown = assertThrows(RuntimeException.class, () -> config("monitor: {max_ratio: 2}")).getMessage();
        assertTrue(unknown.contains("unknown key 'max_ratio' in monitor") && unknown.contains("max_error_ratio"), unknown);
        String negative = assertThrows(RuntimeException.class, () -> config("monitor: {max_abs_bias: -1}")).getMessage();
        assertTrue(negative.contains("monitor.max_abs_bias must be a number above 0"), negative);
        String keep = assertThrows(RuntimeException.class, () -> config("monitor: {keep: soon}")).getMessage();
        assertTrue(keep.contains("x.yaml:5:") && keep.contains("monitor.keep: expected a duration"), keep);
    }
}
