package io.demandcast.core;

import io.demandcast.core.data.DataException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.apache.commons.io.file.PathUtils;

/**
 * The one way demandcast writes its outputs: whole or not at all. A file or directory is written
 * under a hidden temporary name beside its target ({@code .<name>.tmp-<random>}) and renamed into
 * place, so a reader sees the old content or the new, never a part. Files are created with the
 * permissions the umask gives (not the 0600 of {@link Files#createTempFile}); a failure names the
 * path and leaves nothing behind; so does an interrupt (Ctrl-C, SIGTERM), through the shutdown hook
 * of {@link Temporaries}, which holds a lock on every temporary while it is written.
 *
 * <p>What a killed run ({@code kill -9}, a power cut) left beside a target, {@code .<name>.tmp-<hex>}
 * and {@code .<name>.old-<hex>} with their {@code .lock} files, is removed by the next write of that
 * target when it is older than the run's start and not locked; a directory left renamed aside with
 * nothing in its place (the crash came between the two renames of {@link #replaceDirectory}) is put
 * back by {@link #recover} before the directory is read or replaced.
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
        writeAtomically(file, target, content, List.of());
    }

    /**
     * As {@link #write}, for a file only its owner may read (mode 0600 whatever the umask): a
     * secret such as the mapping that undoes anonymised series ids.
     */
    public static void writeOwnerOnly(Path file, TextContent content) throws IOException {
        Path target = followLinks(file.toAbsolutePath());
        if (Files.isDirectory(target)) {
            throw new DataException(file + ": is a directory; give a file name for this output");
        }
        writeAtomically(file, target, content, List.of(PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))));
    }

    private static void writeAtomically(Path file, Path target, TextContent content, List<FileAttribute<?>> attributes)
            throws IOException {
        Files.createDirectories(target.getParent());
        sweep(target);
        Path tmp = temporary(target, "tmp");
        try (Temporaries.Lease lease = Temporaries.claim(tmp)) {
            try {
                try (Writer out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(Files.newByteChannel(tmp,
                        Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes.toArray(FileAttribute[]::new))),
                        StandardCharsets.UTF_8))) {
                    content.writeTo(out);
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                delete(tmp, e);
                throw e;
            }
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + describe(e), e);
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
        recover(directory);
        if (Files.exists(directory)) {
            throw new DataException(directory + ": already exists; choose another output directory or replace it");
        }
        Path target = followLinks(directory.toAbsolutePath());
        sweep(target);
        try (Temporaries.Lease tmp = writeTemporaryDirectory(target, content)) {
            try {
                Files.move(tmp.path(), target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                delete(tmp.path(), e);
                throw new IOException("cannot write " + directory + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Writes a new directory in {@code parent} under the first of {@code names} (1, 2, ...) that is
     * free when it is renamed into place: the content is written once, under a hidden temporary
     * {@code .<stem>.tmp-<random>}, then renamed; a name another run took meanwhile (two runs in one
     * second) moves it on to the next name. The stem names the temporaries of every directory of
     * this kind, so the next call removes what a killed run left.
     *
     * @return the directory written, {@code parent} resolved against its name
     * @throws IOException naming the directory when writing fails; nothing is left behind
     */
    public static Path createNewDirectory(Path parent, String stem, IntFunction<String> names, DirectoryContent content)
            throws IOException {
        Path stemTarget = followLinks(parent.toAbsolutePath()).resolve(stem);
        sweep(stemTarget);
        try (Temporaries.Lease tmp = writeTemporaryDirectory(stemTarget, content)) {
            for (int n = 1; ; n++) {
                String name = names.apply(n);
                Path target = stemTarget.resolveSibling(name);
                if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                try {
                    Files.move(tmp.path(), target, StandardCopyOption.ATOMIC_MOVE);
                    return parent.resolve(name);
                } catch (IOException e) {
                    if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        continue; // another run took this name between our check and our rename
                    }
                    delete(tmp.path(), e);
                    throw new IOException("cannot write " + parent.resolve(name) + ": " + describe(e), e);
                }
            }
        }
    }

    /**
     * Deletes a directory written by {@link #createNewDirectory}: it is first renamed to a hidden
     * temporary ({@code .<stem>.old-<random>}), so a deletion cut short by a kill leaves no
     * half-deleted directory under its real name, only a leftover the next
     * {@link #createNewDirectory} with that stem removes.
     *
     * @throws IOException naming {@code directory} when it cannot be renamed or deleted
     */
    public static void deleteDirectory(Path directory, String stem) throws IOException {
        Path target = directory.toAbsolutePath();
        try (Temporaries.Lease aside = Temporaries.claim(temporary(target.resolveSibling(stem), "old"))) {
            try {
                Files.move(target, aside.path(), StandardCopyOption.ATOMIC_MOVE);
                deleteAside(aside.path());
            } catch (IOException e) {
                throw new IOException("cannot remove " + directory + ": " + describe(e), e);
            }
        }
    }

    /**
     * Repairs what a run killed inside {@link #replaceDirectory} may leave: the old directory renamed
     * aside ({@code .<name>.old-<hex>}) and nothing at {@code directory}. The aside copy is renamed
     * back (the newest, should there be several), so the directory reads as before the killed run.
     * The replacement that run wrote is not used even if complete: nothing proves it is, and a killed
     * run's output is not its result. Does nothing when {@code directory} exists, or when the aside
     * copy is locked (its run is alive and about to finish the replacement). Readers call it before
     * reading; the writers here call it before writing.
     *
     * @throws IOException when the aside copy cannot be renamed back
     */
    public static void recover(Path directory) throws IOException {
        Path target = followLinks(directory.toAbsolutePath());
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS) || target.getParent() == null) {
            return;
        }
        String prefix = "." + target.getFileName() + ".old-";
        List<Path> asides = Temporaries.unlockedLeftovers(target.getParent(),
                name -> name.startsWith(prefix) && HEX8.matcher(name.substring(prefix.length())).matches());
        if (asides.isEmpty()) {
            return;
        }
        try {
            Files.move(asides.get(0), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IOException("cannot restore " + directory + " from " + asides.get(0).getFileName()
                    + " (left by an interrupted replacement): " + describe(e), e);
        }
        Temporaries.report("restored " + directory + " from the copy an interrupted run had renamed aside", List.of(asides.get(0)));
    }

    /** Removes what killed runs left beside {@code target}: its {@code tmp} and {@code old} temporaries. */
    private static void sweep(Path target) {
        if (target.getParent() == null) {
            return;
        }
        String prefix = "." + target.getFileName() + ".";
        Temporaries.removeLeftovers(target.getParent(), name -> name.startsWith(prefix)
                && TEMPORARY_SUFFIX.matcher(name.substring(prefix.length())).matches());
    }

    private static final Pattern HEX8 = Pattern.compile("[0-9a-f]{8}");
    private static final Pattern TEMPORARY_SUFFIX = Pattern.compile("(?:tmp|old)-[0-9a-f]{8}");

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
        recover(directory);
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
        sweep(target);
        try (Temporaries.Lease tmp = writeTemporaryDirectory(target, content);
             Temporaries.Lease old = Temporaries.claimAside(temporary(target, "old"), target)) {
            boolean movedAside = false;
            try {
                if (Files.exists(target)) {
                    Files.move(target, old.path(), StandardCopyOption.ATOMIC_MOVE);
                    movedAside = true;
                }
                Files.move(tmp.path(), target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                restore(movedAside, old.path(), target, e);
                delete(tmp.path(), e);
                throw new IOException("cannot write " + directory + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                restore(movedAside, old.path(), target, e);
                delete(tmp.path(), e);
                throw e;
            }
            if (movedAside) {
                deleteAside(old.path());
            }
        }
    }

    /**
     * Deletes a directory moved aside. An interrupt's cleanup ({@link Temporaries}) deletes the asides
     * still in flight from its own thread, so parts of this one may vanish under us: what is gone is
     * gone as wanted, and only what remains must be deleted.
     */
    private static void deleteAside(Path aside) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                if (Files.exists(aside, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    PathUtils.deleteDirectory(aside);
                }
                return;
            } catch (java.nio.file.NoSuchFileException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Writes a new temporary directory beside {@code target}, claimed: the caller renames it and closes the lease. */
    private static Temporaries.Lease writeTemporaryDirectory(Path target, DirectoryContent content) throws IOException {
        Files.createDirectories(target.getParent());
        Temporaries.Lease lease = Temporaries.claim(temporary(target, "tmp"));
        Path tmp = lease.path();
        try {
            Files.createDirectory(tmp);
            content.writeInto(tmp);
            return lease;
        } catch (IOException e) {
            delete(tmp, e);
            lease.close();
            throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            delete(tmp, e);
            lease.close();
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
}
