package io.demandcast.core.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationReportTest {

    @TempDir
    Path dir;

    @Test
    void writesBothFilesIntoANewDirectory() throws IOException {
        ScoreResult result = new Scorer(ScoreOptions.of(1)).score(ScorerTest.forecast(), ScorerTest.actuals(), ScorerTest.training());
        Path out = dir.resolve("eval/run1");
        List<Path> files = EvaluationReport.write(result, out);
        assertEquals(List.of(out.resolve("metrics.json"), out.resolve("per_series.csv")), files);
        assertEquals(MetricsJson.toJson(result), Files.readString(files.get(0)));
        assertTrue(Files.readString(files.get(1)).startsWith("series_id,n,mae"));
    }
}
