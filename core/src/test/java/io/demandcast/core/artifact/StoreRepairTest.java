package io.demandcast.core.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.Temporaries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defect 9 of issue 14 in the store: what a killed publish leaves ({@code .tmp-*} directories and
 * staged {@code LATEST} files, a {@code LATEST} one version behind) is repaired by the next publish
 * or load, while a {@code LATEST} pointed back on purpose is respected.
 */
class StoreRepairTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:15:30Z");
    private static final String CONFIG = "name: m5\nmodel:\n  family: seasonal_naive\n";

    @TempDir
    Path tmp;

    private ArtifactStore store() {
        return new ArtifactStore(tmp, Optional.empty());
    }

    /** Defect 9: a killed publish's temporary directory and staged LATEST are removed by the next load and publish. */
    @Test
    void theNextLoadOrPublishRemovesAKilledPublishsTemporaries() throws IOException {
        ArtifactStore store = store();
        Artifact a = store.publish("m", ArtifactStoreTest.contents(ArtifactStoreTest.files("a"), T0, CONFIG));
        Path modelDir = tmp.resolve("m");
        Path killed = Files.createDirectories(modelDir.resolve(".tmp-0123456789ab").resolve("model"));
        Files.writeString(killed.resolve("state.json"), "{\"half");
        Path staged = Files.writeString(modelDir.resolve(".tmp-0123456789ab-LATEST"), "20991231T000000Z-deadbeef\n");
        Path lock = Files.createFile(modelDir.resolve(".tmp-ba9876543210.lock"));
        Path foreign = Files.writeString(modelDir.resolve(".tmp-notes"), "not ours");
        for (Path p : List.of(killed, killed.getParent(), staged, lock, foreign)) {
            Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(600)));
        }
        Temporaries.startRun(Instant.now());

        assertEquals(a.version(), store.load("m", "latest").version());
        assertEquals(List.of(".tmp-notes", a.version(), "LATEST"), names(modelDir));

        Path again = Files.createDirectories(modelDir.resolve(".tmp-00000000000a"));
        Files.setLastModifiedTime(again, FileTime.from(Instant.now().minusSeconds(600)));
        Artifact b = store.publish("m", ArtifactStoreTest.contents(ArtifactStoreTest.files("b"), T0.plusSeconds(1), CONFIG));
        assertEquals(List.of(".tmp-notes", a.version(), b.version(), "LATEST"), names(modelDir));
    }

    /** Defect 9: a kill between the version rename and the LATEST update left LATEST behind; the next load repairs it. */
    @Test
    void aLaggingLatestIsRepairedByTheNextLoad() throws IOException {
        ArtifactStore store = store();
        Artifact a = store.publish("m", ArtifactStoreTest.contents(ArtifactStoreTest.files("a"), T0, CONFIG));
        Artifact b = store.publish("m", ArtifactStoreTest.contents(ArtifactStoreTest.files("b"), T0.plusSeconds(1), CONFIG));
        Path latest = simulateKillBeforeLatest(a, b);

        assertEquals(b.version(), store.load("m", "latest").version());
        assertEquals(b.version() + "\n", Files.readString(latest), "LATEST itself is repaired");
        assertEquals(List.of(a.version(), b.version(), "LATEST"), names(tmp.resolve("m")));
    }

    /** The next publish repairs it too, before its own version (so a publish that then fails still leaves it current). */
    @Test
    void aLaggingLatestIsRepairedByTheNextPublish() throws IOException {
        ArtifactStore store = store();
        Artifact a = store.publish("m", ArtifactStoreTest.contents(ArtifactStoreTest.files("a"), T0, CONFIG));
        Artifact b = store.publish("m", ArtifactStoreTest.contents(ArtifactStoreTest.files("b"), T0.plusSeconds(1), CONFIG));
        simulateKillBeforeLatest(a, b);
        try {
            store.publish("m", ArtifactStoreTest.contents(dir -> {
                throw new IOException("disk full");
            }, T0.plusSeconds(2), CONFIG));
        } catch (IOException expected) {
            // the fit's publish failed; the repair before it stands
        }
        assertEquals(b.version() + "\n", Files.readString(tmp.resolve("m/LATEST")));
    }

    /** A LATEST pointed back at an older version by hand (written after the newer version) is respected. */
    @Test
    void aLatestPointedBackOnPurposeIsRespected() throws IOException {
        ArtifactStore store = store();
        Artifact a = store.publish("m", ArtifactStoreTest.contents(ArtifactStoreTest.files("a"), T0, CONFIG));
        Artifact b = store.publish("m", ArtifactStoreTest.contents(ArtifactStoreTest.files("b"), T0.plusSeconds(1), CONFIG));
        Path latest = tmp.resolve("m/LATEST");
        Files.writeString(latest, a.version() + "\n");
        Files.setLastModifiedTime(latest, FileTime.from(Files.getLastModifiedTime(b.directory()).toInstant().plusSeconds(5)));

        assertEquals(a.version(), store.load("m", "latest").version());
        assertEquals(a.version() + "\n", Files.readString(latest));
    }

    /** A newer version that fails verification is not made LATEST; a missing LATEST is written for the newest complete one. */
    @Test
    void onlyACompleteVersionIsMadeLatest() throws IOException {
        ArtifactStore store = store();
        Artifact a = store.publish("m", ArtifactStoreTest.contents(ArtifactStoreTest.files("a"), T0, CONFIG));
        Artifact b = store.publish("m", ArtifactStoreTest.contents(ArtifactStoreTest.files("b"), T0.plusSeconds(1), CONFIG));
        Path latest = simulateKillBeforeLatest(a, b);
        Path state = b.directory().resolve("model/state.json");
        FileTime bTime = Files.getLastModifiedTime(b.directory());
        Files.writeString(state, "damaged");
        Files.setLastModifiedTime(b.directory(), bTime);

        assertEquals(a.version(), store.resolve("m", "latest").version());
        assertEquals(a.version() + "\n", Files.readString(latest));

        Files.delete(latest);
        store.resolve("m", a.version());
        assertEquals(a.version() + "\n", Files.readString(latest), "a missing LATEST names the newest complete version");
    }

    /** Puts the store in the state a kill after b's rename and before its LATEST rename leaves: LATEST names a, written before b. */
    private Path simulateKillBeforeLatest(Artifact a, Artifact b) throws IOException {
        Path latest = tmp.resolve("m/LATEST");
        Files.writeString(latest, a.version() + "\n");
        Files.setLastModifiedTime(latest, FileTime.from(Files.getLastModifiedTime(b.directory()).toInstant().minusSeconds(5)));
        return latest;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
