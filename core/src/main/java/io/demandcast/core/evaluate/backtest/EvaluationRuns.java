package io.demandcast.core.evaluate.backtest;

import io.demandcast.core.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The per-run evaluation directories of an experiment, used when no output is named:
 *
 * <pre>
 * build/evaluation/&lt;name&gt;/&lt;run-id&gt;/   one run's report, never replaced
 * build/evaluation/&lt;name&gt;/LATEST       text file: the run id written last and a newline
 * </pre>
 *
 * <p>Run ids are {@code yyyyMMdd'T'HHmmss'Z'} (UTC, the artifact versions' time format) with
 * {@code -2}, {@code -3}, ... appended when a run of the same second took the name, so they sort
 * by time. {@code LATEST} is a plain file rather than a symbolic link so that it works on every
 * filesystem and reads the same from a shell ({@code cat}) as from Java.
 */
public final class EvaluationRuns {
    /** The file naming the run written last. */
    public static final String LATEST_FILE = "LATEST";
    /** The stem of the runs' temporaries ({@code .run.tmp-<random>}, {@code .run.old-<random>}). */
    private static final String TEMPORARY_STEM = "run";
    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern RUN_ID = Pattern.compile("([0-9]{8}T[0-9]{6}Z)(?:-([0-9]{1,9}))?");
    /** Orders {@code base-2} after {@code base} and {@code base-10} after {@code base-9}. */
    private static final Comparator<String> RUN_ORDER = Comparator
            .comparing((String id) -> part(id, 1))
            .thenComparingInt(id -> part(id, 2).isEmpty() ? 1 : Integer.parseInt(part(id, 2)));

    private EvaluationRuns() {
    }

    /** A run written: its directory and the older runs removed to keep {@code evaluate.keep}. */
    public record Written(Path directory, List<Path> removed) {
    }

    /**
     * Writes a new run directory in {@code base} named after {@code time}, points {@code LATEST} at
     * it, then removes the oldest runs beyond {@code keep} (never the one just written).
     *
     * @param keep how many runs to keep, this one included; null keeps every run
     */
    public static Written write(Path base, Instant time, Integer keep, AtomicFiles.DirectoryContent content) throws IOException {
        String stamp = RUN_TIME.format(time);
        Path run = AtomicFiles.createNewDirectory(base, TEMPORARY_STEM, n -> n == 1 ? stamp : stamp + "-" + n, content);
        String id = run.getFileName().toString();
        AtomicFiles.writeText(base.resolve(LATEST_FILE), id + "\n");
        List<Path> removed = new ArrayList<>();
        if (keep != null) {
            List<String> runs = list(base);
            runs.remove(id);
            int excess = runs.size() - (keep - 1);
            for (int i = 0; i < excess; i++) {
                Path old = base.resolve(runs.get(i));
                AtomicFiles.deleteDirectory(old, TEMPORARY_STEM);
                removed.add(old);
            }
        }
        return new Written(run, removed);
    }

    /** True when {@code dir} holds per-run directories: it has a {@code LATEST} file. */
    public static boolean holdsRuns(Path dir) {
        return Files.isRegularFile(dir.resolve(LATEST_FILE));
    }

    /** The run ids in {@code base}, oldest first; empty when there is none. Other entries are ignored. */
    public static List<String> list(Path base) throws IOException {
        if (!Files.isDirectory(base)) {
            return new ArrayList<>();
        }
        try (Stream<Path> entries = Files.list(base)) {
            return new ArrayList<>(entries.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> RUN_ID.matcher(n).matches())
                    .sorted(RUN_ORDER)
                    .toList());
        }
    }

    private static String part(String id, int group) {
        Matcher m = RUN_ID.matcher(id);
        if (!m.matches()) {
            return id;
        }
        return m.group(group) == null ? "" : m.group(group);
    }
}
