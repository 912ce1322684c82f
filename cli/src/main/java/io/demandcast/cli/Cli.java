package io.demandcast.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Supplier;
import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Builds the command line, so {@link Main} and the tests use exactly the same setup.
 *
 * <p>picocli builds a command's model by reflection over its options and mixins, and building every
 * verb took about half a second of CPU: more than {@code --version} or a seasonal-naive
 * {@code predict} needs for the rest. {@link #commandLine(String[], PrintWriter, PrintWriter, Stderr)}
 * therefore builds only the verb the arguments name; the others are listed by name and header (what
 * {@code demandcast --help} and a mistyped verb's suggestions show) without being built.
 */
public final class Cli {
    /** A verb of the root command, in the order {@code --help} lists them. */
    private record Verb(String name, String header, Supplier<Object> command) {
    }

    private static final List<Verb> VERBS = List.of(
            new Verb("prepare", PrepareCommand.HEADER, PrepareCommand::new),
            new Verb("train", TrainCommand.HEADER, TrainCommand::new),
            new Verb("predict", PredictCommand.HEADER, PredictCommand::new),
            new Verb("evaluate", EvaluateCommand.HEADER, EvaluateCommand::new),
            new Verb("tune", TuneCommand.HEADER, TuneCommand::new),
            new Verb("monitor", MonitorCommand.HEADER, MonitorCommand::new),
            new Verb("plan", PlanCommand.HEADER, PlanCommand::new),
            new Verb("models", ModelsCommand.HEADER, ModelsCommand::new));

    private Cli() {
    }

    /**
     * The configured command line with every verb built, writing results to {@code out} and
     * everything else to {@code err}, which is treated as a log (no progress bars).
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(null, out, err, Stderr.log());
    }

    /**
     * The command line for running {@code args}: with only the verbs they name built (none for root
     * options alone, no verb or an unknown word); every verb built when {@code args} is null, or when
     * what runs may need them all (an {@code @file} of arguments, the completion script).
     *
     * @param stderr what the launcher said stderr is: progress bars if it is a terminal
     */
    static CommandLine commandLine(String[] args, PrintWriter out, PrintWriter err, Stderr stderr) {
        CommandLine cmd = new CommandLine(new DemandcastCommand(stderr));
        List<String> words = args == null ? List.of() : List.of(args);
        // Any word that names a verb builds it (an option's value may too, at no harm): picocli reads
        // a verb after root options as well, and an argument file may hold any of them.
        boolean all = args == null || words.contains("generate-completion") || words.stream().anyMatch(w -> w.startsWith("@"));
        for (Verb verb : VERBS) {
            if (all || words.contains(verb.name())) {
                cmd.addSubcommand(verb.name(), new CommandLine(verb.command().get()));
            } else {
                cmd.addSubcommand(verb.name(), CommandSpec.create().name(verb.name()).usageMessage(
                        new UsageMessageSpec().header(verb.header())));
            }
        }
        // picocli's own: small, but the script it generates describes every verb, so it asks for all of them.
        cmd.addSubcommand("generate-completion", new CommandLine(new GenerateCompletion()));
        // Set after the verbs are added: picocli hands these settings down to the subcommands present.
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        ErrorHandler errors = new ErrorHandler();
        cmd.setExecutionExceptionHandler(errors);
        cmd.setParameterExceptionHandler(errors);
        cmd.setExitCodeExceptionMapper(ex -> ExitCodes.INVALID_INPUT);
        return cmd;
    }
}
