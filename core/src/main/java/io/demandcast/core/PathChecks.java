package io.demandcast.core;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before any work, that an output can be written where the config puts it and that an
 * input is not a directory: a run that would fail only after an hour's fit fails in a second
 * instead, naming the key and the path. Nothing is created or changed; how outputs are then written
 * stays {@link AtomicFiles}' business.
 *
 * <p>Every failure is a {@link DemandcastException} (invalid input, exit 2) starting with the config
 * key. What cannot be known in advance (a disk that fills up, a directory that another process
 * removes meanwhile) still fails when it happens.
 */
public final class PathChecks {

    private PathChecks() {
    }

    /**
     * An output file ({@code predict.output}): its directory must exist or be creatable, and be
     * writable; the file itself must not be a directory. A symbolic link, FIFO or device in its place
     * is left to the writer, which decides how such an output is written (through, or refused).
     */
    public static void writableFile(String key, Path file) {
        if (Files.isDirectory(file)) {
            throw new DemandcastException(key + ": cannot write " + file + ": it is a directory; give a file name");
        }
        if (Files.isSymbolicLink(file) || Files.exists(file) && !Files.isRegularFile(file)) {
            return;
        }
        creatable(key, file, file.toAbsolutePath().getParent());
    }

    /**
     * An output directory written as a whole, under a temporary name beside it and then renamed
     * ({@code prepare.output}, {@code evaluate.output}): it must be a directory if it exists, and its
     * parent must exist or be creatable, and be writable.
     */
    public static void replaceableDirectory(String key, Path dir) {
        notAFile(key, dir);
        creatable(key, dir, dir.toAbsolutePath().getParent());
    }

    /**
     * A directory written into ({@code train.store}): it must exist or be creatable, and be writable.
     */
    public static void writableDirectory(String key, Path dir) {
        notAFile(key, dir);
        creatable(key, dir, dir.toAbsolutePath());
    }

    /** An input file: when it exists, it must not be a directory (a missing file is its reader's to report). */
    public static void notADirectory(String key, Path file) {
        if (Files.isDirectory(file)) {
            throw new DemandcastException(key + ": " + file + " is a directory, not a file");
        }
    }

    private static void notAFile(String key, Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new DemandcastException(key + ": cannot write " + dir + ": it exists and is not a directory");
        }
    }

    /**
     * {@code directory} (null: the file-system root) must be a writable directory, or be creatable:
     * its nearest existing ancestor a writable directory.
     */
    private static void creatable(String key, Path target, Path directory) {
        Path existing = directory;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return; // nothing of the path exists, not even a root: leave it to the writer's own error
        }
        if (!Files.isDirectory(existing)) {
            throw new DemandcastException(key + ": cannot write " + target + ": " + existing + " is a file, not a directory");
        }
        if (!Files.isWritable(existing) || !Files.isExecutable(existing)) {
            throw new DemandcastException(key + ": cannot write " + target + ": no permission to write in " + existing);
        }
    }
}
