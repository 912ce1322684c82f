package io.demandcast.core.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.SharedData;
import io.demandcast.core.data.DataException;
import io.demandcast.core.data.Frequency;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
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
