package io.demandcast.core.evaluate.backtest;

import io.demandcast.core.data.DataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.commons.io.file.PathUtils;

/**
 * Replaces a report directory as a whole: the new files are written into a hidden temporary
 * sibling, which then takes the directory's place. A failed write (disk full, a bug) leaves the
 * previous report untouched and no half-written one beside it.
 */
public final class OutputDirectory {
    /** Writes the files of a report into a directory. */
    @FunctionalInterface
    public interface Contents {
        void writeInto(Path directory) throws IOException;
    }

    private OutputDirectory() {
    }

    /**
     * @param marker a file every earlier report in {@code directory} holds; an existing non-empty
     *               directory without it is refused, so a mistyped output path cannot delete
     *               unrelated files
     * @throws DataException when {@code directory} exists and is not an earlier report
     */
    public static void replace(Path directory, String marker, Contents contents) throws IOException {
        Path target = directory.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) {
                throw new DataException(directory + ": exists and is not a directory; refusing to replace it");
            }
            if (!Files.exists(target.resolve(marker)) && !PathUtils.isEmptyDirectory(target)) {
                throw new DataException(directory + ": exists and is not an evaluation report (no " + marker
                        + "); choose an empty or new output directory");
            }
        }
        Path parent = target.getParent();
        Files.createDirectories(parent);
        String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        Path tmp = parent.resolve("." + target.getFileName() + ".tmp-" + suffix);
        Path old = parent.resolve("." + target.getFileName() + ".old-" + suffix);
        Files.createDirectory(tmp);
        try {
            contents.writeInto(tmp);
            if (Files.exists(target)) {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            if (Files.exists(old) && !Files.exists(target)) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            }
            deleteQuietly(tmp, e);
            throw e;
        }
        deleteQuietly(old, null);
    }

    private static void deleteQuietly(Path dir, Exception cause) {
        try {
            if (Files.exists(dir)) {
                PathUtils.deleteDirectory(dir);
            }
        } catch (IOException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            }
        }
    }
}
