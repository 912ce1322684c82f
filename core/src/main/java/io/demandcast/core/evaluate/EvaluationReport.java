package io.demandcast.core.evaluate;

import java.io.IOException;
import java.nio.file.Files;
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
     * Creates {@code directory} if needed and writes both files into it, replacing earlier ones.
     *
     * @return the files written, metrics first
     */
    public static List<Path> write(ScoreResult result, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path metrics = directory.resolve(MetricsJson.FILE_NAME);
        Path perSeries = directory.resolve(PerSeriesCsv.FILE_NAME);
        MetricsJson.write(result, metrics);
        PerSeriesCsv.write(result, perSeries);
        return List.of(metrics, perSeries);
    }
}
