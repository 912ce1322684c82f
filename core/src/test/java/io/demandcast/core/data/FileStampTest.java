package io.demandcast.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStampTest {
    @TempDir
    Path dir;

    private static final Instant T = Instant.parse("2026-12-01T10:00:00.123456789Z");

    private Path file(String text) throws IOException {
        return Files.writeString(dir.resolve("sales.csv"), text);
    }

    private FileStamp stampOf(Path file) throws IOException {
        FileStamp stamp = FileStamp.of(file);
        assumeTrue(stamp != null, "this platform reports no ctime and inode (stamps are not recorded there)");
        return stamp;
    }

    @Test
    void anUntouchedFileKeepsItsStampAndARewriteOfTheSameSizeWithItsTimeSetBackDoesNot() throws IOException, InterruptedException {
        Path f = file("a,1\n");
        FileStamp first = stampOf(f);
        assertEquals(first, stampOf(f));
        // Past the margin, as a recorded stamp is: the rewrite's change time is then later whatever the clock's granularity.
        Thread.sleep(FileStamp.SETTLED.toMillis() + 50);
        Files.writeString(f, "a,2\n");
        Files.setLastModifiedTime(f, FileTime.from(first.modified()));
        FileStamp after = stampOf(f);
        assertEquals(first.modified(), after.modified(), "modification time set back");
        assertEquals(Files.size(f), 4);
        assertNotEquals(first, after, "the status-change time cannot be set back");
    }

    @Test
    void aFileReplacedByAnotherOfTheSameSizeAndTimesIsAnotherFile() throws IOException {
        Path f = file("a,1\n");
        FileStamp first = stampOf(f);
        Path other = Files.writeString(dir.resolve("other.csv"), "a,2\n");
        Files.setLastModifiedTime(other, FileTime.from(first.modified()));
        Files.move(other, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertNotEquals(first.inode(), stampOf(f).inode());
        assertNotEquals(first, stampOf(f));
    }

    @Test
    void aStampIsRecordableOnlyWhenTheFileLastChangedAMarginBeforeTheHashBegan() {
        FileStamp stamp = new FileStamp(T, T, 1, 2);
        assertEquals(stamp, FileStamp.recordable(stamp, stamp, T.plus(FileStamp.SETTLED).plusNanos(1)));
        assertNull(FileStamp.recordable(stamp, stamp, T.plus(FileStamp.SETTLED)), "changed within the margin: racy");
        assertNull(FileStamp.recordable(stamp, stamp, T.minusSeconds(1)), "changed after the hash began");
        FileStamp laterChange = new FileStamp(T.minusSeconds(60), T, 1, 2);
        assertNull(FileStamp.recordable(laterChange, laterChange, T.plusMillis(50)), "the later of the two times counts");
    }

    @Test
    void aFileWrittenWhileItWasHashedGetsNoStamp() {
        FileStamp before = new FileStamp(T, T, 1, 2);
        FileStamp after = new FileStamp(T.plusSeconds(5), T.plusSeconds(5), 1, 2);
        assertNull(FileStamp.recordable(before, after, T.plusSeconds(60)));
        assertNull(FileStamp.recordable(null, null, T.plusSeconds(60)), "no stamp on this platform");
    }

    @Test
    void wholeSecondTimestampsNeedTwoSeconds() {
        Instant whole = Instant.parse("2026-12-01T10:00:00Z");
        FileStamp coarse = new FileStamp(whole, whole, 1, 2);
        assertNull(FileStamp.recordable(coarse, coarse, whole.plusMillis(1500)));
        assertNotNull(FileStamp.recordable(coarse, coarse, whole.plusMillis(2001)));
    }
}
