package io.demandcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@link Cli} builds only the verbs the arguments name (building all of them cost about half a
 * second of CPU): what a run prints must not depend on it, and a verb left unbuilt must really be.
 */
class LazyVerbsTest {

    /** Exit code, stdout and stderr of {@code args} on the command line {@code cli} built for {@code built}. */
    private static CliRun.Result run(String[] built, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err);
        int code = Cli.commandLine(built, o, e, Stderr.log()).execute(args);
        o.flush();
        e.flush();
        return new CliRun.Result(code, out.toString(), err.toString());
    }

    private static boolean built(CommandLine root, String verb) {
        return !root.getSubcommands().get(verb).getCommandSpec().options().isEmpty();
    }

    @Test
    void rootHelpVersionAndMistakesPrintTheSameWithoutTheVerbsBuilt() {
        for (List<String> args : List.<List<String>>of(List.of("--help"), List.of("--version"), List.of(), List.of("trian"),
                List.of("--no-such-option"), List.of("--help", "train"))) {
            String[] a = args.toArray(String[]::new);
            assertEquals(run(null, a), run(a, a), "demandcast " + args);
        }
    }

    @Test
    void aVerbRunsAsWhenEveryVerbIsBuilt() {
        for (List<String> args : List.of(List.of("train", "--help"), List.of("models", "list", "--help"),
                List.of("predict", "--no-such-option"), List.of("evaluate", "-c"))) {
            String[] a = args.toArray(String[]::new);
            assertEquals(run(null, a), run(a, a), "demandcast " + args);
        }
    }

    @Test
    void onlyTheNamedVerbIsBuilt() {
        PrintWriter nowhere = new PrintWriter(new StringWriter());
        CommandLine version = Cli.commandLine(new String[] {"--version"}, nowhere, nowhere, Stderr.log());
        for (String verb : List.of("prepare", "train", "predict", "evaluate", "tune", "monitor", "models")) {
            assertTrue(!built(version, verb), verb + " built for --version");
        }
        CommandLine predict = Cli.commandLine(new String[] {"predict", "-c", "x.yaml"}, nowhere, nowhere, Stderr.log());
        assertTrue(built(predict, "predict"));
        assertTrue(!built(predict, "train"));
        CommandLine all = Cli.commandLine(new String[] {"@args.txt"}, nowhere, nowhere, Stderr.log());
        for (Map.Entry<String, CommandLine> e : all.getSubcommands().entrySet()) {
            assertTrue(!e.getValue().getCommandSpec().options().isEmpty(), e.getKey() + " unbuilt with an argument file");
        }
    }

    /** The launcher's archive records these runs: they must work, or it records the classes of an error. */
    @Test
    void theCdsTrainingRunsSucceed(@TempDir Path dir) throws Exception {
        Path config = CdsTraining.writeExperiment(dir);
        for (List<String> args : CdsTraining.runs(config)) {
            StringWriter err = new StringWriter();
            int code = Main.run(args.toArray(String[]::new), java.io.OutputStream.nullOutputStream(), new PrintWriter(err));
            assertEquals(0, code, args + ": " + err);
        }
        assertTrue(java.nio.file.Files.size(dir.resolve("forecast.csv")) > 0);
    }
}
