package io.demandcast.cli;

import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.plan.PlanJob;
import io.demandcast.core.plan.PlanSummary;
import io.demandcast.core.plan.ServiceTarget;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code plan}: an inventory file and a published model to reorder points and order quantities. */
@Command(name = "plan",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = PlanCommand.HEADER,
        description = {
            "Loads the model as predict does (<train.store>/<model.name>/<predict.version>, checksums verified, brought up to the newest data), forecasts each listed series over its lead time L and L + review period R, and sets an inventory policy per series for a cycle service level alpha (the chance a replenishment cycle ends without a stockout) or a fill rate beta (the share of demand served from stock).",
            "",
            "The inventory file is CSV with a header: series_id,on_hand,on_order,lead_time,review_period, optionally unit_cost, holding_rate, backorders, pack_size, min_order, and service_level or fill_rate (a row's own target); other columns are ignored. lead_time and review_period are whole periods of the data's frequency.",
            "",
            "The default target is plan.service_level (0.95) or plan.fill_rate; --service-level or --fill-rate replace it, and a row's own service_level or fill_rate wins over both.",
            "",
            "Lead-time demand comes from plan.method (--method): sample_paths (default) sums predict.sample_paths simulated paths of the fitted model (seed predict.seed), one simulation per interval length the file needs; normal_from_quantiles approximates it as normal from the forecast's 0.1/0.9 quantiles. The method column names each series' own estimator (ets_simulation, arima_simulation, willemain_bootstrap, ..., normal_from_quantiles where the fit cannot simulate).",
            "",
            "Writes one CSV row per series (to stdout, or -o <file>): series_id,lead_time,review_period,target_kind,target,method,mean_lead_time_demand,sd_lead_time_demand,mean_protection_demand,safety_stock,reorder_point,order_up_to,inventory_position,order_quantity,safety_stock_value,safety_stock_holding_cost,baseline_safety_stock,baseline_reorder_point,baseline_order_up_to. reorder_point is the continuous-review level over L, order_up_to the periodic-review level over L + R; order_quantity = max(0, order_up_to - (on_hand + on_order - backorders)) in whole units, raised to min_order and rounded up to pack_size. The baseline_ columns are the textbook normal formulas (mu L + z sigma_1 sqrt(L), ...). With --json the summary and every row go to stdout as one JSON document, and the CSV only to -o <file>.",
            "",
            "Examples:",
            "  demandcast plan -c configs/quickstart.yaml \\",
            "      --inventory sample-data/inventory.csv",
            "  demandcast plan -c configs/quickstart.yaml \\",
            "      --inventory sample-data/inventory.csv --fill-rate 0.98 -o plan.csv",
            "  demandcast plan -c configs/quickstart.yaml \\",
            "      --inventory sample-data/inventory.csv --method normal_from_quantiles",
            "  demandcast plan -c configs/quickstart.yaml --inventory stock.csv \\",
            "      --model quickstart-snaive@latest --json | jq '.series[0]'",
            ""
        })
final class PlanCommand extends BaseCommand {
    /** The one-line summary, also listed by {@code demandcast --help} without building this command (see {@link Cli}). */
    static final String HEADER = "Set reorder points, order-up-to levels and order quantities for a service target.";

    @Mixin
    ConfigMixin config;

    @Mixin
    OutputMixin output;

    @Mixin
    BackendMixin backend;

    @Option(names = "--inventory", required = true, paramLabel = "<file>",
            description = "Inventory CSV: series_id,on_hand,on_order,lead_time,review_period[,unit_cost,...] (see above).")
    Path inventory;

    /** The default target; at most one of the two (plan.service_level / plan.fill_rate otherwise). */
    static final class Target {
        @Option(names = "--service-level", paramLabel = "<alpha>",
                description = "Cycle service level for rows that give none, e.g. 0.95; overrides plan.service_level.")
        Double serviceLevel;

        @Option(names = "--fill-rate", paramLabel = "<beta>",
                description = "Fill rate for rows that give none, e.g. 0.98; overrides plan.fill_rate.")
        Double fillRate;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Target target;

    @Option(names = {"-o", "--output"}, paramLabel = "<file>",
            description = "Plan CSV to write ('-' for stdout, the default); overrides plan.output.")
    String outputFile;

    @Option(names = "--method", paramLabel = "<method>",
            description = "Where lead-time demand comes from: sample_paths (the model's simulated paths, predict.sample_paths of them, seed predict.seed) or normal_from_quantiles (a normal approximation from the forecast's 0.1/0.9 quantiles); overrides plan.method (default sample_paths).")
    io.demandcast.core.config.PlanConfig.Method method;

    @Option(names = "--model", paramLabel = "<name>[@<version>]",
            description = "The model to plan with (default: model.name at predict.version, else latest).")
    String model;

    @Override
    int doCall() throws Exception {
        ServiceTarget defaultTarget = target();
        if (model != null) {
            ModelRef ref = ModelRef.parse(spec.commandLine(), model);
            config.overrides.add("model.name=" + ref.name());
            if (ref.version() != null) {
                config.overrides.add("predict.version=" + ref.version());
            }
        }
        ExperimentConfig cfg = backend.apply(config.load(spec.commandLine()), spec.commandLine(), progress());
        if (outputFile != null) {
            cfg = cfg.withPlan(cfg.plan().withOutput(outputFile));
        }
        cfg = cfg.withPlan(cfg.plan().withMethod(method));
        String out = PlanJob.outputOf(cfg);
        boolean json = output.format() == OutputMixin.Format.json;
        if (json && "-".equals(cfg.plan().output())) {
            throw new ParameterException(spec.commandLine(), "--json and '-o -' both want stdout; write the plan to a file or drop '-o -'");
        }
        if (!"-".equals(out)) {
            io.demandcast.core.PathChecks.writableFile("plan.output", Path.of(out));
        }
        if (cfg.predict().data() == null) {
            Preflight.preparedDataCurrent(cfg, config.config, null);
        }
        InterruptNotice.doing("plan with model '" + cfg.model().name() + "'", "-".equals(out)
                ? "the plan on standard output is incomplete"
                : "the plan file " + out + " is unchanged");
        // With --json and no file, the JSON document carries the rows instead of a CSV on stdout.
        PlanSummary summary = PlanJob.run(cfg, inventory, defaultTarget, io.demandcast.core.model.ModelRegistry.standard(),
                json ? null : out(), progress());
        info(summary.text());
        if (json) {
            printJson(Summaries.withSchema("plan", summary.toMap()));
        }
        return ExitCodes.OK;
    }

    /** The target the options give, null for the config's; a share outside (0, 1) is a usage error. */
    private ServiceTarget target() {
        if (target == null) {
            return null;
        }
        try {
            return target.fillRate != null ? ServiceTarget.fillRate(target.fillRate) : ServiceTarget.cycleService(target.serviceLevel);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), (target.fillRate != null ? "--fill-rate: " : "--service-level: ") + e.getMessage());
        }
    }
}
