package io.demandcast.core.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.DemandcastException;
import io.demandcast.core.Sha256;
import io.demandcast.core.data.DatasetManifest;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.PanelBuilder;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.ModelRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:15:30.250Z");
    private static final String CONFIG = "name: m5\nmodel:\n  family: seasonal_naive\n";

    @TempDir
    Path tmp;

    static ArtifactContents contents(PayloadWriter payload, Instant createdAt, String config) {
        ObjectNode params = new ObjectMapper().createObjectNode().put("season_length", 7);
        return new ArtifactContents(payload, "seasonal_naive", params, config,
                new DataFingerprint("m5", Sha256.text("manifest"), Sha256.text("panel"), Sha256.text("config")),
                List.of("lag_7", "sell_price"), List.of(new DatasetManifest.Scaler("sell_price", "standard", 3.1, 0.4)),
                Map.of("mase", 0.87), RuntimeVersions.current("0.1.0-test").withLibrary("smile", "3.1.1"), createdAt, "abc1234");
    }

    static PayloadWriter files(String state) {
        return dir -> {
            Files.writeString(dir.resolve("state.json"), state);
            Files.createDirectories(dir.resolve("weights"));
            Files.write(dir.resolve("weights").resolve("layer0.bin"), new byte[] {1, 2, 3, 4});
        };
    }

    /**
     * Issue 15: version names changed when {@code prepare} re-ran on identical data, because the
     * prepared manifest's digest (which holds its creation time) was hashed into them.
     */
    @Test
    void versionHashCoversTheDataContentNotThePreparedManifestsCreation() throws IOException {
        ArtifactStore store = new ArtifactStore(tmp.resolve("models"));
        DataFingerprint firstPrepare = new DataFingerprint("m5", Sha256.text("manifest at 10:00"), Sha256.text("panel"), Sha256.text("config"));
        DataFingerprint secondPrepare = new DataFingerprint("m5", Sha256.text("manifest at 11:00"), Sha256.text("panel"), Sha256.text("config"));
        DataFingerprint otherData = new DataFingerprint("m5", Sha256.text("manifest at 11:00"), Sha256.text("other panel"), Sha256.text("config"));
        String a = store.publish("m", withData(contents(files("{}"), T0, CONFIG), firstPrepare)).version();
        String b = store.publish("m", withData(contents(files("{}"), T0.plusSeconds(60), CONFIG), secondPrepare)).version();
        String c = store.publish("m", withData(contents(files("{}"), T0.plusSeconds(120), CONFIG), otherData)).version();
        assertEquals(a.substring(a.indexOf('-')), b.substring(b.indexOf('-')));
        assertNotEquals(a.substring(a.indexOf('-')), c.substring(c.indexOf('-')));
    }

    private static ArtifactContents withData(ArtifactContents c, DataFingerprint data) {
        return new ArtifactContents(c.payload(), c.modelFamily(), c.parameters(), c.configYaml(), data, c.features(), c.scalers(),
                c.metrics(), c.versions(), c.createdAt(), c.gitCommit(), c.search());
    }

    @Test
    void publishesAVersionWithManifestConfigAndChecksums() throws IOException {
        ArtifactStore store = new ArtifactStore(tmp.resolve("models"));
        Artifact a = store.publish("m5-naive", contents(files("{\"v\":1}"), T0, CONFIG));

        String expectedVersion = "20261124T101530Z-" + Sha256.text(CONFIG + "\n" + a.manifest().data().canonical()).substring(0, 8);
        assertEquals(expectedVersion, a.version());
        assertEquals(tmp.resolve("models/m5-naive").resolve(expectedVersion), a.directory());
        assertEquals(CONFIG, a.readConfigYaml());
        assertEquals(Set.of("config.yaml", "model/state.json", "model/weights/layer0.bin"), a.manifest().files().keySet());
        assertEquals(Sha256.file(a.payloadDirectory().resolve("state.json")), a.manifest().files().get("model/state.json"));
        assertEquals(expectedVersion + "\n", Files.readString(tmp.resolve("models/m5-naive/LATEST")));

        JsonNode json = new ObjectMapper().readTree(a.directory().resolve("manifest.json").toFile());
        assertEquals(1, json.get("format_version").intValue());
        assertEquals("m5-naive", json.get("name").textValue());
        assertEquals("2026-11-24T10:15:30.250Z", json.get("created_at").textValue());
        assertEquals("seasonal_naive", json.get("model_family").textValue());
        assertEquals(7, json.at("/parameters/season_length").intValue());
        assertEquals("m5", json.at("/data/dataset").textValue());
        assertEquals(64, json.at("/data/panel_sha256").textValue().length());
        assertEquals("lag_7", json.at("/features/0").textValue());
        assertEquals(0.87, json.at("/metrics/mase").doubleValue());
        assertEquals("0.1.0-test", json.at("/versions/demandcast").textValue());
        assertEquals(System.getProperty("java.version"), json.at("/versions/java").textValue());
        assertEquals("3.1.1", json.at("/versions/libraries/smile").textValue());
        assertEquals("abc1234", json.get("git_commit").textValue());

        Artifact back = store.load("m5-naive", "latest");
        assertEquals(a, back);
    }

    @Test
    void publishingTwiceKeepsTheFirstVersionByteForByteAndMovesLatest() throws IOException {
        ArtifactStore store = new ArtifactStore(tmp);
        Artifact first = store.publish("m", contents(files("first"), T0, CONFIG));
        Map<String, byte[]> before = snapshot(first.directory());
        Artifact second = store.publish("m", contents(files("second"), T0.plusSeconds(60), CONFIG + "# changed\n"));

        assertNotEquals(first.version(), second.version());
        assertEquals(List.of(first.version(), second.version()), store.list("m"));
        Map<String, byte[]> after = snapshot(first.directory());
        assertEquals(before.keySet(), after.keySet());
        before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));
        assertEquals(second.version(), store.resolve("m", "latest").version());
        assertEquals(first.version(), store.load("m", first.version()).version());
        assertEquals("first", Files.readString(store.resolve("m", first.version()).payloadDirectory().resolve("state.json")));
    }

    @Test
    void publishesInTheSameSecondGetDistinctNames() throws Exception {
        ArtifactStore store = new ArtifactStore(tmp);
        Artifact a = store.publish("m", contents(files("a"), T0, CONFIG));
        Artifact b = store.publish("m", contents(files("b"), T0, CONFIG));
        assertEquals(a.version() + "-2", b.version());

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Artifact>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String state = "parallel-" + i;
                futures.add(pool.submit(() -> store.publish("m", contents(files(state), T0, CONFIG))));
            }
            Set<String> names = new HashSet<>();
            for (Future<Artifact> f : futures) {
                Artifact art = f.get();
                assertTrue(names.add(art.version()), "duplicate version " + art.version());
                store.verify(art);
            }
        } finally {
            pool.shutdown();
        }
        List<String> versions = store.list("m");
        assertEquals(18, versions.size());
        assertEquals(a.version(), versions.get(0));
        assertEquals(a.version() + "-2", versions.get(1));
        assertEquals(a.version() + "-10", versions.get(9), "numeric, not text, order of suffixes");
        assertTrue(store.list("m").contains(store.resolve("m", "latest").version()));
        assertNoTempLeft(tmp.resolve("m"));
    }

    @Test
    void aTamperedMissingOrAddedFileFailsVerification() throws IOException {
        ArtifactStore store = new ArtifactStore(tmp);
        Artifact a = store.publish("m", contents(files("{}"), T0, CONFIG));
        Path weights = a.payloadDirectory().resolve("weights/layer0.bin");

        Files.write(weights, new byte[] {1, 2, 3, 5});
        ArtifactException e = assertThrows(ArtifactException.class, () -> store.load("m", "latest"));
        assertTrue(e.getMessage().contains("checksum mismatch for model/weights/layer0.bin"), e.getMessage());
        assertTrue(e.isUserError());
        assertTrue(e instanceof DemandcastException);

        Files.delete(weights);
        e = assertThrows(ArtifactException.class, () -> store.verify(a));
        assertTrue(e.getMessage().contains("model/weights/layer0.bin") && e.getMessage().contains("missing"), e.getMessage());

        Files.write(weights, new byte[] {1, 2, 3, 4});
        store.verify(a);
        Files.writeString(a.payloadDirectory().resolve("extra.json"), "{}");
        e = assertThrows(ArtifactException.class, () -> store.verify(a));
        assertTrue(e.getMessage().contains("model/extra.json"), e.getMessage());
    }

    @Test
    void aFailingPayloadLeavesNoVersionAndNoTempDirectory() throws IOException {
        ArtifactStore store = new ArtifactStore(tmp);
        Artifact good = store.publish("m", contents(files("ok"), T0, CONFIG));
        PayloadWriter crashing = dir -> {
            Files.writeString(dir.resolve("half.bin"), "half");
            throw new IOException("disk full");
        };
        IOException e = assertThrows(IOException.class, () -> store.publish("m", contents(crashing, T0.plusSeconds(5), CONFIG)));
        assertEquals("cannot publish a new version of 'm' in " + tmp.resolve("m") + ": disk full; nothing was published",
                e.getMessage(), "the failure names where it happened");
        PayloadWriter bug = dir -> {
            throw new IllegalStateException("bug in save");
        };
        assertThrows(IllegalStateException.class, () -> store.publish("m", contents(bug, T0.plusSeconds(6), CONFIG)));

        assertEquals(List.of(good.version()), store.list("m"));
        assertEquals(good.version(), store.resolve("m", "latest").version());
        assertNoTempLeft(tmp.resolve("m"));
    }

    @Test
    void resolveNamesWhatIsAvailable() throws IOException {
        ArtifactStore store = new ArtifactStore(tmp.resolve("store"));
        ArtifactException e = assertThrows(ArtifactException.class, () -> store.resolve("x", "latest"));
        assertTrue(e.getMessage().contains("no artifact 'x' in store") && e.getMessage().contains("none"), e.getMessage());

        Artifact a = store.publish("alpha", contents(files("a"), T0, CONFIG));
        store.publish("beta", contents(files("b"), T0, CONFIG));
        e = assertThrows(ArtifactException.class, () -> store.resolve("x", "latest"));
        assertTrue(e.getMessage().endsWith("available: alpha, beta"), e.getMessage());
        e = assertThrows(ArtifactException.class, () -> store.resolve("../store", "latest"));
        assertTrue(e.getMessage().contains("no artifact"), e.getMessage());
        e = assertThrows(ArtifactException.class, () -> store.resolve("alpha", "20990101T000000Z-deadbeef"));
        assertTrue(e.getMessage().contains(a.version()), e.getMessage());
        assertEquals(List.of("alpha", "beta"), store.models());
    }

    @Test
    void latestFallsBackToTheNewestVersionWhenThePointerIsMissing() throws IOException {
        ArtifactStore store = new ArtifactStore(tmp);
        store.publish("m", contents(files("a"), T0, CONFIG));
        Artifact b = store.publish("m", contents(files("b"), T0.plusSeconds(1), CONFIG));
        Files.delete(tmp.resolve("m/LATEST"));
        assertEquals(b.version(), store.resolve("m", "latest").version());
    }

    @Test
    void rejectsUnknownFormatVersionsAndBrokenManifests() throws IOException {
        ArtifactStore store = new ArtifactStore(tmp);
        Artifact a = store.publish("m", contents(files("a"), T0, CONFIG));
        Path manifest = a.directory().resolve("manifest.json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(manifest.toFile());

        tree.put("format_version", 7);
        json.writeValue(manifest.toFile(), tree);
        ArtifactException e = assertThrows(ArtifactException.class, () -> store.resolve("m", "latest"));
        assertTrue(e.getMessage().contains("format version 7"), e.getMessage());

        tree.put("format_version", 1);
        tree.remove("model_family");
        json.writeValue(manifest.toFile(), tree);
        e = assertThrows(ArtifactException.class, () -> store.resolve("m", "latest"));
        assertTrue(e.getMessage().contains("model_family"), e.getMessage());

        tree.put("model_family", "seasonal_naive");
        tree.remove("git_commit");
        tree.remove("metrics");
        json.writeValue(manifest.toFile(), tree);
        Artifact older = store.resolve("m", "latest");
        assertNull(older.manifest().gitCommit());
        assertEquals(Map.of(), older.manifest().metrics());

        Files.delete(manifest);
        e = assertThrows(ArtifactException.class, () -> store.resolve("m", a.version()));
        assertTrue(e.getMessage().contains("manifest.json"), e.getMessage());
    }

    @Test
    void aRealFittedModelRoundTripsThroughTheStore() throws IOException {
        ModelRegistry registry = ModelRegistry.standard();
        String family = registry.families().get(0).name();
        var forecaster = registry.family(family).create(new ObjectMapper().createObjectNode(), io.demandcast.core.model.ModelContext.of(Frequency.DAILY));
        var panel = new PanelBuilder(Frequency.DAILY, LocalDate.of(2020, 1, 1))
                .add("a", 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14).build();
        FittedModel fitted = forecaster.fit(panel);
        ArtifactStore store = new ArtifactStore(tmp);
        ArtifactContents c = contents(fitted::save, T0, CONFIG);
        c = new ArtifactContents(c.payload(), fitted.family(), c.parameters(), c.configYaml(), c.data(), c.features(),
                c.scalers(), c.metrics(), c.versions(), c.createdAt(), null);
        store.publish("naive", c);

        Artifact loaded = store.load("naive", "latest");
        FittedModel back = registry.family(loaded.manifest().modelFamily()).load(loaded.payloadDirectory());
        assertEquals(fitted.seriesIds(), back.seriesIds());
    }

    private static Map<String, byte[]> snapshot(Path dir) throws IOException {
        Map<String, byte[]> out = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    private static void assertNoTempLeft(Path modelDir) throws IOException {
        try (Stream<Path> entries = Files.list(modelDir)) {
            List<String> temps = entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
            assertEquals(List.of(), temps);
        }
    }
}
