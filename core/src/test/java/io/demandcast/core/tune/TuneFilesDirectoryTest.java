package io.demandcast.core.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.data.DataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, "every write is checked and atomic", for {@code tune}: its three files are one state of
 * the search, so the directory is replaced as a whole (before, each file was renamed in on its own and
 * a failure between them left a new leaderboard beside an old search.json).
 */
class TuneFilesDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void theOutputDirectoryIsReplacedAsAWhole() throws IOException {
        Path out = tmp.resolve("tune");
        TuneFiles.write(out, "t", List.of(), "rmsse", List.of(), 1, Map.of("seed", 1));
        Files.writeString(out.resolve("stale.txt"), "from an earlier search");

        TuneFiles.write(out, "t", List.of(), "rmsse", List.of(), 1, Map.of("seed", 2));

        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("leaderboard.csv", "leaderboard.md", "search.json"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertTrue(Files.readString(out.resolve("search.json")).contains("2"));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of("tune"), files.map(f -> f.getFileName().toString()).toList(), "no temporary left");
        }
    }

    @Test
    void aForeignDirectoryIsNotReplaced() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(home.resolve("notes.txt"), "precious");

        assertThrows(DataException.class, () -> TuneFiles.write(home, "t", List.of(), "rmsse", List.of(), 1, Map.of()));

        assertEquals("precious", Files.readString(home.resolve("notes.txt")));
    }
}
