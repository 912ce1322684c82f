package io.demandcast.core;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.commons.io.file.PathUtils;

/**
 * The temporary files and directories demandcast's writers create, and what other runs left of
 * theirs.
 *
 * <p>A writer {@link #claim claims} each temporary before creating it: a lock file
 * {@code <temporary>.lock} is created beside it and locked ({@link FileChannel#tryLock}) until the
 * temporary is renamed into place or deleted, and the temporary is registered in this process.
 * The lock is what tells a concurrent run's temporary (in use, kept) from a killed run's (a
 * leftover): the operating system releases it when its process dies, even on {@code kill -9}. The
 * lock sits beside the temporary, not in it, so it never ends up inside the renamed output.
 *
 * <p>On an interrupt (Ctrl-C, SIGTERM) the JVM runs shutdown hooks but not the writers' {@code catch}
 * blocks, so a hook registered here {@link #abandonAll abandons} the temporaries in flight: deletes
 * them, or for a directory renamed aside by {@link AtomicFiles#replaceDirectory}, puts it back when
 * nothing replaced it yet. What a {@code kill -9} leaves, the next run removes with
 * {@link #removeLeftovers}: entries whose names a writer gives its temporaries, last modified before
 * this run started, not locked. This state is process-wide by nature (there is one JVM exit and one
 * run start), hence static.
 */
public final class Temporaries {
    /** Suffix of the lock file beside each temporary. */
    public static final String LOCK_SUFFIX = ".lock";

