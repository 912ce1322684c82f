package io.demandcast.core.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.Progress;
import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.data.Panel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreparedSplitsTest {
    private static final double[] AS_READ = {1, 2, 1, 2, 50, 1, 2, 1, 2, 1, 2, 1, 2, 1};

    @TempDir
    Path dir;

    /** Prepares one daily series with a spike on day 4, outliers handled by {@code action}. */
    private PreparedSplits prepare(String action) throws IOException {
        StringBuilder csv = new StringBuilder("series_id,date,value\n");
        for (int d = 0; d < AS_READ.length; d++) {
            csv.append("a,").append(TestPanels.MONDAY.plusDays(d)).append(',').append(AS_READ[d]).append('\n');
        }
        Path file = Files.writeString(dir.resolve("in.csv"), csv);
        Path out = dir.resolve(action);
        String yaml = """
                name: spike
                data: {files: [%s]}
                prepare:
                  output: %s
                  outliers: {method: hampel, window: 3, action: %s}
                  scaling: {method: standard}
                  split: {test: 4}
                """.formatted(file, out, action);
        ExperimentConfig config = ConfigLoader.parse(yaml, "spike.yaml", List.of());
        PrepareJob.run(config, Progress.NONE, name -> null);
        return PreparedSplits.open(out);
    }

    @Test
    void actualsAreTheTargetAsReadWhenOutliersAreClipped() throws IOException {
        PreparedSplits splits = prepare("clip");
        Panel all = splits.all();
        assertTrue(all.target(4) < 50, "models fit the clipped target, got " + all.target(4));
        assertArrayEquals(AS_READ, splits.actuals().targetColumn(), "scored against the spike");
        assertFalse(all.hasNumeric(OutlierTreatment.RAW_TARGET_COLUMN), "no model sees the raw target as a covariate");
        assertFalse(splits.actuals().hasNumeric(OutlierTreatment.RAW_TARGET_COLUMN));
        assertFalse(splits.test().hasNumeric(OutlierTreatment.RAW_TARGET_COLUMN));
        assertEquals(all.numericNames(), splits.actuals().numericNames());
        assertTrue(splits.dataset().manifest().steps().contains(
                "target before outlier treatment kept as raw_target (the actuals backtests score against)"), splits.dataset().manifest().steps().toString());
        assertTrue(splits.dataset().manifest().scalers().isEmpty(), "no numeric feature to scale; raw_target is never scaled");
    }

    @Test
    void actualsAreThePanelItselfWhenOutliersAreOnlyFlagged() throws IOException {
        PreparedSplits splits = prepare("flag");
        assertSame(splits.all(), splits.actuals());
        assertArrayEquals(AS_READ, splits.actuals().targetColumn());
    }
}
