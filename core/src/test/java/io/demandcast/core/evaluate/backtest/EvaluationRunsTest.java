package io.demandcast.core.evaluate.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationRunsTest {
    private static final Instant NOON = Instant.parse("2026-11-30T12:00:00Z");

    @TempDir
    Path tmp;

    private EvaluationRuns.Written write(Instant time, Integer keep, String content) throws IOException {
        return EvaluationRuns.write(tmp, time, keep, dir -> Files.writeString(dir.resolve("metrics.json"), content));
    }

    @Test
    void runsOfOneSecondGetSuffixedNamesAndLatestNamesTheOneWrittenLast() throws IOException {
        List<Path> runs = new java.util.ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            runs.add(write(NOON, null, "run " + i).directory());
        }
        assertEquals(tmp.resolve("20261130T120000Z"), runs.get(0));
        assertEquals(tmp.resolve("20261130T120000Z-2"), runs.get(1));
        assertEquals(tmp.resolve("20261130T120000Z-11"), runs.get(10));
        assertEquals("run 1", Files.readString(runs.get(0).resolve("metrics.json")), "an earlier run is never replaced");
        assertEquals("20261130T120000Z-11\n", Files.readString(tmp.resolve(EvaluationRuns.LATEST_FILE)));
        List<String> listed = EvaluationRuns.list(tmp);
        assertEquals("20261130T120000Z-9", listed.get(8));
        assertEquals("20261130T120000Z-10", listed.get(9), "-10 sorts after -9, not after the unsuffixed name");
        assertEquals("20261130T120000Z-11", listed.get(10));
    }

    @Test
    void keepRemovesTheOldestRunsOnlyAndLeavesOtherEntriesAlone() throws IOException {
        Files.createDirectories(tmp.resolve("notes"));
        Files.writeString(tmp.resolve("metrics.json"), "a report of the old single-directory layout");
        write(NOON, null, "1");
        write(NOON.plusSeconds(60), null, "2");
        write(NOON.plusSeconds(120), null, "3");
        EvaluationRuns.Written fourth = write(NOON.plusSeconds(180), 2, "4");

        assertEquals(List.of(tmp.resolve("20261130T120000Z"), tmp.resolve("20261130T120100Z")), fourth.removed());
        assertEquals(List.of("20261130T120200Z", "20261130T120300Z"), EvaluationRuns.list(tmp));
        assertTrue(Files.isDirectory(tmp.resolve("notes")), "a directory that is no run is not touched");
        assertTrue(Files.isRegularFile(tmp.resolve("metrics.json")));
        try (Stream<Path> hidden = Files.list(tmp).filter(p -> p.getFileName().toString().startsWith("."))) {
            assertEquals(List.of(), hidden.toList(), "no temporary or lock file left");
        }
    }

    @Test
    void keepNeverRemovesTheRunJustWrittenEvenWhenTheClockWentBack() throws IOException {
        write(NOON, null, "later by name");
        EvaluationRuns.Written earlier = write(NOON.minusSeconds(3600), 1, "written last");
        assertEquals(List.of("20261130T110000Z"), EvaluationRuns.list(tmp));
        assertEquals(List.of(tmp.resolve("20261130T120000Z")), earlier.removed());
        assertEquals("20261130T110000Z\n", Files.readString(tmp.resolve(EvaluationRuns.LATEST_FILE)));
    }

    @Test
    void aFailedRunLeavesNoDirectoryAndLatestAsItWas() throws IOException {
        write(NOON, null, "good");
        IOException e = assertThrows(IOException.class, () -> EvaluationRuns.write(tmp, NOON.plusSeconds(1), null, dir -> {
            throw new IOException("No space left on device");
        }));
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        assertEquals(List.of("20261130T120000Z"), EvaluationRuns.list(tmp));
        assertEquals("20261130T120000Z\n", Files.readString(tmp.resolve(EvaluationRuns.LATEST_FILE)));
        assertFalse(Files.exists(tmp.resolve("20261130T120001Z")));
    }

    @Test
    void theNextRunRemovesWhatAKilledRunLeftAndNothingElse() throws IOException {
        // what kill -9 leaves: the temporary run directory and its (no longer locked) lock file,
        // and a run directory half-deleted by evaluate.keep, renamed aside first
        Path killed = Files.createDirectories(tmp.resolve(".run.tmp-0badc0de"));
        Files.writeString(killed.resolve("metrics.json"), "{");
        Files.writeString(tmp.resolve(".run.tmp-0badc0de.lock"), "");
        Files.createDirectories(tmp.resolve(".run.old-12345678"));
        Path unrelated = Files.createDirectories(tmp.resolve(".keep-me"));
        Instant now = Instant.now();
        for (Path p : List.of(killed, tmp.resolve(".run.tmp-0badc0de.lock"), tmp.resolve(".run.old-12345678"))) {
            Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.from(now.minusSeconds(600)));
        }
        io.demandcast.core.Temporaries.startRun(now);
        try {
            write(NOON, null, "next");
        } finally { // back to the default, the JVM's start, for the tests after this one
            io.demandcast.core.Temporaries.startRun(ProcessHandle.current().info().startInstant().orElseGet(Instant::now));
        }
        try (Stream<Path> hidden = Files.list(tmp).filter(p -> p.getFileName().toString().startsWith("."))) {
            assertEquals(List.of(unrelated), hidden.toList(), "only the killed run's temporaries were removed");
        }
        assertEquals(List.of("20261130T120000Z"), EvaluationRuns.list(tmp));
    }

    @Test
    void listIsEmptyWithoutTheDirectory() throws IOException {
        assertEquals(List.of(), EvaluationRuns.list(tmp.resolve("missing")));
    }
}
