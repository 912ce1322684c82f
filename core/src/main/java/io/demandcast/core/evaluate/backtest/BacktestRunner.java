package io.demandcast.core.evaluate.backtest;

import io.demandcast.core.Progress;
import io.demandcast.core.data.Panel;
import io.demandcast.core.model.Forecast;
import java.util.Collection;
import java.util.function.UnaryOperator;

/**
 * Runs one model over every window of a plan, with the arguments of {@link BacktestEngine#run}.
 * {@code evaluate} on one machine runs {@link BacktestEngine#run} itself; the Spark job (module
 * {@code spark}) passes a runner that calls it on partitions of series on executors and merges their
 * forecasts, so the windows, scoring and files of {@link BacktestJob} stay one implementation.
 */
@FunctionalInterface
public interface BacktestRunner {
    /** The single-process engine. */
    BacktestRunner LOCAL = BacktestEngine::run;

    ModelRun run(BacktestModel model, Panel history, BacktestPlan plan, int refitInterval, double[] levels,
                 UnaryOperator<Forecast> adjust, Progress progress, Collection<String> pastOnly);
}
