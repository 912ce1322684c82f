package io.demandcast.core.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.demandcast.core.Progress;
import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PreparedDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PreparedOverlayTest {
    @TempDir
    Path dir;

    // a: a gap (01-03) and a negative (01-04); b: ends early (01-03); c: every day.
    private static final String OLD = """
            series_id,date,value
            a,2024-01-01,4
            a,2024-01-02,5
            a,2024-01-04,-2
            a,2024-01-05,3
            b,2024-01-01,1
            b,2024-01-02,2
            b,2024-01-03,
            c,2024-01-01,7
            c,2024-01-02,8
            c,2024-01-03,9
            c,2024-01-04,10
            c,2024-01-05,11
            """;
    // a: a gap over the seam (01-06) and a negative; b: nothing newer; c: three days; d: a new series.
    private static final String NEW = """
            series_id,date,value
            a,2024-01-07,6
            a,2024-01-08,-1
            c,2024-01-06,12
            c,2024-01-07,
            c,2024-01-08,14
            d,2024-01-07,2
            d,2024-01-08,3
            """;

    private ExperimentConfig config(String... more) throws IOException {
        Files.writeString(dir.resolve("old.csv"), OLD);
        Files.writeString(dir.resolve("new.csv"), NEW);
        Path yaml = Files.writeString(dir.resolve("x.yaml"), """
                name: overlay
                data:
                  files: [%s]
                  frequency: daily
                prepare:
                  output: %s
                model:
                  family: seasonal_naive
                """.formatted(dir.resolve("old.csv"), dir.resolve("prepared")));
        return ConfigLoader.load(yaml, List.of(more));
    }

    private PreparedData overlay(ExperimentConfig config) throws IOException {
        PrepareJob.run(config, Progress.NONE, name -> null);
        return PreparedOverlay.overlay(config, dir.resolve("new.csv"), PreparedDataset.open(dir.resolve("prepared")), name -> null);
    }

    @ParameterizedTest
    @CsvSource({"zero, keep, fill", "zero, zero, fill", "missing, missing, fill", "missing, keep, keep", "zero, missing, keep"})
    void theOverlayEqualsAFullPrepareOfTheOldAndNewerFiles(String gaps, String negatives, String ended) throws IOException {
        ExperimentConfig config = config("prepare.gaps.target=" + gaps, "prepare.negatives=" + negatives, "prepare.ended_series=" + ended);
        PreparedData overlaid = overlay(config);
        assertNotNull(overlaid);
        Panel full = PrepareJob.prepareInMemory(PrepareJob.withNewerData(config, dir.resolve("new.csv")), name -> null).panel();
        Panel over = overlaid.panel();
        assertEquals(List.of("a", "b", "c", "d"), over.seriesIds());
        assertEquals(full.seriesCount(), over.seriesCount());
        for (String id : full.seriesIds()) {
            int f = full.indexOf(id);
            int o = over.indexOf(id);
            assertArrayEquals(dates(full, f), dates(over, o), id);
            assertArrayEquals(full.values(f), over.values(o), id);
        }
        // The seam is cleaned as a full prepare cleans it: the gap on 01-06 is a row, filled by the rule.
        int a = over.indexOf("a");
        assertEquals(8, over.length(a));
    }

    @Test
    void settingsWhoseCleaningReadsNeighboursOrHistoryFallBackToAFullPrepare() throws IOException {
        assertNull(overlay(config("prepare.gaps.target=linear")));
        assertNull(overlay(config("prepare.outliers.method=hampel")));
        assertNull(overlay(config("prepare.ended_series=exclude")));
        assertNull(overlay(config("prepare.features.lags=[1]")));
    }

    @Test
    void newerRowsThatDoNotFollowThePreparedOnesFallBack() throws IOException {
        ExperimentConfig config = config();
        PrepareJob.run(config, Progress.NONE, name -> null);
        PreparedDataset dataset = PreparedDataset.open(dir.resolve("prepared"));
        Files.writeString(dir.resolve("new.csv"), "series_id,date,value\nc,2024-01-05,99\nc,2024-01-06,1\n");
        assertNull(PreparedOverlay.overlay(config, dir.resolve("new.csv"), dataset, name -> null), "a date already prepared");
        Files.writeString(dir.resolve("new.csv"), "series_id,date,value\nc,2024-01-06,1\nc,2024-01-07,\n");
        assertNull(PreparedOverlay.overlay(config, dir.resolve("new.csv"), dataset, name -> null), "future rows");
        Files.writeString(dir.resolve("new.csv"), "series_id,date,value\nc,2024-01-06,1\n");
        assertNotNull(PreparedOverlay.overlay(config, dir.resolve("new.csv"), dataset, name -> null));
        Files.writeString(dir.resolve("old.csv"), OLD + "c,2024-01-06,1\n");
        assertNull(PreparedOverlay.overlay(config, dir.resolve("new.csv"), dataset, name -> null),
                "data.files changed since the prepare: the prepared panel no longer stands for them");
    }

    private static LocalDate[] dates(Panel p, int s) {
        return java.util.Arrays.stream(p.periods(s)).mapToObj(p.axis()::date).toArray(LocalDate[]::new);
    }
}
