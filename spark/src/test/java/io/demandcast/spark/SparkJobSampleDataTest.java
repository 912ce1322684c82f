package io.demandcast.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.artifact.Artifact;
import io.demandcast.core.artifact.ArtifactStore;
import io.demandcast.core.config.ExperimentConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark job on sample-data/ (always there): the same forecast file as the single-process train + predict. */
class SparkJobSampleDataTest extends LocalSparkTest {
    private static List<String> sampleData() {
        return List.of("data.files=[" + TestProject.repository().resolve("sample-data/sales.csv") + "]");
    }

    @Test
    void seasonalNaiveForecastsEqualTheSingleProcessOnesByteForByte(@TempDir Path dir) throws Exception {
        ExperimentConfig config = TestProject.config("quickstart.yaml", dir, sampleData());
        String cli = TestProject.singleProcess(config);
        String viaSpark = TestProject.spark(sc, config, 3, null, dir.resolve("spark.csv"));
        assertEquals(20 * 28 + 1, cli.lines().count(), "20 series x 28 days and a header");
        assertEquals(cli, viaSpark);
    }

    @Test
    void perSeriesAutoSelectionGivesTheSameForecastsOverFivePartitions(@TempDir Path dir) throws Exception {
        ExperimentConfig config = TestProject.config("quickstart.yaml", dir, concat(sampleData(), "model.family=auto", "model.params={}"));
        String cli = TestProject.singleProcess(config);
        assertEquals(cli, TestProject.spark(sc, config, 5, null, dir.resolve("spark.csv")));
    }

    @Test
    void theArtifactIsInCoresStoreFormatWithOneModelPerPartitionAndHowTheRunWasMade(@TempDir Path dir) throws Exception {
        ExperimentConfig config = TestProject.config("quickstart.yaml", dir, sampleData());
        io.demandcast.core.prepare.PrepareJob.run(config, io.demandcast.core.Progress.NONE, System::getenv);
        SparkTrain.Result r = SparkTrain.run(sc, config, 4, null);

        ArtifactStore store = new ArtifactStore(dir.resolve("store"));
        Artifact a = store.resolve("quickstart-snaive-spark", "latest");
        store.verify(a); // every payload checksum and the manifest digest
        assertEquals("seasonal_naive", a.manifest().modelFamily());
        SparkRunManifest run = SparkRunManifest.read(a.payloadDirectory());
        assertEquals("series_key", run.partitionedBy());
        assertEquals("local[2]", run.master());
        assertEquals(20, run.seriesCount());
        assertEquals(r.partitions(), run.partitions().size());
        assertEquals(20, run.partitions().stream().mapToInt(e -> e.series().size()).sum());
        for (SparkRunManifest.Entry e : run.partitions()) {
            assertTrue(Files.isDirectory(a.payloadDirectory().resolve(e.directory())), e.directory());
            for (String id : e.series()) {
                assertEquals(e.key(), "hash-" + Math.floorMod(id.hashCode(), 4), "series go to partitions by the hash of their key");
            }
        }
        assertTrue(Files.isRegularFile(a.payloadDirectory().resolve("calibration.json")));
    }

    /** predict --format parquet: Spark's Parquet writer, the CSV's rows and columns, values unrounded. */
    @Test
    void parquetOutputHoldsTheCsvRowsUnrounded(@TempDir Path dir) throws Exception {
        ExperimentConfig config = TestProject.config("quickstart.yaml", dir, sampleData());
        io.demandcast.core.prepare.PrepareJob.run(config, io.demandcast.core.Progress.NONE, System::getenv);
        String csv = TestProject.spark(sc, config, 3, null, dir.resolve("spark.csv"));
        SparkPredict.Result r = SparkPredict.run(sc, io.demandcast.core.model.PredictJob.withOutput(config, dir.resolve("f.csv").toString()),
                SparkPredict.Format.parquet);
        assertEquals(dir.resolve("f.parquet"), r.output(), "a .csv output name becomes .parquet");
        assertTrue(Files.isRegularFile(r.output().resolve("_SUCCESS")), "Spark's commit marker");

        List<org.apache.spark.sql.Row> rows = spark.read().parquet(r.output().toString()).collectAsList();
        List<String> lines = csv.lines().toList();
        assertEquals("series_id,date,model,forecast,q0.1,q0.5,q0.9", lines.get(0));
        assertEquals(List.of(lines.get(0).split(",")), List.of(spark.read().parquet(r.output().toString()).columns()));
        assertEquals(lines.size() - 1, rows.size());
        boolean unrounded = false;
        for (int i = 0; i < rows.size(); i++) {
            org.apache.spark.sql.Row row = rows.get(i);
            String[] cells = lines.get(i + 1).split(",", -1);
            assertEquals(cells[0] + "," + cells[1] + "," + cells[2], row.getString(0) + "," + row.getDate(1).toLocalDate() + ","
                    + row.getString(2), "row " + (i + 1));
            for (int c = 3; c < cells.length; c++) {
                StringBuilder rounded = new StringBuilder();
                io.demandcast.core.model.ForecastCsvWriter.appendNumber(rounded, row.getDouble(c));
                assertEquals(cells[c], rounded.toString(), "row " + (i + 1) + " column " + c + ": the CSV's value rounded");
                unrounded |= Double.parseDouble(rounded.toString()) != row.getDouble(c);
            }
        }
        assertTrue(unrounded, "the Parquet values carry more than the CSV's 4 decimals");
    }

    private static List<String> concat(List<String> a, String... more) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(List.of(more));
        return all;
    }
}
