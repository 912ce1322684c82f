package io.demandcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, defect 12: bad model names failed only after the fit, as exit 1 "internal error"; an
 * unwritable output was found only after the fit; a data file that is a directory exited 1 with no
 * path; an unknown verb gave no hint. Each is now refused with exit 2 before any work, naming the
 * key or the path (and the closest verb).
 */
class ValidationBeforeWorkTest {

    @TempDir
    Path tmp;

    private TestProject prepared() {
        TestProject p = TestProject.create(tmp);
        assertEquals(0, p.run("prepare", "-q").code());
        return p;
    }

    @Test
    void badModelNamesAreRefusedBeforeTheFit() throws IOException {
        TestProject p = prepared();
        for (String bad : List.of("..", ".x", "-x", "x".repeat(300))) {
            CliRun.Result r = p.run("train", "-q", "--set", "model.name=" + bad);
            Errors.assertUserError(r, "model.name", "is not a valid name");
            assertFalse(r.err().contains("internal error"), r.toString());
        }
        assertFalse(Files.exists(p.store), "nothing published, not even the store: " + p.store);
    }

    @Test
    void anUnwritableOutputIsFoundBeforeTheFit() throws IOException {
        TestProject p = prepared();
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "in the way\n");
        CliRun.Result train = p.run("train", "-q", "--set", "train.store=" + file.resolve("store"));
        Errors.assertUserError(train, "train.store", file.toString(), "is a file, not a directory");
        assertTrue(train.err().lines().noneMatch(l -> l.startsWith("train: ")), "no fit started: " + train);

        assertEquals(0, p.run("train", "-q").code());
        CliRun.Result predict = p.run("predict", "-q", "-o", file.resolve("f.csv").toString());
        Errors.assertUserError(predict, "predict.output", file.toString());
        CliRun.Result evaluate = p.run("evaluate", "-q", "--set", "evaluate.output=" + file.resolve("sub/eval"));
        Errors.assertUserError(evaluate, "evaluate.output", file.toString());
        CliRun.Result prepare = p.run("prepare", "-q", "--set", "prepare.output=" + file.resolve("prepared"));
        Errors.assertUserError(prepare, "prepare.output", file.toString());
        assertEquals("in the way\n", Files.readString(file));
    }

    @Test
    void aDataFileThatIsADirectoryIsNamed() throws IOException {
        TestProject p = TestProject.create(tmp);
        Path dir = Files.createDirectories(tmp.resolve("sales-dir.csv"));
        CliRun.Result r = p.run("prepare", "-q", "--set", "data.files=['" + dir + "']");
        Errors.assertUserError(r, "data.files[0]", dir.toString(), "is a directory");
        assertFalse(Files.exists(p.prepared));
    }

    @Test
    void anUnknownVerbOrOptionExits2WithTheClosestName() {
        CliRun.Result verb = CliRun.run("traim", "-c", "x.yaml");
        assertEquals(2, verb.code(), verb.toString());
        assertEquals("", verb.out());
        assertTrue(verb.err().startsWith("demandcast: error: unknown verb 'traim'; did you mean 'train'?"), verb.toString());
        CliRun.Result prepar = CliRun.run("prepar");
        assertTrue(prepar.err().contains("did you mean 'prepare'?"), prepar.toString());
        CliRun.Result option = CliRun.run("predict", "--confg", "x.yaml");
        assertEquals(2, option.code(), option.toString());
        assertTrue(option.err().startsWith("demandcast predict: error: Unknown options: '--confg', 'x.yaml'; did you mean '--config'?"),
                option.toString());
    }
}
