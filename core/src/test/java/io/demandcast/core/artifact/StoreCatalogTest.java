package io.demandcast.core.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Store queries behind {@code models}: listing order, prune decisions and deletion, the identical-training check. */
class StoreCatalogTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:15:30.250Z");
    private static final String CONFIG = "name: m5\nmodel:\n  family: seasonal_naive\n  params: {season_length: 7}\n"
            + "train:\n  backend: auto\nevaluate:\n  output: build/evaluation/m5\n";

    @TempDir
    Path tmp;

    private static Artifact publish(ArtifactStore store, String name, Instant at, String config, PayloadWriter payload)
            throws IOException {
        return store.publish(name, ArtifactStoreTest.contents(payload, at, config));
    }

    @Test
    void versionsAreInPublishOrderWithinASecondAndLatestIsMarked() throws IOException {
        ArtifactStore store = new ArtifactStore(tmp.resolve("models"), Optional.empty());
        List<String> published = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) { // one second, four hashes: names sort by hash, the listing by creation
            published.add(publish(store, "m", T0.plusMillis(i), CONFIG + "# " + i + "\n", ArtifactStoreTest.files("s")).version());
        }
        List<StoredVersion> listed = new StoreCatalog(store).versions("m");
        assertEquals(published, listed.stream().map(StoredVersion::version).toList());
        assertEquals(List.of(false, false, false, true), listed.stream().map(StoredVersion::latest).toList());
        assertTrue(listed.get(0).sizeBytes() > 0);
        assertEquals(Optional.of(published.get(2)), new StoreCatalog(store).parentOf("m", published.get(3)));
    }

    @Test
    void pruneKeepsLatestTheNewestAndParentsInUseAndDeletesWithoutLeftovers() throws IOException {
        ArtifactStore store = new ArtifactStore(tmp.resolve("models"), Optional.empty());
        Artifact p1 = publish(store, "m-pretrained", T0, CONFIG, ArtifactStoreTest.files("p1"));
        Artifact p2 = publish(store, "m-pretrained", T0.plusSeconds(60), CONFIG + "# 2\n", ArtifactStoreTest.files("p2"));
        Artifact p3 = publish(store, "m-pretrained", T0.plusSeconds(120), CONFIG + "# 3\n", ArtifactStoreTest.files("p3"));
        publish(store, "m", T0.plusSeconds(180), CONFIG, dir -> Files.writeString(dir.resolve("transfer.json"),
                "{\"parent\": {\"artifact\": \"m-pretrained\", \"version\": \"" + p1.version() + "\"}}"));
        StoreCatalog catalog = new StoreCatalog(store);

        StorePruner.Plan plan = StorePruner.plan(catalog, "m-pretrained", 0, null, T0.plusSeconds(600));
        assertEquals(List.of(p2.version()), plan.deleted().stream().map(StoredVersion::version).toList());
        assertEquals("pre-trained parent of a version in the store", plan.decisions().get(0).reason());
        assertEquals("LATEST", plan.decisions().get(2).reason());

        StorePruner.Plan young = StorePruner.plan(catalog, "m-pretrained", 0, Duration.ofMinutes(9), T0.plusSeconds(600));
        assertTrue(young.deleted().isEmpty(), "p2 is 9 minutes old, not older than 9 minutes");
        StorePruner.Plan keep2 = StorePruner.plan(catalog, "m-pretrained", 2, null, T0.plusSeconds(600));
        assertTrue(keep2.deleted().isEmpty());

        StorePruner.execute(catalog, plan);
        assertEquals(List.of(p1.version(), p3.version()), store.list("m-pretrained"));
        try (Stream<Path> left = Files.list(tmp.resolve("models").resolve("m-pretrained"))) {
            assertFalse(left.anyMatch(f -> f.getFileName().toString().startsWith(".tmp-")), "no temporary left");
        }
        ArtifactException refused = assertThrows(ArtifactException.class, () -> store.delete("m-pretrained", p3.version()));
        assertTrue(refused.getMessage().contains("never deleted"), refused.getMessage());
    }

    @Test
    void aKilledPruneLeavesATemporaryTheNextRunRemovesNeverAVersion() throws IOException {
        ArtifactStore store = new ArtifactStore(tmp.resolve("models"), Optional.empty());
        Artifact old = publish(store, "m", T0, CONFIG, ArtifactStoreTest.files("a"));
        publish(store, "m", T0.plusSeconds(60), CONFIG + "# 2\n", ArtifactStoreTest.files("b"));
        // what a kill after the rename and before the delete leaves: the version under a temporary name, unlocked
        Path modelDir = tmp.resolve("models").resolve("m");
        Path leftover = modelDir.resolve(".tmp-0123456789ab");
        Files.move(modelDir.resolve(old.version()), leftover);
        Files.setLastModifiedTime(leftover, java.nio.file.attribute.FileTime.from(T0));
        assertEquals(1, new StoreCatalog(store).versions("m").size(), "the temporary is not a version");
        io.demandcast.core.Temporaries.startRun(Instant.now());
        store.resolve("m", ArtifactStore.LATEST);
        assertFalse(Files.exists(leftover), "removed by the next run that reads the model");
    }

    @Test
    void sameTrainingIgnoresKeysThatCannotChangeTheModel() throws IOException {
        ArtifactStore store = new ArtifactStore(tmp.resolve("models"), Optional.empty());
        Artifact a = publish(store, "m", T0, CONFIG, ArtifactStoreTest.files("a"));
        DataFingerprint data = a.manifest().data();
        DataFingerprint reprepared = new DataFingerprint("m5", Sha256.text("manifest at 11:00"), data.panelSha256(), data.configSha256());
        DataFingerprint otherData = new DataFingerprint("m5", data.manifestSha256(), Sha256.text("other panel"), data.configSha256());

        assertTrue(SameTraining.holds(a, CONFIG, data));
        assertTrue(SameTraining.holds(a, CONFIG, reprepared), "a prepare re-run on the same content");
        assertTrue(SameTraining.holds(a, CONFIG.replace("backend: auto", "backend: cpu").replace("build/evaluation/m5", "elsewhere"), data));
        assertFalse(SameTraining.holds(a, CONFIG, otherData));
        assertFalse(SameTraining.holds(a, CONFIG.replace("season_length: 7", "season_length: 14"), data));
        assertFalse(SameTraining.holds(a, CONFIG + "predict:\n  horizon: 28\n", data), "the horizon reaches the fit");
    }

    @Test
    void treeChangesByKeyPath() throws IOException {
        var yaml = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        List<TreeChanges.Change> changes = TreeChanges.between(yaml.readTree("a: {b: 1, c: [1, 2]}\nd: x\n"),
                yaml.readTree("a: {b: 2, c: [1, 2]}\ne: y\n"));
        assertEquals(List.of(new TreeChanges.Change("a.b", "1", "2"), new TreeChanges.Change("d", "x", null),
                new TreeChanges.Change("e", null, "y")), changes);
    }
}
