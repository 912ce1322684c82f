package io.demandcast.core.artifact;

import static io.demandcast.core.artifact.ArtifactStoreTest.contents;
import static io.demandcast.core.artifact.ArtifactStoreTest.files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tamper evidence of published versions: the manifest's digest, symbolic links, signatures (issue 14, defect 11). */
class ArtifactProvenanceTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:15:30Z");
    private static final String CONFIG = "name: m5\nmodel:\n  family: seasonal_naive\n";
    private static final String KEY = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path tmp;

    private Artifact publish(ArtifactStore store) throws IOException {
        return store.publish("m", contents(files("{\"v\":1}"), T0, CONFIG));
    }

    private static ArtifactStore store(Path root, String key) {
        return new ArtifactStore(root, key == null ? Optional.empty() : Optional.of(SigningKey.of(key)));
    }

    /** Defect 11: editing manifest.json (its parameters or created_at) passed verification on main. */
    @Test
    void anEditedManifestIsRefusedNamingIt() throws IOException {
        ArtifactStore store = store(tmp, null);
        Artifact a = publish(store);
        Path manifest = a.directory().resolve(Artifact.MANIFEST_FILE);
        assertEquals(Sha256.file(manifest) + "  manifest.json\n",
                Files.readString(a.directory().resolve(Artifact.MANIFEST_DIGEST_FILE)), "sha256sum -c can check it");
        assertEquals(ManifestCheck.DIGEST_VERIFIED, store.verify(store.resolve("m", "latest")));

        String json = Files.readString(manifest);
        assertTrue(json.contains("2026-11-24T10:15:30Z"), json);
        Files.writeString(manifest, json.replace("2026-11-24T10:15:30Z", "2026-11-25T10:15:30Z"));
        ArtifactException e = assertThrows(ArtifactException.class, () -> store.load("m", "latest"));
        assertTrue(e.getMessage().startsWith(manifest.toString() + ": sha256"), e.getMessage());
        assertTrue(e.getMessage().contains("manifest.sha256") && e.isUserError(), e.getMessage());

        Files.writeString(manifest, json.replace("\"season_length\" : 7", "\"season_length\" : 8"));
        assertFalse(Files.readString(manifest).equals(json), "the parameter was edited");
        assertThrows(ArtifactException.class, () -> store.load("m", "latest"));
    }

    /**
     * Defect 11: a payload file replaced by a symbolic link to a file outside the store (here with
     * the same bytes, so every checksum holds) passed verification on main.
     */
    @Test
    void aSymbolicLinkLeavingTheVersionIsRefusedNamingIt() throws IOException {
        ArtifactStore store = store(tmp.resolve("store"), null);
        Artifact a = publish(store);
        Path state = a.payloadDirectory().resolve("state.json");
        Path outside = Files.writeString(tmp.resolve("elsewhere.json"), Files.readString(state));
        Files.delete(state);
        Files.createSymbolicLink(state, outside);

        ArtifactException e = assertThrows(ArtifactException.class, () -> store.load("m", "latest"));
        assertTrue(e.getMessage().startsWith(state + ": a symbolic link"), e.getMessage());
        assertTrue(e.getMessage().contains(outside.toString()), e.getMessage());
    }

    @Test
    void aSymbolicLinkInsideTheVersionOrAsTheVersionIsRefusedToo() throws IOException {
        ArtifactStore store = store(tmp.resolve("store"), null);
        Artifact a = publish(store);
        Path link = a.payloadDirectory().resolve("alias.json");
        Files.createSymbolicLink(link, Path.of("state.json"));
        ArtifactException e = assertThrows(ArtifactException.class, () -> store.verify(a));
        assertTrue(e.getMessage().startsWith(link + ": a symbolic link"), e.getMessage());
        Files.delete(link);
        store.verify(a);

        // A version directory that is itself a link: its files could be anywhere.
        Path real = Files.move(a.directory(), tmp.resolve("moved-away"));
        Files.createSymbolicLink(a.directory(), real);
        e = assertThrows(ArtifactException.class, () -> store.load("m", a.version()));
        assertTrue(e.getMessage().startsWith(a.directory() + ": a symbolic link"), e.getMessage());
    }

    @Test
    void aVersionFromAnEarlierReleaseStillLoadsAsUnverifiedUnlessAKeyIsSet() throws IOException {
        Artifact a = publish(store(tmp, null));
        Files.delete(a.directory().resolve(Artifact.MANIFEST_DIGEST_FILE));
        assertEquals(ManifestCheck.UNVERIFIED, store(tmp, null).verify(store(tmp, null).load("m", "latest")));

        ArtifactException e = assertThrows(ArtifactException.class, () -> store(tmp, KEY).load("m", "latest"));
        assertTrue(e.getMessage().startsWith(a.directory().resolve("manifest.sha256") + ": missing"), e.getMessage());
        assertTrue(e.getMessage().contains(SigningKey.ENVIRONMENT_VARIABLE), e.getMessage());
    }

    @Test
    void aSignedVersionLoadsWithItsKeyOnly() throws IOException {
        Artifact a = publish(store(tmp, KEY));
        Path sig = a.directory().resolve(Artifact.SIGNATURE_FILE);
        String digest = Sha256.file(a.directory().resolve(Artifact.MANIFEST_FILE));
        assertEquals(SigningKey.of(KEY).sign(digest) + "\n", Files.readString(sig));
        assertEquals(Map.of(), Map.copyOf(a.manifest().files()).entrySet().stream()
                .filter(f -> f.getKey().startsWith("manifest")).collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, Map.Entry::getValue)), "digest and signature are not listed in the manifest");

        Artifact loaded = store(tmp, KEY).load("m", "latest");
        assertEquals(ManifestCheck.SIGNED, store(tmp, KEY).verify(loaded));
        assertEquals(ManifestCheck.DIGEST_VERIFIED, store(tmp, null).verify(loaded), "without a key the signature is not checked");

        ArtifactException e = assertThrows(ArtifactException.class, () -> store(tmp, KEY + "x").load("m", "latest"));
        assertTrue(e.getMessage().startsWith(sig + ": not a signature"), e.getMessage());

        // Re-sealing an edited manifest with a fresh digest is caught by the signature.
        Path manifest = a.directory().resolve(Artifact.MANIFEST_FILE);
        Files.writeString(manifest, Files.readString(manifest).replace("\"season_length\" : 7", "\"season_length\" : 8"));
        Files.writeString(a.directory().resolve(Artifact.MANIFEST_DIGEST_FILE), Sha256.file(manifest) + "  manifest.json\n");
        assertEquals(ManifestCheck.DIGEST_VERIFIED, store(tmp, null).verify(loaded));
        e = assertThrows(ArtifactException.class, () -> store(tmp, KEY).load("m", "latest"));
        assertTrue(e.getMessage().startsWith(sig + ": not a signature"), e.getMessage());
    }

    @Test
    void anUnsignedVersionIsRefusedWhenAKeyIsSet() throws IOException {
        Artifact a = publish(store(tmp, null));
        assertFalse(Files.exists(a.directory().resolve(Artifact.SIGNATURE_FILE)));
        ArtifactException e = assertThrows(ArtifactException.class, () -> store(tmp, KEY).load("m", "latest"));
        assertTrue(e.getMessage().startsWith(a.directory().resolve("manifest.sig") + ": missing"), e.getMessage());
    }

    @Test
    void aShortOrEmptyKeyIsRefusedAndNeverPrinted() {
        ArtifactException e = assertThrows(ArtifactException.class,
                () -> SigningKey.fromEnvironment(Map.of(SigningKey.ENVIRONMENT_VARIABLE, "")::get));
        assertTrue(e.getMessage().startsWith("DEMANDCAST_SIGNING_KEY is set but holds 0 characters"), e.getMessage());
        e = assertThrows(ArtifactException.class, () -> SigningKey.of("short-secret"));
        assertFalse(e.getMessage().contains("short-secret"), e.getMessage());
        assertTrue(SigningKey.fromEnvironment(Map.<String, String>of()::get).isEmpty());
        assertFalse(SigningKey.of(KEY).toString().contains(KEY));
        assertEquals(StandardCharsets.US_ASCII.newEncoder().canEncode(SigningKey.of(KEY).sign("ab")), true);
    }
}
