package io.demandcast.core;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the team's shared real data ({@code ../shared/data} beside the checkout). Tests that
 * need it call {@link #folder(String)}, which skips the test with a clear message when absent.
 */
public final class SharedData {
    private SharedData() {
    }

    /** Root of the shared data: system property {@code demandcast.shared.data}, else {@code ../shared/data}. */
    public static Path root() {
        String prop = System.getProperty("demandcast.shared.data");
        Path candidate = prop != null ? Path.of(prop) : Path.of("..", "shared", "data");
        if (!Files.isDirectory(candidate)) {
            candidate = Path.of("..", "..", "shared", "data");
        }
        return candidate.toAbsolutePath().normalize();
    }

    /** A folder of the shared data; skips the calling test when it is not there. */
    public static Path folder(String name) {
        Path dir = root().resolve(name);
        assumeTrue(Files.isDirectory(dir), "shared data folder " + dir + " is absent: skipping (it sits beside the checkout in CI)");
        return dir;
    }
}
