package io.demandcast.cli;

import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.config.TuneConfig;
import io.demandcast.core.tune.TuneJob;
import io.demandcast.core.tune.TuneLive;
import io.demandcast.core.tune.TuneSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code tune}: search families and hyper-parameters by rolling-origin backtest, publish the best. */
@Command(name = "tune",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = TuneCommand.HEADER,
        description = {
            "Draws candidates from tune.space (per family: fixed values, lists, {range}, {int_range}, {log_range}, {choice}) by grid or random search from a fixed seed, and scores each with the evaluate backtest on the backtest: windows (default 3). Successive halving scores every candidate on the first window(s) and only the best 1/eta on more. Candidates run tune.parallel at a time until the candidate or time budget is spent.",
            "",
            "Then combines the best tune.ensemble.top_k candidates, weighted by inverse error and as a plain mean, from their backtest forecasts; refits the winner on train.fit_on rows and publishes it in train.store under tune.model_name (default <name>-tuned), its manifest recording the search.",
            "",
            "Writes leaderboard.csv, leaderboard.md and search.json to tune.output (default build/tune/<name>) after every candidate; Ctrl-C keeps the leaderboard found so far.",
            "",
            "Examples:",
            "  demandcast tune -c configs/quickstart-tune.yaml",
            "  demandcast tune -c configs/quickstart-tune.yaml --time-budget 20m \\",
            "      --candidates 50 --seed 7",
            "  demandcast tune -c configs/quickstart-tune.yaml --json \\",
            "      --set tune.halving=false",
            ""
        })
final class TuneCommand extends BaseCommand {
    /** The one-line summary, also listed by {@code demandcast --help} without building this command (see {@link Cli}). */
    static final String HEADER = "Search model families and hyper-parameters by rolling-origin backtest; publish the best.";

    @Mixin
    ConfigMixin config;

    @Mixin
    OutputMixin output;

    @Mixin
    BackendMixin backend;

    @Mixin
    PrepareMixin prepareFirst;

    @Option(names = "--time-budget", paramLabel = "<duration>",
            description = "Stop starting candidates after this long, e.g. 90s, 20m, 1h30m; overrides tune.time_budget.")
    String timeBudget;

    @Option(names = "--candidates", paramLabel = "<n>", description = "Most candidates to score; overrides tune.candidates.")
    Integer candidates;

    @Option(names = "--seed", paramLabel = "<n>", description = "Seed of the search (same seed, same leaderboard); overrides tune.seed.")
    Long seed;

    @Override
    int doCall() throws Exception {
        if (timeBudget != null) {
            try {
                TuneConfig.parseDuration(timeBudget, "--time-budget");
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        if (candidates != null && candidates < 1) {
            throw new ParameterException(spec.commandLine(), "--candidates must be >= 1 (got " + candidates + ")");
        }
        ExperimentConfig cfg = backend.apply(config.load(spec.commandLine()), spec.commandLine(), progress());
        if (cfg.tune() != null) {
            cfg = cfg.withTune(cfg.tune().withBudgets(candidates, timeBudget, seed));
            Preflight.tune(cfg);
            prepareFirst.ensureCurrent(cfg, config.config, progress());
        }
        TuneLive live = new TuneLive();
        InterruptNotice.doing("tune of '" + cfg.name() + "'", () -> live.leaderboard() == null || live.finished()
                ? "nothing was published"
                : live.scored() + " candidates scored, leaderboard so far: " + live.leaderboard() + "; nothing was published");
        TuneSummary summary = TuneJob.run(cfg, progress(), live);
        info(summary.text());
        if (output.format() == OutputMixin.Format.json) {
            printJson(Summaries.withSchema("tune", summary.toMap()));
        }
        return ExitCodes.OK;
    }
}
