package io.demandcast.core.data;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What the file system records of a file besides its bytes: when its content was last modified, when
 * its status last changed (the ctime, which every write, and every change of the file's times, mode,
 * owner or links, sets to the current time and which no program can set back), and which file it is
 * (device and inode). A file whose stamp is unchanged has not been written since, so a content hash
 * taken while it had that stamp still holds; git's index tells unchanged files the same way, and
 * {@code prepare} records a stamp with each input's SHA-256 so later runs skip re-reading it.
 *
 * <p>A write within the file system's timestamp granularity of the previous one can leave both times as
 * they were ("racily clean" in git): a hash taken in between would then be trusted for the new content.
 * {@link #recordable} guards it: a stamp goes with a hash only when the file last changed at least
 * {@link #SETTLED} (two seconds for a file system of whole-second timestamps) before the hash began, so
 * any later write falls on a later time. That assumes the file system's clock is this machine's, or
 * within that margin of it (a network share's clock running behind by more could defeat it, as it
 * defeats make).
 *
 * @param modified the last modification time
 * @param changed  the last status change time (ctime)
 * @param device   the device the file is on
 * @param inode    the file's inode on that device
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FileStamp(Instant modified, Instant changed, long device, long inode) {

    /** How long before a hash a file with sub-second timestamps must have last changed for its stamp to be recorded. */
    public static final Duration SETTLED = Duration.ofMillis(100);

    /** The same for whole-second timestamps (FAT's are two seconds apart). */
    public static final Duration SETTLED_WHOLE_SECONDS = Duration.ofSeconds(2);

    public FileStamp {
        if (modified == null || changed == null) {
            throw new IllegalArgumentException("manifest key 'inputs[].stamp' needs modified and changed");
        }
    }

    /**
     * The stamp of {@code file} (of its target when it is a symbolic link), or null where the platform
     * reports no status-change time or inode (Windows): there a file is always hashed.
     *
     * @throws IOException when the file cannot be read
     */
    public static FileStamp of(Path file) throws IOException {
        Map<String, Object> attributes;
        try {
            attributes = Files.readAttributes(file, "unix:lastModifiedTime,ctime,dev,ino");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
        return new FileStamp(((FileTime) attributes.get("lastModifiedTime")).toInstant(),
                ((FileTime) attributes.get("ctime")).toInstant(), (Long) attributes.get("dev"), (Long) attributes.get("ino"));
    }

    /**
     * The stamp to record with a hash of the file, or null when none may be: the stamps taken just
     * before and just after hashing differ (the file was written meanwhile), the platform has none, or
     * the file last changed less than {@link #SETTLED} before the hash began.
     *
     * @param hashStart when the hash began, taken before {@code before}
     */
    public static FileStamp recordable(FileStamp before, FileStamp after, Instant hashStart) {
        if (before == null || !before.equals(after)) {
            return null;
        }
        return before.settledBefore(hashStart) ? before : null;
    }

    /** Whether the file last changed at least {@link #SETTLED} ({@link #SETTLED_WHOLE_SECONDS} for whole-second stamps) before {@code time}. */
    boolean settledBefore(Instant time) {
        boolean wholeSeconds = modified.getNano() == 0 && changed.getNano() == 0;
        Instant last = modified.isAfter(changed) ? modified : changed;
        return last.isBefore(time.minus(wholeSeconds ? SETTLED_WHOLE_SECONDS : SETTLED));
    }
}
