package io.demandcast.core.evaluate;

import io.demandcast.core.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the machine-readable outputs of an evaluation into one directory:
 * {@value MetricsJson#FILE_NAME} ({@link MetricsJson}) and {@value PerSeriesCsv#FILE_NAME}
 * ({@link PerSeriesCsv}). The human summary is {@link MetricsTable#render(ScoreResult)}.
 */
public final class EvaluationReport {
    private EvaluationReport() {
    }

    /**
     * Writes both files into {@code directory}, replacing it as a whole ({@link AtomicFiles#replaceDirectory}):
     * a failure leaves the previous evaluation intact, and files of an earlier, different evaluation
     * there (a backtest's {@code forecasts.csv}) cannot end up beside the new metrics.
     *
     * @return the files written, metrics first
     */
    public static List<Path> write(ScoreResult result, Path directory) throws IOException {
        AtomicFiles.replaceDirectory(directory, MetricsJson.FILE_NAME, "an evaluation report", dir -> {
            MetricsJson.write(result, dir.resolve(MetricsJson.FILE_NAME));
            PerSeriesCsv.write(result, dir.resolve(PerSeriesCsv.FILE_NAME));
        });
        return List.of(directory.resolve(MetricsJson.FILE_NAME), directory.resolve(PerSeriesCsv.FILE_NAME));
    }
}
