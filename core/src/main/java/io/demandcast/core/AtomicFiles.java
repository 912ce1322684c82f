package io.demandcast.core;

import io.demandcast.core.data.DataException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.commons.io.file.PathUtils;

/**
 * The one way demandcast writes its outputs: whole or not at all. A file or directory is written
 * under a hidden temporary name beside its target ({@code .<name>.tmp-<random>}) and renamed into
 * place, so a reader sees the old content or the new, never a part. Files are created with the
 * permissions the umask gives (not the 0600 of {@link Files#createTempFile}); a failure names the
 * path and leaves nothing behind; so does an interrupt (Ctrl-C, SIGTERM), through a shutdown hook
 * that removes the temporaries still in flight.
 */
public final class AtomicFiles {
    /** Writes the content of a file. */
    @FunctionalInterface
    public interface TextContent {
        void writeTo(Writer out) throws IOException;
    }

    /** Writes the files of a directory into it. */
    @FunctionalInterface
    public interface DirectoryContent {
        void writeInto(Path directory) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes UTF-8 text to {@code file}, replacing it; creates its parent directories. */
    public static void writeText(Path file, String text) throws IOException {
        write(file, out -> out.write(text));
    }

    /**
     * Writes {@code file} as UTF-8 through {@code content}, replacing an earlier file.
     *
     * @throws IOException naming {@code file} when it cannot be written; the earlier file is then untouched
     */
    public static void write(Path file, TextContent content) throws IOException {
        if (isDescriptor(file.toAbsolutePath())) {
            writeThrough(file, file.toAbsolutePath(), content);
            return;
        }
        Path target = followLinks(file.toAbsolutePath());
        if (Files.isDirectory(target)) {
            throw new DataException(file + ": is a directory; give a file name for this output");
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            writeThrough(file, target, content);
            return;
        }
        Files.createDirectories(target.getParent());
        Path tmp = temporary(target, "tmp");
        InFlight.add(tmp);
        try {
            try (Writer out = new BufferedWriter(new OutputStreamWriter(
                    Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), StandardCharsets.UTF_8))) {
                content.writeTo(out);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            delete(tmp, e);
            throw new IOException("cannot write " + file + ": " + describe(e), e);
        } catch (RuntimeException e) {
            delete(tmp, e);
            throw e;
        } finally {
            InFlight.remove(tmp);
        }
    }

    /**
     * A FIFO or a device (a named pipe a reader waits on, {@code /dev/stdout}, a terminal) is no file
     * a temporary could replace: a rename would put a regular file in its place and the reader would
     * get nothing. So it is opened and written as a stream, which cannot be atomic; a failure names
     * the path as given.
     */
    private static void writeThrough(Path file, Path target, TextContent content) throws IOException {
        // APPEND, not truncate: through /dev/stdout this is the shell's descriptor, opened by '>' (empty) or '>>'.
        try (Writer out = new BufferedWriter(new OutputStreamWriter(
                Files.newOutputStream(target, StandardOpenOption.WRITE, StandardOpenOption.APPEND), StandardCharsets.UTF_8))) {
            content.writeTo(out);
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + describe(e), e);
        }
    }

    /**
     * The file a path names after following symbolic links of its last component, even a dangling
     * one: the output then lands in the link's target, replaced atomically in the target's own
     * directory, and the link stays a link (a rename over the link itself would replace it by a
     * regular file and leave the target stale).
     */
    static Path followLinks(Path path) throws IOException {
        Path current = path;
        for (int hops = 0; Files.isSymbolicLink(current); hops++) {
            if (hops == MAX_LINKS) {
                throw new IOException("cannot write " + path + ": too many levels of symbolic links");
            }
            current = current.toAbsolutePath().getParent().resolve(Files.readSymbolicLink(current));
        }
        return current;
    }

    private static final int MAX_LINKS = 40;

    /**
     * Whether {@code path} leads through {@code /proc} ({@code /dev/stdout}, {@code /dev/fd/1}): a
     * process's open descriptor, whose link text ({@code pipe:[1234]}) is no path to follow; the
     * kernel opens it, so it is written as a stream through the path as given.
     */
    static boolean isDescriptor(Path path) throws IOException {
        Path current = path;
        for (int hops = 0; hops < MAX_LINKS && Files.isSymbolicLink(current); hops++) {
            Path dir = current.getParent();
            if (dir != null && Files.exists(dir) && dir.toRealPath().startsWith(PROC)) {
                return true;
            }
            Path link = Files.readSymbolicLink(current);
            if (link.startsWith(PROC)) {
                return Files.exists(path);
            }
            current = current.getParent().resolve(link);
        }
        return false;
    }

    private static final Path PROC = Path.of("/proc");

