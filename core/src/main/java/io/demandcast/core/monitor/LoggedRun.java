package io.demandcast.core.monitor;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One {@code predict} run as the forecast log holds it.
 *
 * @param file    its log file
 * @param runTime when it ran
 * @param version the model version it loaded
 * @param levels  the quantile levels of its quantile columns, ascending
 * @param rows    its rows (those the reader kept)
 */
public record LoggedRun(Path file, Instant runTime, String version, double[] levels, List<LoggedRow> rows) {
    public LoggedRun {
        rows = List.copyOf(rows);
    }
}
