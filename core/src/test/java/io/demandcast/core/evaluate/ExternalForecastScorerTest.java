package io.demandcast.core.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.demandcast.core.SharedData;
import io.demandcast.core.data.DataException;
import io.demandcast.core.data.Frequency;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalForecastScorerTest {

    @TempDir
    Path dir;

    /** Acceptance: the M3 THETA method on the 1428 monthly series, against our recomputed reference (SOURCE.md). */
    @Test
    void scoresM3ThetaOnMonthlySeries() throws IOException {
        Path m3 = SharedData.folder("m3-competition");
        Set<String> monthly = monthlySeries(m3.resolve("meta.csv"));
        assertEquals(1428, monthly.size());
        ExternalForecastScorer scorer = new ExternalForecastScorer(Frequency.MONTHLY, ScoreOptions.of(12), monthly);
        ScoreResult result = scorer.score(m3.resolve("benchmark_forecasts_m3_participants.csv"),
                ForecastCsvFormat.defaults().filtered("method", "THETA"), m3.resolve("test.csv"), m3.resolve("train.csv"));
        AggregateMetrics a = result.aggregate();
        assertEquals("THETA", result.model());
        assertEquals(18, result.horizon());
        assertEquals(1428, a.series());
        assertEquals(1428L * 18, a.n());
        assertEquals(13.89, a.smape(), 0.01);
        assertEquals(0.858, a.mase(), 0.001);
        assertEquals(0, a.maseExcluded());
    }

    @Test
    void scoresSmallFilesEndToEnd() throws IOException {
        Path forecasts = write("f.csv", "series_id,date,forecast\nA,2020-06-01,4\nA,2020-07-01,5\n");
        Path actuals = write("test.csv", "series_id,date,value\nA,2020-06-01,5\nA,2020-07-01,7\nZ,2020-06-03,1\n");
        Path train = write("train.csv", "series_id,date,value\nA,2020-01-01,1\nA,2020-02-01,3\nA,2020-03-01,2\n");
        Path validation = write("valid.csv", "series_id,date,value\nA,2020-04-01,5\nA,2020-05-01,4\n");
        ScoreResult r = new ExternalForecastScorer(Frequency.MONTHLY, ScoreOptions.of(1))
                .score(forecasts, ForecastCsvFormat.defaults(), actuals, List.of(train, validation));
        SeriesMetrics a = r.perSeries().get(0);
        assertEquals(1.5, a.mae(), 1e-12);             // |5-4|, |7-5|
        assertEquals(1.5 / 1.75, a.mase(), 1e-12);      // history 1,3,2,5,4 across both files; Z (off-grid) is never read
        assertEquals("f.csv", r.model());
    }

    @Test
    void duplicateActualNamesBothLines() throws IOException {
        Path forecasts = write("f.csv", "series_id,date,forecast\nA,2020-06-01,4\n");
        Path actuals = write("test.csv", "series_id,date,value\nA,2020-06-01,5\nA,2020-06-01,6\n");
        Path train = write("train.csv", "series_id,date,value\nA,2020-01-01,1\nA,2020-02-01,3\n");
        DataException e = assertThrows(DataException.class, () -> new ExternalForecastScorer(Frequency.MONTHLY, ScoreOptions.of(1))
                .score(forecasts, ForecastCsvFormat.defaults(), actuals, train));
        assertEquals(actuals + ":3:2: duplicate row for series 'A' on 2020-06-01 (first at " + actuals + ":2); set data.duplicates: sum or last to combine such rows", e.getMessage());
    }

    @Test
    void badActualCellNamesFileLineColumn() throws IOException {
        Path forecasts = write("f.csv", "series_id,date,forecast\nA,2020-06-01,4\n");
        Path actuals = write("test.csv", "series_id,date,value\nA,2020-06-01,five\n");
        Path train = write("train.csv", "series_id,date,value\nA,2020-01-01,1\nA,2020-02-01,3\n");
        DataException e = assertThrows(DataException.class, () -> new ExternalForecastScorer(Frequency.MONTHLY, ScoreOptions.of(1))
                .score(forecasts, ForecastCsvFormat.defaults(), actuals, train));
        assertEquals(actuals + ":2:3: column 'value': 'five' is not a number", e.getMessage());
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static Set<String> monthlySeries(Path meta) throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        try (Reader reader = Files.newBufferedReader(meta)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                if (r.get("frequency").equals("monthly")) {
                    ids.add(r.get("series_id"));
                }
            }
        }
        return ids;
    }
}
