package io.demandcast.cli;

import static io.demandcast.cli.Errors.assertUserError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code predict} refuses an edited manifest and links out of the version (issue 14, defect 11). */
class ArtifactProvenanceCommandTest {
    @TempDir
    Path tmp;

    /** Defect 11: on main an edited created_at still printed "checksums verified" and exited 0. */
    @Test
    void anEditedManifestExits2NamingIt() throws Exception {
        TestProject p = TestProject.trained(tmp.resolve("project"));
        Path version = p.modelDirectory().resolve(p.latestVersion());
        assertEquals(0, p.run("predict").code());
        assertTrue(Files.exists(version.resolve("manifest.sha256")));
        Files.delete(p.forecast);

        Path manifest = version.resolve("manifest.json");
        String json = Files.readString(manifest);
        Files.writeString(manifest, json.replaceFirst("\"created_at\" : \"\\d{4}", "\"created_at\" : \"1999"));
        CliRun.Result r = p.run("predict");
        assertUserError(r, manifest.toString(), "manifest.sha256", "changed after publishing");
        assertTrue(Files.notExists(p.forecast), "no forecast from a tampered model");
    }

    /** Defect 11: on main a payload file linked to a file outside the store was read through. */
    @Test
    void aLinkOutOfTheVersionExits2NamingIt() throws Exception {
        TestProject p = TestProject.trained(tmp.resolve("project"));
        Path state = p.modelDirectory().resolve(p.latestVersion()).resolve("model").resolve("state.json");
        Path outside = Files.copy(state, tmp.resolve("state-elsewhere.json"));
        Files.delete(state);
        Files.createSymbolicLink(state, outside);

        CliRun.Result r = p.run("predict");
        assertUserError(r, state.toString(), "symbolic link");
        assertTrue(Files.notExists(p.forecast));
    }
}