    /**
     * What went wrong, without the temporary's name: java.nio's file exceptions carry the path as
     * their message and the reason apart (or only in their type).
     */
    private static String describe(IOException e) {
        if (e instanceof java.nio.file.FileSystemException fs) {
            if (fs.getReason() != null) {
                return fs.getReason();
            }
            if (fs instanceof java.nio.file.AccessDeniedException) {
                return "permission denied";
            }
            if (fs instanceof java.nio.file.NoSuchFileException) {
                return "no such file or directory";
            }
            return fs.getClass().getSimpleName() + " " + fs.getFile();
        }
        return String.valueOf(e.getMessage());
    }

    /**
     * Writes a new directory that must not exist yet.
     *
     * @throws DataException when {@code directory} already exists
     * @throws IOException   naming {@code directory} when writing fails; nothing is left behind
     */
    public static void createDirectory(Path directory, DirectoryContent content) throws IOException {
        if (Files.exists(directory)) {
            throw new DataException(directory + ": already exists; choose another output directory or replace it");
        }
        Path target = followLinks(directory.toAbsolutePath());
        Path tmp = writeTemporaryDirectory(target, content);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            delete(tmp, e);
            throw new IOException("cannot write " + directory + ": " + e.getMessage(), e);
        } finally {
            InFlight.remove(tmp);
        }
    }

    /**
     * Replaces a directory as a whole: the new one is written beside it, the old one renamed aside,
     * the new one renamed in, the old one deleted. Readers see the old or the new, never a mix.
     *
     * @param marker a file every directory this may replace holds; an existing non-empty directory
     *               without it is refused, so a mistyped output path cannot delete unrelated files
     * @param kind   what such a directory is, for the refusal ("a prepared dataset")
     * @throws DataException when {@code directory} exists and is not such a directory
     * @throws IOException   naming {@code directory} when writing fails; the old directory is then left in place
     */
    public static void replaceDirectory(Path directory, String marker, String kind, DirectoryContent content)
            throws IOException {
        Path target = followLinks(directory.toAbsolutePath());
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) {
                throw new DataException(directory + ": exists and is not a directory; refusing to replace it");
            }
            if (!Files.exists(target.resolve(marker)) && !PathUtils.isEmptyDirectory(target)) {
                throw new DataException(directory + ": exists and is not " + kind + " (no " + marker
                        + "); refusing to replace it, choose another output directory");
            }
        }
        Path tmp = writeTemporaryDirectory(target, content);
        Path old = temporary(target, "old");
        boolean movedAside = false;
        try {
            if (Files.exists(target)) {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                movedAside = true;
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            restore(movedAside, old, target, e);
            delete(tmp, e);
            throw new IOException("cannot write " + directory + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            restore(movedAside, old, target, e);
            delete(tmp, e);
            throw e;
        } finally {
            InFlight.remove(tmp);
        }
        if (movedAside) {
            PathUtils.deleteDirectory(old);
        }
    }

    private static Path writeTemporaryDirectory(Path target, DirectoryContent content) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createDirectory(temporary(target, "tmp"));
        InFlight.add(tmp);
        try {
            content.writeInto(tmp);
            return tmp;
        } catch (IOException e) {
            delete(tmp, e);
            InFlight.remove(tmp);
            throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            delete(tmp, e);
            InFlight.remove(tmp);
            throw e;
        }
    }

    private static void restore(boolean movedAside, Path old, Path target, Exception cause) {
        if (movedAside && !Files.exists(target)) {
            try {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                cause.addSuppressed(e);
            }
        }
    }

    /** A hidden sibling of {@code target}: {@code .<name>.<kind>-<8 hex>}. */
    private static Path temporary(Path target, String kind) {
        return target.resolveSibling("." + target.getFileName() + "." + kind + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
    }

    /** Deletes a temporary file or directory; a failure to delete is attached to {@code cause}. */
    private static void delete(Path path, Throwable cause) {
        try {
            if (Files.isDirectory(path)) {
                PathUtils.deleteDirectory(path);
            } else {
                Files.deleteIfExists(path);
            }
        } catch (IOException | RuntimeException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            }
        }
    }

    /**
     * Temporaries being written right now. An interrupted JVM runs shutdown hooks but not the
     * {@code catch} blocks above, so one hook, registered on first use, removes what is left. This
     * is process-wide by nature (there is one JVM exit), hence the static set.
     */
    private static final class InFlight {
        private static final Set<Path> PATHS = ConcurrentHashMap.newKeySet();

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> PATHS.forEach(p -> delete(p, null)),
                    "demandcast-temporary-cleanup"));
        }

        static void add(Path path) {
            PATHS.add(path);
        }

        static void remove(Path path) {
            PATHS.remove(path);
        }
    }
}
