package io.demandcast.core.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.demandcast.core.Progress;
import io.demandcast.core.Sha256;
import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.data.DatasetManifest;
import io.demandcast.core.data.FileStamp;
import io.demandcast.core.data.PreparedDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shortcuts of the freshness check give the answers of the full one: an input whose stamp is the
 * recorded one is not hashed again, any other is; the config sections are compared with the dataset's
 * {@code config.yaml} instead of rendered, and a dataset without one (an earlier version's) is still
 * checked by rendering.
 */
class PreparedFreshnessTest {
    @TempDir
    Path dir;

    private static final String CSV = """
            series_id,date,value
            a,2024-01-01,4
            a,2024-01-02,5
            b,2024-01-01,1
            b,2024-01-02,2
            """;

    private Path csv() {
        return dir.resolve("sales.csv");
    }

    private Path prepared() {
        return dir.resolve("prepared");
    }

    private ExperimentConfig config(String... overrides) throws IOException {
        Path yaml = Files.writeString(dir.resolve("x.yaml"), """
                name: fresh
                data:
                  files: [%s]
                  frequency: daily
                prepare:
                  output: %s
                model:
                  family: seasonal_naive
                """.formatted(csv(), prepared()));
        return ConfigLoader.load(yaml, List.of(overrides));
    }

    /** Prepares from a data file written more than the racy margin before, so its stamp is recorded. */
    private ExperimentConfig preparedFromSettledData() throws IOException, InterruptedException {
        Files.writeString(csv(), CSV);
        Thread.sleep(FileStamp.SETTLED.toMillis() + 50);
        ExperimentConfig config = config();
        PrepareJob.run(config, Progress.NONE, name -> null);
        return config;
    }

    private PreparedDataset dataset() throws IOException {
        return PreparedDataset.open(prepared());
    }

    private void editManifest(String from, String to) throws IOException {
        Path manifest = prepared().resolve(PreparedDataset.MANIFEST_FILE);
        String json = Files.readString(manifest);
        assertTrue(json.contains(from), from);
        Files.writeString(manifest, json.replace(from, to));
    }

    @Test
    void prepareRecordsTheInputsStampAndTheHashedConfigText() throws Exception {
        ExperimentConfig config = preparedFromSettledData();
        DatasetManifest manifest = dataset().manifest();
        DatasetManifest.InputFile input = manifest.inputs().get(0);
        assertEquals(Sha256.file(csv()), input.sha256());
        FileStamp now = FileStamp.of(csv());
        assumeTrue(now != null, "this platform reports no ctime and inode");
        assertEquals(now, input.stamp(), "the stamp, read back from the manifest to the nanosecond");
        String text = Files.readString(prepared().resolve(PreparedFreshness.CONFIG_FILE));
        assertEquals(manifest.configSha256(), Sha256.text(text), "config.yaml is the text config_sha256 hashes");
        assertEquals(PreparedFreshness.configSha256(config), manifest.configSha256(), "the same hash as before config.yaml was kept");
        assertNull(PreparedFreshness.staleness(config, dataset()));
    }

    @Test
    void anInputWithItsRecordedStampIsNotHashedAgain() throws Exception {
        ExperimentConfig config = preparedFromSettledData();
        assumeTrue(dataset().manifest().inputs().get(0).stamp() != null, "no stamp recorded on this platform");
        // A wrong hash in the manifest goes unnoticed while the stamp matches: the file was not read.
        editManifest(Sha256.file(csv()), "0".repeat(64));
        assertNull(PreparedFreshness.staleness(config, dataset()));
        // Without the stamp the file is hashed, and the hash differs.
        editManifest("\"stamp\"", "\"no_stamp\"");
        assertTrue(PreparedFreshness.staleness(config, dataset()).contains("same size, different SHA-256"));
    }

    @Test
    void aSameSizeEditIsFoundEvenWithTheModificationTimeSetBack() throws Exception {
        ExperimentConfig config = preparedFromSettledData();
        FileTime modified = Files.getLastModifiedTime(csv());
        Files.writeString(csv(), CSV.replace("a,2024-01-01,4", "a,2024-01-01,9"));
        Files.setLastModifiedTime(csv(), modified);
        assertEquals(CSV.length(), Files.size(csv()));
        String stale = PreparedFreshness.staleness(config, dataset());
        assertNotNull(stale);
        assertTrue(stale.contains("same size, different SHA-256"), stale);
    }

    @Test
    void aFileWrittenJustBeforePrepareIsHashedOnEveryCheck() throws Exception {
        Files.writeString(csv(), CSV);
        ExperimentConfig config = config();
        PrepareJob.run(config, Progress.NONE, name -> null);
        assertNull(dataset().manifest().inputs().get(0).stamp(), "racy: changed less than the margin before its hash");
        // An edit within the same timestamp tick could keep its times: only the hash can tell.
        Files.writeString(csv(), CSV.replace("b,2024-01-02,2", "b,2024-01-02,3"));
        assertTrue(PreparedFreshness.staleness(config, dataset()).contains("same size, different SHA-256"));
    }

    @Test
    void theConfigIsComparedWithConfigYamlWithoutRendering() throws Exception {
        ExperimentConfig config = preparedFromSettledData();
        PreparedDataset dataset = dataset();
        assertTrue(PreparedFreshness.configCurrent(config, dataset.manifest(), dataset.directory()));
        assertTrue(PreparedFreshness.configCurrent(config("model.family=naive"), dataset.manifest(), dataset.directory()),
                "model settings are not prepare's");
        ExperimentConfig changed = config("prepare.negatives=zero");
        assertFalse(PreparedFreshness.configCurrent(changed, dataset.manifest(), dataset.directory()));
        assertEquals("config section prepare changed since it was prepared", PreparedFreshness.staleness(changed, dataset));
    }

    @Test
    void withoutAUsableConfigYamlTheConfigIsRenderedAsBefore() throws Exception {
        ExperimentConfig config = preparedFromSettledData();
        Path text = prepared().resolve(PreparedFreshness.CONFIG_FILE);
        // Edited: no longer the hashed text.
        Files.writeString(text, Files.readString(text).replace("negatives: keep", "negatives: zero"));
        assertFalse(PreparedFreshness.configCurrent(config, dataset().manifest(), prepared()));
        assertNull(PreparedFreshness.staleness(config, dataset()));
        // Written by another version: its defaults may render otherwise.
        Files.delete(text);
        assertNull(PreparedFreshness.staleness(config, dataset()), "a dataset of an earlier version, without config.yaml");
        assertEquals("config section data changed since it was prepared",
                PreparedFreshness.staleness(config("data.frequency=weekly"), dataset()));
    }

    @Test
    void aDatasetOfAnotherVersionIsRendered() throws Exception {
        ExperimentConfig config = preparedFromSettledData();
        String version = dataset().manifest().demandcastVersion();
        editManifest("\"demandcast_version\" : \"" + version + "\"", "\"demandcast_version\" : \"0.0.1\"");
        assertFalse(PreparedFreshness.configCurrent(config, dataset().manifest(), prepared()));
        assertNull(PreparedFreshness.staleness(config, dataset()));
    }
}
