package io.demandcast.core.plan;

import io.demandcast.core.AtomicFiles;
import io.demandcast.core.DemandcastException;
import io.demandcast.core.Progress;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.config.PlanConfig;
import io.demandcast.core.config.PredictConfig;
import io.demandcast.core.data.DataException;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ModelRegistry;
import io.demandcast.core.model.PublishedModel;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The {@code plan} verb: an inventory file and a published model to an inventory policy per series.
 * The inventory file is read and checked first, then the model is loaded as {@code predict} loads it
 * and forecasts the longest lead time plus review period of the file; each series' lead-time demand
 * comes from the {@link LeadTimeSource} of {@code plan.method} ({@link SampledLeadTimes} by default,
 * else {@link QuantileLeadTimes}), and {@link SeriesPlan#of} applies the policy. Nothing is written
 * before everything is computed; the CSV is written whole (temp file, then rename) or not at all.
 */
public final class PlanJob {
    /** The levels asked of a model whose intervals are its own: the 80 % central interval gives sigma. */
    private static final double[] MODEL_LEVELS = {0.1, 0.5, 0.9};

    private PlanJob() {
    }

    /** Where the plan CSV goes: {@code plan.output}; null or {@code -} is standard output. */
    public static String outputOf(ExperimentConfig config) {
        String out = config.plan().output();
        return out == null ? "-" : out;
    }

    /** The service target of {@code plan}'s config section (the default of rows that give none). */
    public static ServiceTarget targetOf(PlanConfig plan) {
        return plan.fillRate() != null ? ServiceTarget.fillRate(plan.fillRate()) : ServiceTarget.cycleService(plan.serviceLevel());
    }

    /**
     * @param inventory the inventory file ({@link InventoryCsv})
     * @param target    the default target; null for the config's ({@link #targetOf})
     * @param stdout    where the CSV goes when {@link #outputOf} is standard output; null to write none
     *                  there (the caller prints the rows as JSON)
     * @throws io.demandcast.core.data.DataException naming file:line:column for a bad inventory file or a
     *                                              series the model does not forecast; nothing written
     * @throws io.demandcast.core.artifact.ArtifactException when the model is missing, tampered or too old
     */
    public static PlanSummary run(ExperimentConfig config, Path inventory, ServiceTarget target, ModelRegistry registry, Writer stdout,
                                  Progress progress) throws IOException {
        Inventory stock = InventoryCsv.read(inventory);
        ServiceTarget defaultTarget = target != null ? target : targetOf(config.plan());
        double holdingRate = config.plan().holdingRate() == null ? Double.NaN : config.plan().holdingRate();
        PublishedModel model = PublishedModel.load(config, registry, progress);
        stock.requireKnown(model.seriesIds(), model.name() + " " + model.version());
        int horizon = stock.longestProtection();
        Forecast forecast = model.forecastUnclipped(horizon, levels(config));
        QuantileLeadTimes quantiles;
        try {
            quantiles = new QuantileLeadTimes(forecast, model.clipsAtZero());
        } catch (IllegalArgumentException e) {
            throw new DemandcastException("plan: " + e.getMessage(), e);
        }
        // The forecast's quantiles always give the baseline; plan.method picks the policy's lead-time demand.
        LeadTimeSource source = config.plan().method() == PlanConfig.Method.normal_from_quantiles
                ? quantiles : sampled(config, model, stock, progress);
        List<SeriesPlan> plans = plans(stock, defaultTarget, holdingRate, source, quantiles);
        String output = outputOf(config);
        if (!"-".equals(output)) {
            AtomicFiles.write(Path.of(output), out -> PlanCsvWriter.write(plans, out));
        } else if (stdout != null) {
            PlanCsvWriter.write(plans, stdout);
        }
        return new PlanSummary(model.name(), model.version(), inventory.toString(), output, source.method(), defaultTarget,
                model.dataEnd() == null ? null : model.dataEnd().toString(), horizon, plans);
    }

    /**
     * Sample paths of the model over every interval length the rows need (L and L + R), with
     * {@code predict.sample_paths} paths seeded by {@code predict.seed}.
     */
    private static SampledLeadTimes sampled(ExperimentConfig config, PublishedModel model, Inventory stock, Progress progress)
            throws IOException {
        SortedSet<Integer> lengths = new TreeSet<>();
        for (InventoryRow row : stock.rows()) {
            lengths.add(row.leadTime());
            lengths.add(row.leadTime() + row.reviewPeriod());
        }
        PredictConfig predict = config.predict();
        progress.report("plan: lead-time demand over " + lengths + " periods, " + predict.samplePaths()
                + " sample paths per series (seed " + predict.seed() + ")");
        try {
            return SampledLeadTimes.estimate(model.model(), model.history(), model::futureCovariates, lengths, predict.samplePaths(),
                    predict.seed(), model.clipsAtZero(),
                    model.calibration(), progress);
        } catch (IllegalArgumentException e) {
            throw new DataException("plan: " + e.getMessage(), e);
        }
    }

    /**
     * The policy of every inventory row, in file order: lead-time demand over L and L + R from
     * {@code source} (its {@code method} per series), the normal baseline from {@code baseline}'s mean
     * per period and one-step sigma. This is where any estimator of lead-time demand plugs in.
     *
     * @param defaultTarget the target of rows that give none
     * @param holdingRate   the holding rate of rows that give none, NaN for none
     */
    public static List<SeriesPlan> plans(Inventory stock, ServiceTarget defaultTarget, double holdingRate, LeadTimeSource source,
                                         QuantileLeadTimes baseline) {
        List<SeriesPlan> plans = new ArrayList<>(stock.rows().size());
        for (InventoryRow given : stock.rows()) {
            InventoryRow row = given.withDefaults(defaultTarget, holdingRate);
            String id = row.seriesId();
            int l = row.leadTime();
            int lr = l + row.reviewPeriod();
            NormalBaseline normal = NormalBaseline.of(baseline.meanPerPeriod(id, lr), baseline.sigma1(id), l, row.reviewPeriod(), row.target());
            plans.add(SeriesPlan.of(row, source.method(id), source.demand(id, l), source.demand(id, lr), normal));
        }
        return plans;
    }

    /**
     * The model's own intervals at 0.1, 0.5 and 0.9; conformal intervals only at the levels they were
     * calibrated at, {@code predict.quantiles} (QuantileLeadTimes picks the pair nearest 0.1 and 0.9).
     */
    private static double[] levels(ExperimentConfig config) {
        if (config.predict().intervals() == PredictConfig.Intervals.conformal) {
            return config.predict().quantiles().stream().mapToDouble(Double::doubleValue).toArray();
        }
        return MODEL_LEVELS.clone();
    }
}
