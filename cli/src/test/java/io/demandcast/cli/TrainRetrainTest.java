package io.demandcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train} when the newest version already holds the same config and data (nothing published
 * unless {@code --force}), {@code train --if-older-than}, and the default {@code model.name}.
 */
class TrainRetrainTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /**
     * A bad option, as picocli reports it: exit 2, nothing on stdout, the error line naming every
     * fragment, then the pointer to --help; no stack trace.
     */
    static void assertOptionError(CliRun.Result r, String... fragments) {
        assertEquals(2, r.code(), r.toString());
        assertEquals("", r.out(), r.toString());
        List<String> lines = r.err().lines().toList();
        assertEquals(2, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("demandcast ") && lines.get(0).contains(": error: "), r.err());
        assertTrue(lines.get(1).startsWith("Try 'demandcast "), r.err());
        for (String f : fragments) {
            assertTrue(lines.get(0).contains(f), "stderr names '" + f + "': " + r.err());
        }
    }

    private static List<String> versions(Path modelDir) throws IOException {
        try (Stream<Path> s = Files.list(modelDir)) {
            return s.map(f -> f.getFileName().toString()).filter(n -> !n.equals("LATEST")).sorted().toList();
        }
    }

    @Test
    void identicalRetrainPublishesNothingUnlessForced() throws IOException {
        TestProject p = TestProject.trained(tmp);
        String first = p.latestVersion();

        CliRun.Result again = p.run("train");
        assertEquals(0, again.code(), again.toString());
        assertTrue(again.err().contains("train: " + TestProject.MODEL + " " + first
                + " already holds this config and data; nothing published (--force publishes a new version)"), again.err());
        assertEquals(List.of(first), versions(p.modelDirectory()));

        // a re-run prepare on unchanged input, another backend choice and evaluate settings do not change the model
        assertEquals(0, p.run("prepare", "-q").code());
        CliRun.Result json = p.run("train", "--json", "--backend", "cpu", "--set", "evaluate.output=" + tmp.resolve("elsewhere"));
        assertEquals(0, json.code(), json.toString());
        JsonNode doc = JSON.readTree(json.out());
        assertFalse(doc.path("published").asBoolean());
        assertFalse(doc.path("skipped").asBoolean());
        assertEquals("identical", doc.path("reason").asText());
        assertEquals(first, doc.path("version").asText());
        assertEquals(List.of(first), versions(p.modelDirectory()));

        CliRun.Result forced = p.run("train", "--force", "--json");
        assertEquals(0, forced.code(), forced.toString());
        JsonNode published = JSON.readTree(forced.out());
        assertTrue(published.path("published").asBoolean());
        assertEquals(2, versions(p.modelDirectory()).size());
        assertEquals(published.path("version").asText(), p.latestVersion());

        CliRun.Result changed = p.run("train", "-q", "--set", "model.params.season_length=14");
        assertEquals(0, changed.code(), changed.toString());
        assertEquals(3, versions(p.modelDirectory()).size(), "a changed config publishes");
    }

    @Test
    void changedDataPublishes() throws IOException {
        TestProject p = TestProject.trained(tmp);
        p.write(p.sales, TestProject.salesCsv().replace("A,2024-01-01,3", "A,2024-01-01,30"));
        assertEquals(0, p.run("train", "-q", "--prepare").code());
        assertEquals(2, versions(p.modelDirectory()).size(), "new data content publishes");
    }

    @Test
    void ifOlderThanSkipsAYoungModelWithoutPreparing() throws Exception {
        TestProject p = TestProject.create(tmp);
        CliRun.Result none = p.run("train", "--prepare", "--if-older-than", "7d", "-q");
        assertEquals(0, none.code(), "no version yet: trains: " + none);
        String first = p.latestVersion();

        // the data changes: without the age limit this would publish; younger than 7d it does not even prepare
        p.write(p.sales, TestProject.salesCsv().replace("A,2024-01-01,3", "A,2024-01-01,30"));
        CliRun.Result young = p.run("train", "--prepare", "--if-older-than", "7d", "--json");
        assertEquals(0, young.code(), young.toString());
        assertTrue(young.err().matches("(?s)train: " + TestProject.MODEL + " " + first
                + " is \\d+s old, younger than 7d; not retrained\n"), young.err());
        JsonNode doc = JSON.readTree(young.out());
        assertTrue(doc.path("skipped").asBoolean());
        assertFalse(doc.path("published").asBoolean());
        assertEquals(first, doc.path("version").asText());
        assertEquals(List.of(first), versions(p.modelDirectory()));

        Thread.sleep(1100);
        CliRun.Result old = p.run("train", "--prepare", "--if-older-than", "1s", "-q");
        assertEquals(0, old.code(), old.toString());
        assertEquals(2, versions(p.modelDirectory()).size(), "older than 1s: prepared and trained");

        assertOptionError(p.run("train", "--if-older-than", "a week"), "--if-older-than", "7d");
    }

    @Test
    void modelNameDefaultsToTheExperimentName() throws IOException {
        TestProject p = TestProject.create(tmp);
        p.write(p.config, Files.readString(p.config).replace("  name: " + TestProject.MODEL + "\n", ""));
        assertEquals(0, p.run("prepare", "-q").code());
        assertEquals(0, p.run("train", "-q").code());
        assertTrue(Files.isRegularFile(p.store.resolve("clitest").resolve("LATEST")), "store/<name>/, not store/seasonal_naive/");
        assertEquals(0, p.run("predict", "-q").code());
    }
}
