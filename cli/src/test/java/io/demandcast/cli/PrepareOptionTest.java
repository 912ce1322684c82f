package io.demandcast.cli;

import static io.demandcast.cli.Errors.assertUserError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, "nothing stale": {@code train}, {@code evaluate} and {@code tune} refuse a stale prepared
 * dataset "or re-prepare with {@code --prepare}". With the option a missing or stale dataset is
 * prepared first (prepare's summary line on stderr) and a current one is left untouched.
 */
class PrepareOptionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    TestProject p;

    @BeforeEach
    void project() {
        p = TestProject.create(tmp);
    }

    /** No prepared dataset yet: train --prepare prepares, then trains. */
    @Test
    void trainPreparesAMissingDataset() throws IOException {
        CliRun.Result r = p.run("train", "--prepare");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains("prepare: no prepared dataset in " + p.prepared), r.err());
        assertTrue(r.err().contains("prepare: 3 series"), "prepare's own summary line: " + r.err());
        assertTrue(Files.isRegularFile(p.prepared.resolve("manifest.json")));
        assertEquals(panelSha(), versionPanelSha(), "the version was fitted on the dataset just prepared");
    }

    /** A stale dataset: refused naming --prepare; with it, prepared again from the new file and trained on it. */
    @Test
    void trainPreparesAStaleDataset() throws IOException {
        assertEquals(0, p.run("prepare", "-q").code());
        String before = panelSha();
        p.write(p.sales, TestProject.salesCsv() + "A,2024-03-01,9\n");
        assertUserError(p.run("train"), p.sales.toString(), "changed since it was prepared",
                "demandcast prepare -c " + p.config, "or add --prepare");
        assertTrue(Files.notExists(p.store), "no version published");

        CliRun.Result r = p.run("train", "--prepare");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains("is stale: " + p.sales + " changed since it was prepared"), r.err());
        assertFalse(before.equals(panelSha()), "prepared again");
        assertEquals(panelSha(), versionPanelSha(), "the version was fitted on the new data");
        assertEquals(0, p.run("train", "-q").code(), "the dataset is current now");
    }

    /** A current dataset is neither prepared again nor mentioned. */
    @Test
    void currentDatasetIsLeftAlone() throws IOException {
        assertEquals(0, p.run("prepare", "-q").code());
        Path manifest = p.prepared.resolve("manifest.json");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(manifest, old);
        byte[] bytes = Files.readAllBytes(manifest);
        CliRun.Result r = p.run("train", "--prepare");
        assertEquals(0, r.code(), r.toString());
        assertFalse(r.err().contains("prepare: "), "nothing said about prepare: " + r.err());
        assertEquals(old, Files.getLastModifiedTime(manifest), "not prepared again");
        assertArrayEquals(bytes, Files.readAllBytes(manifest));
    }

    /** When the re-prepare itself fails on bad data, the verb exits 2 naming the file and line, and fits nothing. */
    @Test
    void failedPrepareStopsTheVerb() throws IOException {
        assertEquals(0, p.run("prepare", "-q").code());
        byte[] manifest = Files.readAllBytes(p.prepared.resolve("manifest.json"));
        p.write(p.sales, TestProject.salesCsv() + "A,not-a-date,5\n");
        assertUserError(p.run("train", "--prepare"), p.sales.toString(), "not-a-date");
        assertTrue(Files.notExists(p.store), "no version published");
        assertArrayEquals(manifest, Files.readAllBytes(p.prepared.resolve("manifest.json")), "the old dataset stays");
    }

    /** evaluate and tune take --prepare too; evaluate refuses it when scoring another tool's forecasts. */
    @Test
    void evaluateAndTunePrepareFirst() throws IOException {
        assertEquals(0, p.run("prepare", "-q").code());
        p.write(p.sales, TestProject.salesCsv() + "B,2024-03-01,9\n");
        assertUserError(p.run("evaluate"), "or add --prepare");
        CliRun.Result evaluate = p.run("evaluate", "--prepare");
        assertEquals(0, evaluate.code(), evaluate.toString());
        assertTrue(evaluate.err().contains("preparing it first (--prepare)"), evaluate.err());
        assertTrue(Files.isRegularFile(p.evaluation.resolve("metrics.json")));

        p.write(p.sales, TestProject.salesCsv() + "C,2024-03-01,9\n");
        Path tune = p.writeTuneConfig(tmp.resolve("tune.yaml"), tmp.resolve("tune"));
        assertUserError(CliRun.run("tune", "-c", tune.toString()), "or add --prepare");
        CliRun.Result tuned = CliRun.run("tune", "-c", tune.toString(), "--prepare");
        assertEquals(0, tuned.code(), tuned.toString());
        assertTrue(tuned.err().contains("preparing it first (--prepare)"), tuned.err());

        Path csv = tmp.resolve("f.csv");
        p.write(csv, "series_id,date,value\n");
        assertEquals(2, CliRun.run("evaluate", "--prepare", "--forecasts", csv.toString(), "--actuals", csv.toString(),
                "--train", csv.toString()).code());
    }

    private String panelSha() throws IOException {
        return JSON.readTree(p.prepared.resolve("manifest.json").toFile()).get("panel_sha256").asText();
    }

    private String versionPanelSha() throws IOException {
        JsonNode version = JSON.readTree(p.modelDirectory().resolve(p.latestVersion()).resolve("manifest.json").toFile());
        return version.get("data").get("panel_sha256").asText();
    }
}
