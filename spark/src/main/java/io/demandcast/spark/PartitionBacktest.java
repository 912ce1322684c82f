package io.demandcast.spark;

import io.demandcast.core.Progress;
import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.data.Panel;
import io.demandcast.core.evaluate.backtest.BacktestEngine;
import io.demandcast.core.evaluate.backtest.BacktestModel;
import io.demandcast.core.evaluate.backtest.BacktestModels;
import io.demandcast.core.evaluate.backtest.BacktestPlan;
import io.demandcast.core.evaluate.backtest.ModelRun;
import io.demandcast.core.model.FallbackReason;
import io.demandcast.core.model.FeatureImportance;
import io.demandcast.core.model.FitOutcome;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelRegistry;
import java.io.Serializable;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.spark.api.java.function.Function;

/**
 * The executor side of {@code evaluate}: one model's rolling-origin windows over one partition's
 * series, run by core's {@link BacktestEngine} (the loop {@code demandcast evaluate} runs) on the
 * driver's plan for those series. It returns the raw forecasts of every window; the driver merges
 * the partitions' forecasts and scores them ({@link SparkBacktestRunner}).
 */
final class PartitionBacktest implements Function<PartitionBacktest.Input, PartitionBacktest.Output> {
    private static final long serialVersionUID = 1L;

    /** One partition's series (every prepared row: known covariates come from beyond the cutoffs) and its windows. */
    record Input(Partitioning.Partition partition, SeriesBlock history, PlanBlock plan) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * One partition's run of one model.
     *
     * @param raw        per window, the forecast before clipping (the driver clips the merged forecast)
     * @param outcomes   the fit outcomes of the model fitted on the last refit window, per series
     * @param importance that model's feature importance (global families that explain themselves)
     * @param seconds    wall time of the run on the executor
     */
    record Output(Partitioning.Partition partition, ForecastBlock[] raw, Outcome[] outcomes, Importance[] importance,
                  double seconds) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** A {@link FitOutcome} as plain strings; {@code reason} is the fallback reason's name, or null. */
    record Outcome(String seriesId, String asked, String used, String reason) implements Serializable {
        private static final long serialVersionUID = 1L;

        FitOutcome toFitOutcome() {
            return new FitOutcome(seriesId, asked, used, reason == null ? null : FallbackReason.valueOf(reason));
        }
    }

    /** A {@link FeatureImportance} as plain values. */
    record Importance(String feature, double share, double coefficient) implements Serializable {
        private static final long serialVersionUID = 1L;

        FeatureImportance toFeatureImportance() {
            return new FeatureImportance(feature, share, coefficient);
        }
    }

    private final String configYaml;
    private final String model;
    private final int refitInterval;
    private final double[] levels;
    private final String[] pastOnly;

    /**
     * @param configYaml    the resolved config ({@link ConfigLoader#toYaml}), parsed again on the executor
     * @param model         the leaderboard name of the model to run (one of the config's, or the baseline)
     * @param refitInterval refit on every {@code refitInterval}-th window
     * @param levels        quantile levels to forecast
     */
    PartitionBacktest(String configYaml, String model, int refitInterval, double[] levels, List<String> pastOnly) {
        this.configYaml = configYaml;
        this.model = model;
        this.refitInterval = refitInterval;
        this.levels = levels.clone();
        this.pastOnly = pastOnly.toArray(String[]::new);
    }

    @Override
    public Output call(Input in) throws Exception {
        ExperimentConfig config = ConfigLoader.parse(configYaml, "the Spark job's config", null);
        Panel history = in.history().toPanel();
        BacktestPlan plan = in.plan().toPlan(history);
        int season = config.data().seasonLength() != null ? config.data().seasonLength() : history.frequency().defaultSeasonLength();
        // The context evaluate builds on one machine, so each model is the same forecaster there and here.
        ModelContext context = new ModelContext(history.frequency(), season, plan.horizon(), List.of(pastOnly))
                .withQuantileLevels(config.predict().levels());
        BacktestModel m = BacktestModels.resolve(config, ModelRegistry.standard(), context, false).models().stream()
                .filter(x -> x.name().equals(model)).findFirst()
                .orElseThrow(() -> new IllegalStateException("model " + model + " is not among the config's models"));
        long t0 = System.nanoTime();
        ModelRun run = BacktestEngine.run(m, history, plan, refitInterval, levels, UnaryOperator.identity(), Progress.NONE,
                List.of(pastOnly));
        double seconds = (System.nanoTime() - t0) / 1e9;
        ForecastBlock[] raw = run.raw().stream().map(f -> ForecastBlock.of(in.partition(), f)).toArray(ForecastBlock[]::new);
        Outcome[] outcomes = run.lastFit().stream().map(o -> new Outcome(o.seriesId(), o.familyAsked(), o.familyUsed(),
                o.reason() == null ? null : o.reason().name())).toArray(Outcome[]::new);
        Importance[] importance = run.importance().stream().map(f -> new Importance(f.feature(), f.share(), f.coefficient()))
                .toArray(Importance[]::new);
        return new Output(in.partition(), raw, outcomes, importance, seconds);
    }
}