    private static final Map<Path, Lease> IN_FLIGHT = new ConcurrentHashMap<>();
    private static volatile Instant runStart = ProcessHandle.current().info().startInstant().orElseGet(Instant::now);
    private static volatile Consumer<String> reports = line -> { };

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(Temporaries::abandonAll, "demandcast-temporary-cleanup"));
        } catch (IllegalStateException shuttingDown) {
            // first used by another shutdown hook: that hook abandons what is in flight itself
        }
    }

    private Temporaries() {
    }

    /**
     * Marks the start of a run: only leftovers last modified before it are removed. Defaults to the
     * JVM's start; the command line sets it as each verb starts, so an in-process run behaves as a
     * new process would.
     */
    public static void startRun(Instant start) {
        runStart = start;
    }

    /** Receives one line for each sweep that removed or restored something (the CLI shows it as progress). */
    public static void reportTo(Consumer<String> sink) {
        reports = sink == null ? line -> { } : sink;
    }

    /**
     * Claims {@code temporary} before it is created: creates and locks {@code <temporary>.lock} and
     * registers it, so that an interrupt deletes it and no other run's cleaner removes it.
     *
     * @throws IOException when the lock file cannot be created (the directory is not writable, or the
     *                     name is taken, which the caller's random names make unlikely)
     */
    public static Lease claim(Path temporary) throws IOException {
        return claim(temporary, null);
    }

    /**
     * Claims {@code aside}, the directory {@code target} is about to be renamed to while its
     * replacement is moved in. Unlike a temporary it holds the only copy of the old content, so an
     * interrupt renames it back when {@code target} does not exist rather than deleting it.
     */
    public static Lease claimAside(Path aside, Path target) throws IOException {
        return claim(aside, target);
    }

    private static Lease claim(Path temporary, Path restoreTo) throws IOException {
        Path lockFile = lockFileOf(temporary);
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IOException("cannot lock " + lockFile + ": locked by another process");
            }
            Lease lease = new Lease(temporary, restoreTo, lockFile, channel);
            IN_FLIGHT.put(temporary, lease);
            return lease;
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(lockFile);
            throw e;
        }
    }

    /**
     * Abandons every temporary still in flight, as an interrupted run must: deletes them (an aside
     * directory is renamed back instead when its target is missing) and releases their locks.
     *
     * Synchronized so that a second caller (the CLI's interrupt notice besides this class's own hook)
     * returns only once everything is abandoned.
     *
     * @return the temporaries this call abandoned, empty when no write was under way
     */
    public static synchronized List<Path> abandonAll() {
        List<Path> abandoned = new ArrayList<>();
        for (Lease lease : List.copyOf(IN_FLIGHT.values())) {
            if (IN_FLIGHT.remove(lease.path, lease)) {
                lease.abandon();
                abandoned.add(lease.path);
            }
        }
        return abandoned;
    }

    /**
     * Removes what killed runs left in {@code directory}: every entry whose name {@code isTemporary}
     * accepts (and its lock file) that was last modified before this run started and whose lock no
     * process holds; lock files whose temporary is gone too. Nothing is removed that a writer of
     * this process has in flight, and nothing whose name is not accepted. Best effort: an entry that
     * cannot be checked or removed (a read-only store) is left, since a reader must still work.
     *
     * @return the entries removed; when there are any, one line naming them goes to {@link #reportTo}
     */
    public static List<Path> removeLeftovers(Path directory, Predicate<String> isTemporary) {
        List<Path> removed = new ArrayList<>();
        for (Path entry : entries(directory)) {
            String name = entry.getFileName().toString();
            boolean lockFile = name.endsWith(LOCK_SUFFIX);
            String temporaryName = lockFile ? name.substring(0, name.length() - LOCK_SUFFIX.length()) : name;
            if (!isTemporary.test(temporaryName)) {
                continue;
            }
            Path temporary = entry.resolveSibling(temporaryName);
            if (lockFile && Files.exists(temporary, LinkOption.NOFOLLOW_LINKS)) {
                continue; // decided together with its temporary
            }
            if (removeIfLeftover(temporary, lockFileOf(temporary))) {
                removed.add(entry);
            }
        }
        report("removed what an interrupted run left", removed);
        return removed;
    }

    /**
     * Leftovers in {@code directory} that {@code isAside} accepts, not in flight and not locked by any
     * process: the candidates to put back when a replaced directory is missing. Newest first.
     */
    static List<Path> unlockedLeftovers(Path directory, Predicate<String> isAside) {
        List<Path> found = new ArrayList<>();
        for (Path entry : entries(directory)) {
            String name = entry.getFileName().toString();
            if (!name.endsWith(LOCK_SUFFIX) && isAside.test(name) && !IN_FLIGHT.containsKey(entry)
                    && !lockedElsewhere(lockFileOf(entry))) {
                found.add(entry);
            }
        }
        found.sort(Comparator.comparing(Temporaries::modified).reversed());
        return found;
    }

    /** Sends one line, {@code what} and the {@code paths} concerned, to the report sink when there are any paths. */
    public static void report(String what, List<Path> paths) {
        if (!paths.isEmpty()) {
            reports.accept(what + ": " + String.join(", ", paths.stream().map(Path::toString).toList()));
        }
    }

    static Path lockFileOf(Path temporary) {
        return temporary.resolveSibling(temporary.getFileName() + LOCK_SUFFIX);
    }

    private static boolean removeIfLeftover(Path temporary, Path lockFile) {
        // Checked before any lock file is opened: closing a channel releases every lock this process
        // holds on that file (POSIX), so opening a lock file of our own writer would unlock it.
        if (IN_FLIGHT.containsKey(temporary)) {
            return false;
        }
        Path aged = Files.exists(temporary, LinkOption.NOFOLLOW_LINKS) ? temporary : lockFile;
        if (!modified(aged).isBefore(runStart)) {
            return false; // a newer run's: it may not have taken its lock yet
        }
        try (FileChannel channel = openExisting(lockFile)) {
            FileLock lock = channel == null ? null : channel.tryLock();
            if (channel != null && lock == null) {
                return false;
            }
            delete(temporary);
            Files.deleteIfExists(lockFile);
            return true;
        } catch (OverlappingFileLockException inUseHere) {
            return false;
        } catch (IOException | RuntimeException cannotTell) {
            return false;
        }
    }

    /** Whether another process holds the lock of a temporary (false when there is no lock file). */
    private static boolean lockedElsewhere(Path lockFile) {
        try (FileChannel channel = openExisting(lockFile)) {
            return channel != null && channel.tryLock() == null;
        } catch (OverlappingFileLockException inUseHere) {
            return true;
        } catch (IOException | RuntimeException cannotTell) {
            return true;
        }
    }

    private static FileChannel openExisting(Path lockFile) throws IOException {
        try {
            return FileChannel.open(lockFile, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static List<Path> entries(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(directory)) {
            return list.sorted().toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static Instant modified(Path path) {
        try {
            return Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toInstant();
        } catch (IOException e) {
            return Instant.MAX; // gone or unreadable: never treated as old
        }
    }

    static void delete(Path path) throws IOException {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            PathUtils.deleteDirectory(path);
        } else {
            Files.deleteIfExists(path);
        }
    }

    /**
     * A claimed temporary. {@link #close} ends the claim once the temporary is renamed into place
     * or deleted: the lock file is removed, then the lock released.
     */
    public static final class Lease implements AutoCloseable {
        private final Path path;
        private final Path restoreTo;
        private final Path lockFile;
        private final FileChannel channel;

        private Lease(Path path, Path restoreTo, Path lockFile, FileChannel channel) {
            this.path = path;
            this.restoreTo = restoreTo;
            this.lockFile = lockFile;
            this.channel = channel;
        }

        /** The temporary this lease covers. */
        public Path path() {
            return path;
        }

        @Override
        public void close() {
            IN_FLIGHT.remove(path, this);
            release();
        }

        private void abandon() {
            try {
                if (restoreTo != null && Files.exists(path) && !Files.exists(restoreTo)) {
                    Files.move(path, restoreTo, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    delete(path);
                }
            } catch (IOException | RuntimeException e) {
                // The JVM is exiting: the next run's sweep removes or restores what is left.
            }
            release();
        }

        private void release() {
            try {
                Files.deleteIfExists(lockFile);
            } catch (IOException e) {
                // a lock file that is no longer locked is a leftover the next sweep removes
            }
            try {
                channel.close();
            } catch (IOException e) {
                // closing releases the lock whether or not close reports an error
            }
        }
    }
}
