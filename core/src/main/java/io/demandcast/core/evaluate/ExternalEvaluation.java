package io.demandcast.core.evaluate;

import io.demandcast.core.Progress;
import io.demandcast.core.config.InvalidConfigException;
import io.demandcast.core.config.SchemaConfig;
import io.demandcast.core.config.DataFormat;
import io.demandcast.core.data.CsvSource;
import io.demandcast.core.data.DataException;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelCsvReader;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code evaluate --forecasts ... --actuals ... --train ...}: scores a forecast CSV made by any
 * tool, with the same metrics and report files as an experiment's evaluation.
 *
 * @param frequency    frequency name, or null to infer it from the first training file
 * @param seasonLength MASE season, or null for the frequency's default
 * @param filter       {@code column=value} selecting forecast rows, or null
 * @param seriesList   CSV with a {@code series_id} column restricting the scored series, or null
 * @param seriesWhere  {@code column=value} selecting rows of {@code seriesList}, or null
 * @param weights      weights CSV for WRMSSE, or null
 */
public record ExternalEvaluation(Path forecasts, Path actuals, List<Path> train, String frequency, Integer seasonLength,
                                 String filter, String forecastColumn, Path seriesList, String seriesWhere, Path weights,
                                 String weightColumn, Path output) {

    public EvaluateSummary run(Progress progress) throws IOException {
        Frequency freq = frequency != null ? parseFrequency(frequency) : inferFrequency();
        ScoreOptions options = ScoreOptions.of(seasonLength != null ? seasonLength : freq.defaultSeasonLength());
        if (weights != null) {
            options = options.withWeights(SeriesWeightsCsv.read(weights, weightColumn));
        }
        ForecastCsvFormat format = new ForecastCsvFormat("series_id", "date", forecastColumn, null, null);
        if (filter != null) {
            String[] kv = keyValue(filter, "--filter");
            format = format.filtered(kv[0], kv[1]);
        }
        Set<String> series = seriesList == null ? null : readSeriesList();
        progress.report("evaluate: scoring " + forecasts + (filter == null ? "" : " [" + filter + "]") + " against " + actuals
                + (series == null ? "" : " on " + series.size() + " series from " + seriesList));
        ScoreResult result = new ExternalForecastScorer(freq, options, series).score(forecasts, format, actuals, train);
        List<Path> files = EvaluationReport.write(result, output);
        String model = filter == null ? forecasts.getFileName().toString() : filter;
        return new EvaluateSummary(model, result.horizon(), output, files, result, MetricsTable.render(result));
    }

    private static Frequency parseFrequency(String text) {
        try {
            return Frequency.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("--frequency: " + e.getMessage(), e);
        }
    }

    private Frequency inferFrequency() {
        try {
            Panel head = new PanelCsvReader(new SchemaConfig(null, null, null, null, null, null), null).read(List.of(train.get(0)));
            return head.frequency();
        } catch (DataException e) {
            throw new DataException(e.getMessage() + " (or pass --frequency)", e);
        }
    }

    private static String[] keyValue(String text, String option) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new InvalidConfigException(option + " " + text + ": expected column=value, e.g. method=THETA");
        }
        return new String[] {text.substring(0, eq), text.substring(eq + 1)};
    }

    /** The ids of {@code seriesList}, keeping only rows matching {@code seriesWhere}. */
    private Set<String> readSeriesList() throws IOException {
        String[] where = seriesWhere == null ? null : keyValue(seriesWhere, "--series-where");
        Set<String> ids = new LinkedHashSet<>();
        try (CSVParser parser = CsvSource.open(seriesList, DataFormat.DEFAULT)) {
            Map<String, Integer> header = parser.getHeaderMap();
            Integer idCol = header.get("series_id");
            Integer whereCol = where == null ? null : header.get(where[0]);
            if (idCol == null || (where != null && whereCol == null)) {
                String missing = idCol == null ? "series_id" : where[0];
                throw DataException.at(seriesList.toString(), 1, header.size() + 1,
                        "missing column '" + missing + "' (found: " + String.join(", ", header.keySet()) + ")");
            }
            for (CSVRecord r : parser) {
                if (where == null || where[1].equals(r.get(whereCol))) {
                    ids.add(r.get(idCol));
                }
            }
        } catch (NoSuchFileException e) {
            throw new DataException(seriesList + ": file not found", e);
        }
        if (ids.isEmpty()) {
            throw new DataException(seriesList + ": no series selected" + (seriesWhere == null ? "" : " by " + seriesWhere));
        }
        return ids;
    }
}
