package io.demandcast.cli;

import static io.demandcast.cli.Errors.assertUserError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train} refuses what it cannot fit: exit 2 and no artifact. */
class TrainCommandTest {
    @TempDir
    Path tmp;

    TestProject p;

    @BeforeEach
    void project() {
        p = TestProject.create(tmp);
    }

    @Test
    void unknownModelFamily() {
        assertEquals(0, p.run("prepare", "-q").code());
        CliRun.Result r = p.run("train", "--set", "model.family=prophecy");
        assertUserError(r, "model.family", "'prophecy'", "seasonal_naive");
        assertTrue(Files.notExists(p.modelDirectory()), "no artifact published");
    }

    @Test
    void beforePrepareSaysToRunPrepare() {
        CliRun.Result r = p.run("train");
        assertUserError(r, p.prepared.toString(), "demandcast prepare");
        assertTrue(Files.notExists(p.store), "no store created");
    }
}
