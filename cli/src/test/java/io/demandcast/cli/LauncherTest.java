package io.demandcast.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher {@code scripts/demandcast} found its jar beside the path it was called by, so a
 * symlink on the {@code PATH} made it look for (and try to build) a jar beside the link (issue 15).
 * A stand-in {@code java} first on the {@code PATH} prints the arguments the launcher gives it, so
 * the test needs neither the real jar nor Maven.
 */
class LauncherTest {

    @TempDir
    Path tmp;

    @Test
    void aSymlinkOnThePathRunsTheJarOfTheCheckoutItPointsTo() throws Exception {
        Path checkout = tmp.resolve("checkout");
        Path launcher = checkout.resolve("scripts/demandcast");
        Files.createDirectories(launcher.getParent());
        Files.copy(Path.of("../scripts/demandcast"), launcher);
        executable(launcher);
        Path jar = checkout.resolve("cli/target/demandcast.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "");

        Path bin = Files.createDirectories(tmp.resolve("bin"));
        // a relative link to a link: both kinds of hop
        Files.createSymbolicLink(tmp.resolve("demandcast-link"), launcher);
        Files.createSymbolicLink(bin.resolve("demandcast"), Path.of("../demandcast-link"));

        Path fakeJava = Files.createDirectories(tmp.resolve("fake-java")).resolve("java");
        Files.writeString(fakeJava, "#!/bin/sh\necho \"java $*\"\n");
        executable(fakeJava);

        ProcessBuilder pb = new ProcessBuilder("bash", bin.resolve("demandcast").toString(), "--version");
        pb.environment().put("PATH", fakeJava.getParent() + ":" + System.getenv("PATH"));
        pb.redirectErrorStream(true);
        Process process = pb.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), out);
        assertTrue(out.contains("-jar " + checkout.toRealPath().resolve("cli/target/demandcast.jar") + " --version"), out);
        assertTrue(!out.contains("building"), out);
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
