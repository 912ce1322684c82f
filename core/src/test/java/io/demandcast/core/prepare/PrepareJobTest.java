package io.demandcast.core.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.Progress;
import io.demandcast.core.SharedData;
import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.config.InvalidConfigException;
import io.demandcast.core.data.DatasetManifest;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PreparedDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrepareJobTest {
    @TempDir
    Path dir;

    /** {@code configs/m3-monthly.yaml} as shipped, its shared-data paths pointed at wherever the data is. */
    private ExperimentConfig m3Monthly(String... more) {
        Path m3 = SharedData.folder("m3-competition");
        List<String> overrides = new java.util.ArrayList<>(List.of(
                "data.files=[" + m3.resolve("train.csv") + ", " + m3.resolve("test.csv") + "]",
                "data.series.file=" + m3.resolve("meta.csv"),
                "prepare.output=" + dir.resolve("m3")));
        overrides.addAll(List.of(more));
        return ConfigLoader.load(Path.of("..", "configs", "m3-monthly.yaml"), overrides);
    }

    @Test
    void m3MonthlyConfigPreparesThe1428RaggedSeries() throws IOException {
        ExperimentConfig config = m3Monthly();
        PrepareSummary summary = PrepareJob.run(config, Progress.NONE, name -> null);
        assertEquals(1428, summary.seriesCount());
        assertEquals("monthly", summary.frequency());
        assertNull(summary.testEnd());
        PreparedDataset dataset = PreparedDataset.open(summary.output());
        DatasetManifest manifest = dataset.manifest();
        assertTrue(manifest.steps().contains("select series: file " + config.data().series().file() + ", where frequency = monthly: 1428 series"),
                manifest.steps().toString());
        assertEquals(config.data().series().file(), manifest.inputs().get(2).path(), "the metadata file is an input, hashed");
        Panel panel = dataset.readPanel();
        Set<Integer> starts = new HashSet<>();
        Set<Integer> ends = new HashSet<>();
        for (int s = 0; s < panel.seriesCount(); s++) {
            starts.add(panel.firstPeriod(s));
            ends.add(panel.lastPeriod(s));
        }
        assertTrue(starts.size() > 1 && ends.size() > 1, "ragged at both ends");
        assertTrue(panel.isRegular());
    }

    @Test
    void m3MonthlyWithATestSplitIsAnErrorNamingTheSeries() {
        ExperimentConfig config = m3Monthly("prepare.split.test=18");
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> PrepareJob.run(config, Progress.NONE, name -> null));
        assertTrue(e.getMessage().startsWith("prepare.split: the split is by date, counted back from the latest end of any"
                + " series (2005-11-01), and the series do not all span it: 1398 of 1428 series end before the test split starts"
                + " (2004-06-01), so they have no test rows (e.g. N1402,"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("m3")), "nothing written");
    }

    @Test
    void theSeriesFilterIsRecordedInTheManifest() throws IOException {
        Path csv = Files.writeString(dir.resolve("in.csv"), """
                series_id,date,value
                a,2024-01-01,1
                b,2024-01-01,2
                c,2024-01-01,3
                a,2024-01-02,1
                b,2024-01-02,2
                c,2024-01-02,3
                """);
        String yaml = """
                data: {files: [%s], series: {ids: [c, a]}}
                prepare: {output: %s}
                """.formatted(csv, dir.resolve("out"));
        PrepareSummary summary = PrepareJob.run(ConfigLoader.parse(yaml, "x.yaml", List.of()), Progress.NONE, name -> null);
        assertEquals(2, summary.seriesCount());
        assertEquals(List.of("read " + csv, "select series: ids c, a: 2 series"),
                PreparedDataset.open(summary.output()).manifest().steps().subList(0, 2));
    }

    @Test
    void rawTargetCannotNameTheTarget() {
        ExperimentConfig config = ConfigLoader.parse("data: {files: [x.csv], schema: {target: raw_target}}", "x.yaml", List.of());
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> PrepareJob.run(config, Progress.NONE, name -> null));
        assertEquals("data.schema.target: 'raw_target' is a reserved name: prepare keeps the target before outlier treatment"
                + " under it; rename the column in the data and the schema", e.getMessage());
    }
}
