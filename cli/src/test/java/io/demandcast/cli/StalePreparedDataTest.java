package io.demandcast.cli;

import static io.demandcast.cli.Errors.assertUserError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, defect 5: {@code train} silently fitted a stale prepared dataset after a data file
 * changed, {@code data.files} changed or a later {@code prepare} failed, and published a version
 * whose config named data the model never saw. Each case here exited 0 and published on main
 * before the fix; now the verb exits 2 naming what changed and the prepare command, and publishes
 * nothing.
 */
class StalePreparedDataTest {
    @TempDir
    Path tmp;

    TestProject p;

    @BeforeEach
    void prepared() {
        p = TestProject.create(tmp);
        assertEquals(0, p.run("prepare", "-q").code());
    }

    /** Defect 5: a data file's content changed (same path, same size). */
    @Test
    void dataFileContentChanged() throws IOException {
        String csv = Files.readString(p.sales);
        // Same length: only the hash can tell.
        p.write(p.sales, csv.replace("A,2024-01-01,3", "A,2024-01-01,4"));
        assertEquals(csv.length(), Files.readString(p.sales).length());
        String line = assertUserError(p.run("train"), p.sales.toString(), "changed since it was prepared",
                "demandcast prepare -c " + p.config);
        assertTrue(line.contains("stale"), line);
        assertTrue(Files.notExists(p.store), "no version published");
    }

    /** Defect 5: data.files now names another file. */
    @Test
    void dataFilesChanged() {
        Path other = p.configReading("other", TestProject.salesCsv().replace(",3\n", ",30\n"));
        CliRun.Result r = CliRun.run("train", "-c", other.toString());
        assertUserError(r, tmp.resolve("other.csv").toString(), "data section changed", "demandcast prepare -c " + other);
        assertTrue(Files.notExists(p.store), "no version published");
    }

    /** Defect 5: prepare failed after a successful one; the old dataset is still there but no longer matches. */
    @Test
    void failedPrepareAfterSuccessfulOne() throws IOException {
        Files.writeString(p.sales, "A,not-a-date,5\n", StandardOpenOption.APPEND);
        assertEquals(2, p.run("prepare", "-q").code(), "the new data is refused");
        assertUserError(p.run("train"), p.sales.toString(), "bytes then");
        assertTrue(Files.notExists(p.store), "no version published");
    }

    /** A changed prepare section is named; a changed model section keeps the dataset current. */
    @Test
    void configSectionsNamed() {
        assertUserError(p.run("train", "--set", "prepare.split.test=14"), "config section prepare changed",
                "demandcast prepare -c " + p.config);
        assertUserError(p.run("train", "--set", "data.frequency=weekly"), "config section data changed");
        assertEquals(0, p.run("train", "-q", "--set", "model.params.season_length=14").code(), "model settings are not prepare's");
    }

    /** evaluate and tune refuse a stale dataset too, before writing anything. */
    @Test
    void evaluateAndTuneRefuse() throws IOException {
        p.write(p.sales, TestProject.salesCsv() + "A,2024-03-01,9\n");
        assertUserError(p.run("evaluate"), p.sales.toString(), "changed since it was prepared");
        assertTrue(Files.notExists(p.evaluation), "no evaluation written");
        Path tune = p.writeTuneConfig(tmp.resolve("tune.yaml"), tmp.resolve("tune"));
        assertUserError(CliRun.run("tune", "-c", tune.toString()), p.sales.toString(), "demandcast prepare -c " + tune);
        assertTrue(Files.notExists(tmp.resolve("tune")), "no tune output written");
        assertTrue(Files.notExists(p.store), "no version published");
    }

    /** predict takes the history and covariates of its request from the prepared dataset: a stale one is refused too. */
    @Test
    void predictRefuses() throws IOException {
        assertEquals(0, p.run("train", "-q").code());
        p.write(p.sales, TestProject.salesCsv() + "B,2024-03-01,9\n");
        assertUserError(p.run("predict"), p.sales.toString(), "changed since it was prepared", "demandcast prepare -c " + p.config);
        assertTrue(Files.notExists(p.forecast), "no forecast written");
    }

    /** A current dataset trains, and the version records the fingerprint of the prepared data it was fitted on. */
    @Test
    void versionRecordsThePreparedDataFingerprint() throws IOException {
        assertEquals(0, p.run("train", "-q").code());
        ObjectMapper json = new ObjectMapper();
        JsonNode prepared = json.readTree(p.prepared.resolve("manifest.json").toFile());
        JsonNode version = json.readTree(p.modelDirectory().resolve(p.latestVersion()).resolve("manifest.json").toFile());
        JsonNode data = version.get("data");
        assertEquals(prepared.get("panel_sha256").asText(), data.get("panel_sha256").asText());
        assertEquals(prepared.get("config_sha256").asText(), data.get("config_sha256").asText());
        assertTrue(prepared.get("config_sections").has("data") && prepared.get("config_sections").has("prepare"),
                prepared.toString());
    }
}
