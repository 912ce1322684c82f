package io.demandcast.spark;

import io.demandcast.core.DemandcastException;
import io.demandcast.core.Progress;
import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.config.GateRule;
import io.demandcast.core.evaluate.backtest.BacktestJob;
import io.demandcast.core.evaluate.backtest.BacktestSummary;
import io.demandcast.core.model.ModelRegistry;
import java.io.IOException;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@code evaluate} on Spark: core's {@link BacktestJob} (the plan of rolling-origin windows, scoring,
 * leaderboard, gate and every report file of {@code demandcast evaluate}) with each model's windows
 * run per partition of series on executors ({@link SparkBacktestRunner}).
 */
public final class SparkEvaluate {
    private SparkEvaluate() {
    }

    /**
     * What a run did.
     *
     * @param summary    what {@code demandcast evaluate} returns: the leaderboard, gate verdict and files written
     * @param partitions partitions the series were split into
     * @param models     per model, the executor seconds its windows took
     */
    public record Result(BacktestSummary summary, int partitions, List<ModelCost> models) {
    }

    /**
     * One model's windows on the executors.
     *
     * @param executorSeconds wall seconds of its partitions' runs, summed over partitions
     */
    public record ModelCost(String model, int partitions, double executorSeconds) {
    }

    /**
     * @param partitions the number of partitions for a split by series key (ignored with {@code groupBy})
     * @param groupBy    a static column: one partition (one model per window) per value; null to split by series key
     * @throws DemandcastException (a user error) for models the executors cannot build from the config alone:
     *                             {@code models[i].artifact} and gate rules relative to the production model
     */
    public static Result run(JavaSparkContext sc, ExperimentConfig config, int partitions, String groupBy, Progress progress)
            throws IOException {
        for (int i = 0; i < config.models().size(); i++) {
            if (config.models().get(i).artifact() != null) {
                throw new DemandcastException("models[" + i + "].artifact: the Spark job evaluates models built from the config"
                        + " (family and params) only; name the stored model's family and params instead, or use 'demandcast evaluate'");
            }
        }
        if (config.gate().stream().anyMatch(r -> GateRule.PRODUCTION.equals(r.relativeTo()))) {
            throw new DemandcastException("gate: rules relative_to: production are not run by the Spark job (the champion is"
                    + " read from the driver's store); use 'demandcast evaluate' for champion/challenger gates");
        }
        try (SparkBacktestRunner runner = new SparkBacktestRunner(sc, ConfigLoader.toYaml(config), partitions, groupBy)) {
            BacktestSummary summary = BacktestJob.run(config, ModelRegistry.standard(), progress, runner);
            return new Result(summary, runner.partitionCount(), runner.summaries());
        }
    }
}
