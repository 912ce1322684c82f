package io.demandcast.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defect 9 of issue 14: what interrupted runs leave beside their outputs ({@code .<name>.tmp-*}
 * files and directories, a directory renamed aside by a replacement killed between its two renames)
 * is recognised and repaired by the next write or read, and nothing else is touched.
 */
class LeftoversTest {
    @TempDir
    Path tmp;

    private final List<String> reported = new ArrayList<>();

    @AfterEach
    void stopReporting() {
        Temporaries.reportTo(null);
    }

    /** Defect 9: a partial forecast file and a prepared-data temporary of a killed run are removed by the next write. */
    @Test
    void theNextWriteRemovesWhatAKilledRunLeftBesideItsTarget() throws IOException {
        Temporaries.reportTo(reported::add);
        Path forecasts = tmp.resolve("forecasts.csv");
        Path partial = old(Files.writeString(tmp.resolve(".forecasts.csv.tmp-0badc0de"), "series_id,date,fore"));
        Path orphanLock = old(Files.createFile(tmp.resolve(".forecasts.csv.tmp-1badc0de.lock")));
        Path prepared = tmp.resolve("prepared");
        Path preparedTmp = Files.createDirectories(tmp.resolve(".prepared.tmp-2badc0de"));
        old(Files.writeString(preparedTmp.resolve("panel.bin"), "half"));
        old(preparedTmp);
        Path preparedLock = old(Files.createFile(tmp.resolve(".prepared.tmp-2badc0de.lock")));
        // Not ours, or not a leftover of these targets, or newer than this run: all kept.
        List<Path> kept = List.of(
                old(Files.writeString(tmp.resolve("notes.txt"), "mine")),
                old(Files.writeString(tmp.resolve(".forecasts.csv.tmp-notahex1"), "mine")),
                old(Files.writeString(tmp.resolve(".forecasts.csv.tmp-0badc0de0"), "mine")),
                old(Files.writeString(tmp.resolve(".other.csv.tmp-0badc0de"), "another output's")),
                Files.setLastModifiedTime(Files.writeString(tmp.resolve(".forecasts.csv.tmp-3badc0de"), "a newer run's"),
                        FileTime.from(Instant.now().plusSeconds(60))));

        AtomicFiles.writeText(forecasts, "series_id,date,forecast\n");
        assertTrue(Files.notExists(partial) && Files.notExists(orphanLock), "the forecast's leftovers are removed");
        assertEquals(1, reported.size(), "one line per sweep: " + reported);
        assertTrue(reported.get(0).contains(partial.toString()) && reported.get(0).contains(orphanLock.toString()), reported.get(0));

        AtomicFiles.replaceDirectory(prepared, "manifest.json", "a prepared dataset", dir -> Files.writeString(dir.resolve("manifest.json"), "{}"));
        assertTrue(Files.notExists(preparedTmp) && Files.notExists(preparedLock), "the prepared data's leftovers are removed");
        for (Path p : kept) {
            assertTrue(Files.exists(p), p + " is kept");
        }
        assertEquals(List.of(".forecasts.csv.tmp-0badc0de0", ".forecasts.csv.tmp-3badc0de", ".forecasts.csv.tmp-notahex1",
                ".other.csv.tmp-0badc0de", "forecasts.csv", "notes.txt", "prepared"), names(tmp), "and no lock file stays");
    }

    /** Defect 9: a temporary whose lock is held (a concurrent run still writing it) is never removed. */
    @Test
    void aLockedTemporaryIsKept() throws IOException {
        Path inUse = old(Files.writeString(tmp.resolve(".forecasts.csv.tmp-4badc0de"), "being written"));
        Path lockFile = old(Files.createFile(tmp.resolve(".forecasts.csv.tmp-4badc0de.lock")));
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            AtomicFiles.writeText(tmp.resolve("forecasts.csv"), "x\n");
            assertTrue(Files.exists(inUse) && Files.exists(lockFile));
        }
        Path claimed = tmp.resolve(".forecasts.csv.tmp-5badc0de");
        try (Temporaries.Lease lease = Temporaries.claim(claimed)) {
            old(Files.writeString(claimed, "this process is writing it"));
            AtomicFiles.writeText(tmp.resolve("forecasts.csv"), "y\n");
            assertTrue(Files.exists(claimed) && Files.exists(Temporaries.lockFileOf(claimed)), "a temporary in flight here is kept");
        }
        assertTrue(Files.notExists(Temporaries.lockFileOf(claimed)), "closing the lease removes its lock file");
    }

    /** Defect 9 (replaceDirectory crash window): a kill between "rename old aside" and "rename new in" loses nothing. */
    @Test
    void aDirectoryLeftRenamedAsideIsPutBackBeforeItIsReadOrReplaced() throws IOException {
        Path report = tmp.resolve("report");
        Path aside = Files.createDirectories(tmp.resolve(".report.old-0badc0de"));
        Files.writeString(aside.resolve("metrics.json"), "old");
        Path replacement = Files.createDirectories(tmp.resolve(".report.tmp-1badc0de"));
        old(Files.writeString(replacement.resolve("metrics.json"), "new, of the killed run"));
        old(replacement);

        AtomicFiles.recover(report);
        assertEquals("old", Files.readString(report.resolve("metrics.json")), "the aside copy is renamed back");
        assertTrue(Files.notExists(aside));

        Files.move(report, aside);
        AtomicFiles.replaceDirectory(report, "metrics.json", "an evaluation report", dir -> Files.writeString(dir.resolve("metrics.json"), "next"));
        assertEquals("next", Files.readString(report.resolve("metrics.json")));
        assertEquals(List.of("report"), names(tmp), "the aside copy is replaced like any old report, the killed run's temporary removed");
    }

    /** Defect 9: an interrupt (the shutdown hook) deletes temporaries in flight and puts back a directory renamed aside. */
    @Test
    void abandoningDeletesTemporariesAndRestoresADirectoryRenamedAside() throws IOException {
        Path target = tmp.resolve("prepared");
        Temporaries.Lease tmpLease = Temporaries.claim(tmp.resolve(".prepared.tmp-0badc0de"));
        Files.writeString(Files.createDirectory(tmpLease.path()).resolve("panel.bin"), "new");
        Temporaries.Lease aside = Temporaries.claimAside(tmp.resolve(".prepared.old-1badc0de"), target);
        Files.writeString(Files.createDirectory(aside.path()).resolve("panel.bin"), "old");

        List<Path> abandoned = Temporaries.abandonAll();
        assertTrue(abandoned.containsAll(List.of(tmpLease.path(), aside.path())), abandoned.toString());
        assertEquals("old", Files.readString(target.resolve("panel.bin")));
        assertEquals(List.of("prepared"), names(tmp), "nothing else stays, lock files included");
        tmpLease.close();
        aside.close();
    }

    /** Sets a path's modification time before this run's start, as a killed earlier run's file has. */
    private static Path old(Path path) throws IOException {
        Files.setLastModifiedTime(path, FileTime.from(Instant.now().minusSeconds(3600)));
        Temporaries.startRun(Instant.now());
        return path;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
