package io.demandcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defect 9 of issue 14 through the command line: what {@code kill -9}ed runs left (a publish's
 * temporary directory and staged LATEST, a partial forecast file, a prepared dataset left renamed
 * aside, a LATEST one version behind) is repaired by the next verbs, which say so in a progress line.
 */
class LeftoversCommandTest {
    @TempDir
    Path tmp;

    @Test
    void theNextRunsRepairWhatKilledRunsLeftAndSaySo() throws IOException {
        TestProject p = TestProject.create(tmp);
        assertEquals(0, p.run("prepare", "-q").code());
        assertEquals(0, p.run("train", "-q").code());
        String first = p.latestVersion();
        assertEquals(0, p.run("train", "-q", "--set", "model.params.season_length=1").code());
        String second = p.latestVersion();

        // kill -9 between the second version's rename and its LATEST rename, inside a later publish,
        // and inside a predict's write:
        Path latest = p.modelDirectory().resolve("LATEST");
        Files.writeString(latest, first + "\n");
        Files.setLastModifiedTime(latest, FileTime.from(Files.getLastModifiedTime(p.modelDirectory().resolve(second)).toInstant().minusSeconds(5)));
        Path publishTmp = Files.createDirectories(p.modelDirectory().resolve(".tmp-0123456789ab").resolve("model"));
        Path staged = Files.writeString(p.modelDirectory().resolve(".tmp-0123456789ab-LATEST"), "x\n");
        Path partial = Files.writeString(Files.createDirectories(p.forecast.getParent()).resolve("." + p.forecast.getFileName() + ".tmp-0badc0de"), "series_id,da");
        // ... and between a prepare's two renames: the dataset renamed aside, nothing in its place.
        Path aside = tmp.resolve(".prepared.old-1badc0de");
        Files.move(p.prepared, aside);
        for (Path leftover : List.of(publishTmp, publishTmp.getParent(), staged, partial, aside)) {
            Files.setLastModifiedTime(leftover, FileTime.from(Instant.now().minusSeconds(600)));
        }

        CliRun.Result predict = p.run("predict");
        assertEquals(0, predict.code(), predict.toString());
        assertTrue(predict.err().contains("restored " + p.prepared), predict.err());
        assertTrue(predict.err().contains("repaired " + latest), predict.err());
        assertTrue(predict.err().contains("removed what an interrupted run left: ") && predict.err().contains(partial.toString())
                && predict.err().contains(publishTmp.getParent().toString()), predict.err());
        assertTrue(predict.err().contains("predict: snaive " + second), "the repaired LATEST is used: " + predict.err());
        assertEquals(second, p.latestVersion());
        assertEquals(List.of(), hidden(p.modelDirectory()));
        assertEquals(List.of(), hidden(p.forecast.getParent()));
        assertEquals(List.of(), hidden(tmp));
        assertTrue(Files.isRegularFile(p.prepared.resolve("manifest.json")));

        assertEquals(0, p.run("predict", "-q").code(), "quiet: nothing left to repair, nothing said");
        assertEquals("", p.run("predict", "-q").err());
    }

    private static List<String> hidden(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(q -> q.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }
}
