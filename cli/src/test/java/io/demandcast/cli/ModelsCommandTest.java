package io.demandcast.cli;

import static io.demandcast.cli.Errors.assertUserError;
import static io.demandcast.cli.TrainRetrainTest.assertOptionError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code models list|show|verify|diff|prune} on a small store: the test project trained three
 * times (season 7, season 14, the naive family), so versions v1, v2, v3 oldest first.
 */
class ModelsCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    TestProject p;
    List<String> versions;

    @BeforeEach
    void store() throws IOException {
        p = TestProject.trained(tmp);
        assertEquals(0, p.run("train", "-q", "--set", "model.params.season_length=14").code());
        assertEquals(0, p.run("train", "-q", "--set", "model.family=naive", "--set", "model.params={}").code());
        versions = versionDirectories();
        assertEquals(3, versions.size(), versions.toString());
    }

    /** Version folders, in publish order (the LATEST file names the last). */
    private List<String> versionDirectories() throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode v : json(models("list", "--json")).path("versions")) {
            out.add(v.path("version").asText());
        }
        return out;
    }

    private static JsonNode json(CliRun.Result r) throws IOException {
        assertEquals(0, r.code(), r.toString());
        return JSON.readTree(r.out());
    }

    private CliRun.Result models(String... args) {
        List<String> all = new ArrayList<>(List.of("models"));
        all.addAll(List.of(args));
        all.add("-c");
        all.add(p.config.toString());
        return CliRun.run(all.toArray(String[]::new));
    }

    @Test
    void listShowsEveryVersionAndWhichIsLatest() throws IOException {
        JsonNode doc = json(models("list", "--json"));
        assertEquals(1, doc.path("schema_version").asInt());
        assertEquals("models list", doc.path("verb").asText());
        JsonNode vs = doc.path("versions");
        assertEquals(3, vs.size());
        String latest = p.latestVersion();
        int latestCount = 0;
        for (JsonNode v : vs) {
            assertEquals(TestProject.MODEL, v.path("model").asText());
            assertEquals("2024-02-29", v.path("data_end").asText(), "fit_on all: the last prepared day");
            assertTrue(v.path("size_bytes").asLong() > 0);
            if (v.path("latest").asBoolean()) {
                latestCount++;
                assertEquals(latest, v.path("version").asText());
            }
        }
        assertEquals(1, latestCount);
        assertEquals("naive", vs.get(2).path("family").asText());

        CliRun.Result text = models("list");
        assertEquals(0, text.code(), text.toString());
        List<String> lines = text.out().lines().toList();
        assertEquals(4, lines.size(), text.out());
        assertTrue(lines.get(0).startsWith("MODEL") && lines.get(0).contains("LATEST"), lines.get(0));
        assertTrue(lines.get(3).contains(latest) && lines.get(3).endsWith("*"), lines.get(3));

        CliRun.Result other = CliRun.run("models", "list", "--store", p.store.toString(), "nosuch");
        assertUserError(other, "no artifact 'nosuch'", TestProject.MODEL);
    }

    @Test
    void showDescribesTheLatestVersionByDefault() throws IOException {
        JsonNode doc = json(models("show", "--json"));
        assertEquals(versions.get(2), doc.path("version").asText());
        assertEquals("naive", doc.path("family").asText());
        assertEquals(versions.get(1), doc.path("parent_version").asText(), "the version before it");
        assertEquals("2024-01-01", doc.path("data").path("start").asText());
        assertEquals("2024-02-29", doc.path("data").path("end").asText());
        assertEquals(64, doc.path("data").path("panel_sha256").asText().length());
        assertTrue(doc.path("calibration").path("clip_at_zero").isBoolean(), doc.toString());
        assertTrue(doc.path("made_by").has("demandcast"));

        JsonNode first = json(models("show", TestProject.MODEL + "@" + versions.get(0), "--json"));
        assertEquals(7, first.path("parameters").path("season_length").asInt());
        assertTrue(first.path("parent_version").isNull(), "the first version has none");
        assertFalse(first.path("latest").asBoolean());

        CliRun.Result text = models("show", TestProject.MODEL + "@" + versions.get(1));
        assertEquals(0, text.code(), text.toString());
        assertTrue(text.out().contains("seasonal_naive") && text.out().contains("2024-01-01 to 2024-02-29"), text.out());

        assertUserError(models("show", TestProject.MODEL + "@20200101T000000Z-00000000"), "no version '20200101T000000Z-00000000'");
    }

    @Test
    void diffListsConfigParameterAndFamilyChanges() throws IOException {
        JsonNode doc = json(models("diff", TestProject.MODEL + "@" + versions.get(0), versions.get(1), "--json"));
        assertEquals(TestProject.MODEL + "@" + versions.get(0), doc.path("before").asText());
        assertFalse(doc.path("data_changed").asBoolean(), "same data");
        assertTrue(doc.path("family").isEmpty());
        assertEquals(List.of("model.params.season_length"), paths(doc.path("config")));
        JsonNode change = doc.path("parameters").get(0);
        assertEquals("season_length", change.path("path").asText());
        assertEquals("7", change.path("before").asText());
        assertEquals("14", change.path("after").asText());

        JsonNode family = json(models("diff", TestProject.MODEL + "@" + versions.get(1), TestProject.MODEL + "@latest", "--json"));
        assertEquals("naive", family.path("family").get(0).path("after").asText());
        assertTrue(paths(family.path("config")).contains("model.family"));
        assertTrue(family.path("parameters").get(0).path("after").isNull(), "season_length absent from naive's params");

        JsonNode same = json(models("diff", TestProject.MODEL + "@latest", "latest", "--json"));
        assertTrue(same.path("identical").asBoolean());

        CliRun.Result text = models("diff", TestProject.MODEL + "@" + versions.get(0), versions.get(1));
        assertTrue(text.out().contains("  model.params.season_length: 7 -> 14"), text.out());
        assertTrue(text.out().contains("data: unchanged"), text.out());
    }

    private static List<String> paths(JsonNode changes) {
        List<String> out = new ArrayList<>();
        changes.forEach(c -> out.add(c.path("path").asText()));
        return out;
    }

    @Test
    void verifyPassesAndThenNamesTheTamperedFile() throws IOException {
        CliRun.Result ok = models("verify");
        assertEquals(0, ok.code(), ok.toString());
        assertEquals(3, ok.out().lines().filter(l -> l.startsWith("OK   ")).count(), ok.out());

        Path version = p.modelDirectory().resolve(versions.get(1));
        Path config = version.resolve("config.yaml");
        Files.writeString(config, Files.readString(config) + "# edited\n");
        CliRun.Result bad = models("verify");
        assertEquals(2, bad.code(), bad.toString());
        List<String> err = bad.err().lines().toList();
        assertEquals(1, err.size(), bad.err());
        assertTrue(err.get(0).startsWith("demandcast models verify: error: "), err.get(0));
        for (String part : List.of(versions.get(1), "config.yaml", version.toString())) {
            assertTrue(err.get(0).contains(part), part + " in " + err.get(0));
        }
        assertFalse(err.get(0).contains("\tat "), "no stack trace");
        assertEquals(2, bad.out().lines().filter(l -> l.startsWith("OK   ")).count(), bad.out());
        assertTrue(bad.out().lines().anyMatch(l -> l.startsWith("BAD  ") && l.contains(versions.get(1))), bad.out());

        CliRun.Result json = models("verify", "--json");
        assertEquals(2, json.code());
        JsonNode doc = JSON.readTree(json.out());
        assertEquals(3, doc.path("checked").asInt());
        assertEquals(1, doc.path("failed").asInt());

        CliRun.Result one = models("verify", TestProject.MODEL + "@" + versions.get(0));
        assertEquals(0, one.code(), one.toString());
    }

    @Test
    void pruneIsADryRunUntilYesAndNeverRemovesLatest() throws IOException {
        CliRun.Result dry = models("prune", "--keep", "1");
        assertEquals(0, dry.code(), dry.toString());
        assertTrue(dry.err().contains("would delete 2 of 3 versions"), dry.err());
        assertEquals(versions, versionDirectories(), "a dry run deletes nothing");

        // LATEST edited by hand to the oldest version (a roll-back): kept even with --keep 0
        Files.writeString(p.modelDirectory().resolve("LATEST"), versions.get(0) + "\n");
        JsonNode doc = json(models("prune", "--keep", "0", "--yes", "--json"));
        assertFalse(doc.path("dry_run").asBoolean());
        assertEquals(List.of(versions.get(1), versions.get(2)), JSON.convertValue(doc.path("deleted"), List.class));
        assertEquals("LATEST", doc.path("versions").get(0).path("reason").asText());
        assertEquals(List.of(versions.get(0)), versionDirectories());
        try (Stream<Path> left = Files.list(p.modelDirectory())) {
            assertEquals(List.of(versions.get(0), "LATEST"), left.map(f -> f.getFileName().toString()).sorted().toList(),
                    "no temporary left behind");
        }
        assertEquals(0, p.run("predict", "-q").code(), "LATEST still loads");
    }

    @Test
    void pruneOlderThanKeepsYoungVersions() throws IOException {
        JsonNode doc = json(models("prune", "--keep", "0", "--older-than", "30d", "--yes", "--json"));
        assertTrue(doc.path("deleted").isEmpty(), doc.toString());
        assertEquals("younger than 30d", doc.path("versions").get(0).path("reason").asText());
        assertEquals(3, versionDirectories().size());
        assertOptionError(models("prune", "--keep", "1", "--older-than", "30 days"), "--older-than", "7d");
        assertOptionError(models("prune", "--keep", "-1"), "--keep");
    }

    @Test
    void needsAStore() {
        assertOptionError(CliRun.run("models", "list"), "-c <experiment.yaml> or --store <dir>");
        assertOptionError(CliRun.run("models", "show", "--store", p.store.toString()), "Missing the model");
        assertOptionError(CliRun.run("models", "show", "../x", "--store", p.store.toString()), "'../x' is not a model name");
        assertOptionError(CliRun.run("models", "list", "--store", p.store.toString(), "-c", p.config.toString()), "give one");
        CliRun.Result bare = CliRun.run("models");
        assertEquals(2, bare.code());
        assertTrue(bare.err().contains("Usage: demandcast models"), bare.err());
    }

    @Test
    void emptyStoreListsNothing() throws IOException {
        JsonNode doc = json(CliRun.run("models", "list", "--store", tmp.resolve("empty").toString(), "--json"));
        assertTrue(doc.path("versions").isEmpty());
    }
}
