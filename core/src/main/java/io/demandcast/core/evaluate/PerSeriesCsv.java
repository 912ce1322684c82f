package io.demandcast.core.evaluate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the per-series metrics of a {@link ScoreResult} as {@code per_series.csv}, one row per
 * series in forecast order, with the columns of {@link #HEADER}. An undefined metric (NaN) is an
 * empty cell; numbers are written in full precision ({@link Double#toString}).
 */
public final class PerSeriesCsv {
    public static final String FILE_NAME = "per_series.csv";
    public static final List<String> HEADER = List.of("series_id", "n", "mae", "mse", "rmse", "mape", "smape", "mase",
            "rmsse", "wape", "bias", "relative_bias", "r2", "direction_accuracy", "direction_precision",
            "direction_recall", "direction_f1");

    private PerSeriesCsv() {
    }

    /** Writes the CSV to a writer (left open). */
    public static void write(ScoreResult result, Appendable out) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(HEADER.toArray(String[]::new)).setRecordSeparator('\n').get();
        CSVPrinter printer = new CSVPrinter(out, format);
        for (SeriesMetrics m : result.perSeries()) {
            printer.printRecord(m.seriesId(), m.n(), cell(m.mae()), cell(m.mse()), cell(m.rmse()), cell(m.mape()),
                    cell(m.smape()), cell(m.mase()), cell(m.rmsse()), cell(m.wape()), cell(m.bias()),
                    cell(m.relativeBias()), cell(m.r2()), cell(m.direction().accuracy()),
                    cell(m.direction().precision()), cell(m.direction().recall()), cell(m.direction().f1()));
        }
        printer.flush();
    }

    /** Writes the CSV to {@code file} (UTF-8), replacing it. */
    public static void write(ScoreResult result, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(result, out);
        }
    }

    private static String cell(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "";
    }
}
