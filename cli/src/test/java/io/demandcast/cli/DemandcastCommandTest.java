package io.demandcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The root command: golden {@code --help} for it and every verb, {@code --version}, and the bare call.
 *
 * <p>The expected help is in {@code src/test/resources/help/<verb>.txt} ({@code demandcast.txt} for
 * the root). After an intended wording change, regenerate them with
 * {@code mvn -pl cli test -Dtest=DemandcastCommandTest -Ddemandcast.updateGolden=true}, review the diff and commit it.
 */
class DemandcastCommandTest {
    static final String ROOT = "demandcast";
    static final Path GOLDEN_SOURCE = Path.of("src", "test", "resources", "help");
    /** picocli's own completion generator: no golden file of ours. */
    static final Set<String> NOT_GOLDEN = Set.of("generate-completion");

    static Stream<String> helpCases() {
        Set<String> cases = new TreeSet<>();
        cases.add(ROOT);
        // a command with subcommands (models) has a golden file for itself and one per subcommand: "models list"
        Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())).getSubcommands()
                .forEach((name, sub) -> {
                    cases.add(name);
                    sub.getSubcommands().keySet().forEach(child -> cases.add(name + " " + child));
                });
        cases.removeAll(NOT_GOLDEN);
        return cases.stream();
    }

    /** {@code models list} is in {@code help/models-list.txt}. */
    static String goldenName(String verb) {
        return verb.replace(' ', '-');
    }

    /** {@code verb --help}, a subcommand's words split. */
    static CliRun.Result help(String verb) {
        if (verb.equals(ROOT)) {
            return CliRun.run("--help");
        }
        List<String> args = new ArrayList<>(List.of(verb.split(" ")));
        args.add("--help");
        return CliRun.run(args.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("helpCases")
    void helpMatchesTheGoldenFile(String verb) throws IOException {
        CliRun.Result r = help(verb);
        assertEquals(0, r.code(), r.toString());
        assertEquals("", r.err(), "help goes to stdout");
        // picocli colours help when it sees a terminal (an IDE run, say); the golden text is plain.
        String help = r.out().replaceAll("\u001B\\[[;\\d]*m", "");
        if (Boolean.getBoolean("demandcast.updateGolden")) {
            Files.createDirectories(GOLDEN_SOURCE);
            Files.writeString(GOLDEN_SOURCE.resolve(goldenName(verb) + ".txt"), help, StandardCharsets.UTF_8);
            return;
        }
        String expected;
        try (InputStream in = getClass().getResourceAsStream("/help/" + goldenName(verb) + ".txt")) {
            assertTrue(in != null, "missing golden file help/" + goldenName(verb) + ".txt (see the class comment to create it)");
            expected = CliRun.normalise(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(expected, help, "help/" + goldenName(verb) + ".txt");
    }

    @Test
    void goldenFilesAreExactlyTheVerbs() throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(GOLDEN_SOURCE)) {
            list.forEach(f -> files.add(f.getFileName().toString().replaceFirst("\\.txt$", "")));
        }
        assertEquals(new TreeSet<>(helpCases().map(DemandcastCommandTest::goldenName).toList()), files,
                "one help/<verb>.txt per verb, none stale");
    }

    /**
     * picocli wraps each description element to the usage width (80) on its own: prose paragraphs
     * wrap well, but an example call longer than the width would be broken where a shell user
     * cannot copy it.
     */
    @Test
    void helpTextLinesFitTheUsageWidth() {
        // Prose paragraphs are wrapped by picocli; example calls (indented lines) must fit as they
        // are, or a shell user could not copy them. Every rendered line must fit the width.
        CommandLine root = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<CommandLine> commands = new ArrayList<>();
        commands.add(root);
        root.getSubcommands().forEach((name, sub) -> {
            if (!NOT_GOLDEN.contains(name)) {
                commands.add(sub);
                commands.addAll(sub.getSubcommands().values());
            }
        });
        List<String> problems = new ArrayList<>();
        for (CommandLine c : commands) {
            UsageMessageSpec usage = c.getCommandSpec().usageMessage();
            String rendered = c.getUsageMessage(CommandLine.Help.Ansi.OFF);
            for (String line : usage.description()) {
                if (line.startsWith("  ") && (line.length() > usage.width() || !rendered.contains(line))) {
                    problems.add(c.getCommandName() + ": example not intact: " + line);
                }
            }
            for (String line : rendered.split("\\R")) {
                if (line.length() > usage.width()) {
                    problems.add(c.getCommandName() + ": " + line.length() + " > " + usage.width() + ": " + line);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyVerbHelpHasAHeaderAndExamples() {
        for (String verb : helpCases().toList()) {
            String help = help(verb).out();
            assertTrue(help.contains("Examples:\n  demandcast "), verb + " help has example calls");
            assertTrue(help.contains("Usage: demandcast"), verb);
        }
    }

    @Test
    void versionPrintsVersionAndCommitOnStdout() {
        for (List<String> args : List.of(List.of("--version"), List.of("-V"), List.of("predict", "--version"))) {
            CliRun.Result r = CliRun.run(args.toArray(String[]::new));
            assertEquals(0, r.code(), args + ": " + r);
            assertEquals("", r.err(), args.toString());
            assertTrue(r.out().matches("(?s)demandcast \\S+ \\(commit \\S+\\)\nJava .*"), args + ": " + r.out());
        }
    }

    @Test
    void noVerbPrintsUsageOnStderrAndExits2() {
        CliRun.Result r = CliRun.run();
        assertEquals(2, r.code(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.err().contains("Usage: demandcast [-hV] [COMMAND]"), r.err());
        assertTrue(r.err().contains("Commands:"), r.err());
    }

    @Test
    void unknownVerbOrOptionExits2() {
        assertEquals(2, CliRun.run("forecast").code());
        CliRun.Result r = CliRun.run("prepare", "--no-such-option");
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().contains("--no-such-option"), r.err());
    }
}
