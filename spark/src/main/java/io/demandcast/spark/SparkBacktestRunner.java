package io.demandcast.spark;

import io.demandcast.core.Progress;
import io.demandcast.core.data.Panel;
import io.demandcast.core.evaluate.backtest.BacktestModel;
import io.demandcast.core.evaluate.backtest.BacktestPlan;
import io.demandcast.core.evaluate.backtest.BacktestRunner;
import io.demandcast.core.evaluate.backtest.ModelRun;
import io.demandcast.core.model.FeatureImportance;
import io.demandcast.core.model.FitOutcome;
import io.demandcast.core.model.Forecast;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The {@link BacktestRunner} of the Spark job's {@code evaluate}: each model's windows run on executors
 * partition by partition ({@link PartitionBacktest}, core's engine), and the partitions' forecasts are
 * merged into the forecasts one process would have made, series in the plan's order. Scoring stays
 * with core on the driver over the merged forecasts, so every mean over series (RMSSE, WRMSSE, the
 * conformal quantiles pooled across series) is computed from all series at once, never averaged
 * from partitions.
 *
 * <p>The partitions are cut and shipped once, at the first model, and kept on the executors
 * ({@link JavaRDD#cache}) for the models after it; {@link #close} releases them.
 */
final class SparkBacktestRunner implements BacktestRunner, AutoCloseable {
    private final JavaSparkContext sc;
    private final String configYaml;
    private final int partitions;
    private final String groupBy;
    private final List<SparkEvaluate.ModelCost> summaries = new ArrayList<>();
    private Panel cutFrom;
    private BacktestPlan plannedBy;
    private JavaRDD<PartitionBacktest.Input> inputs;
    private int partitionCount;

    /**
     * @param configYaml the resolved config, parsed again on the executors
     * @param partitions partitions by series key (ignored with {@code groupBy})
     * @param groupBy    a static column: one partition per value (one global model per group); null to split by key
     */
    SparkBacktestRunner(JavaSparkContext sc, String configYaml, int partitions, String groupBy) {
        this.sc = sc;
        this.configYaml = configYaml;
        this.partitions = partitions;
        this.groupBy = groupBy;
    }

    @Override
    public ModelRun run(BacktestModel model, Panel history, BacktestPlan plan, int refitInterval, double[] levels,
                        UnaryOperator<Forecast> adjust, Progress progress, Collection<String> pastOnly) {
        long t0 = System.nanoTime();
        JavaRDD<PartitionBacktest.Input> rdd = inputs(history, plan);
        List<PartitionBacktest.Output> outs = new ArrayList<>(rdd.map(new PartitionBacktest(configYaml, model.name(), refitInterval,
                levels, List.copyOf(pastOnly))).collect());
        outs.sort(Comparator.comparingInt(o -> o.partition().index()));
        int windows = plan.windows();
        List<Forecast> raw = new ArrayList<>();
        List<Forecast> forecasts = new ArrayList<>();
        List<Boolean> refitted = new ArrayList<>();
        for (int w = 0; w < windows; w++) {
            Forecast merged = merge(outs, w, plan, history);
            raw.add(merged);
            // Clipping is per value: clipping the merged forecast is clipping each partition's.
            forecasts.add(adjust.apply(merged));
            refitted.add(BacktestPlan.refitWindow(w, refitInterval) == w);
        }
        List<FitOutcome> lastFit = outs.stream().flatMap(o -> Arrays.stream(o.outcomes())).map(PartitionBacktest.Outcome::toFitOutcome)
                .sorted(Comparator.comparingInt(f -> plan.indexOf(f.seriesId()))).toList();
        // Feature importance belongs to one fitted model: with several partitions there are several models.
        List<FeatureImportance> importance = outs.size() == 1 ? Arrays.stream(outs.get(0).importance())
                .map(PartitionBacktest.Importance::toFeatureImportance).toList() : List.of();
        summaries.add(new SparkEvaluate.ModelCost(model.name(), outs.size(), outs.stream().mapToDouble(PartitionBacktest.Output::seconds).sum()));
        return new ModelRun(model, forecasts, raw, refitted, (System.nanoTime() - t0) / 1e9, importance, List.of(), lastFit);
    }

    /** What each model cost on the executors, in run order. */
    List<SparkEvaluate.ModelCost> summaries() {
        return List.copyOf(summaries);
    }

    /** Partitions the run was split into (0 before the first model). */
    int partitionCount() {
        return partitionCount;
    }

    /** The partitions of {@code history}, cut and shipped at the first call and reused while the panel and plan are the same. */
    private JavaRDD<PartitionBacktest.Input> inputs(Panel history, BacktestPlan plan) {
        if (inputs != null && history == cutFrom && plan == plannedBy) {
            return inputs;
        }
        close();
        List<Partitioning.Partition> parts = groupBy == null ? Partitioning.byKey(history, partitions)
                : Partitioning.byGroup(history, groupBy);
        List<PartitionBacktest.Input> list = new ArrayList<>();
        for (Partitioning.Partition p : parts) {
            list.add(new PartitionBacktest.Input(p, SeriesBlock.of(history, p.positions()), PlanBlock.of(plan, p.positions())));
        }
        inputs = sc.parallelize(list, Math.max(1, list.size())).cache();
        cutFrom = history;
        plannedBy = plan;
        partitionCount = list.size();
        return inputs;
    }

    /**
     * Window {@code w}'s forecasts of every partition as one, series in the plan's order (the order
     * {@link io.demandcast.core.evaluate.backtest.BacktestEngine} forecasts them in one process).
     */
    private static Forecast merge(List<PartitionBacktest.Output> outs, int w, BacktestPlan plan, Panel axisOf) {
        List<int[]> rows = new ArrayList<>();   // {plan index, output, row in its block}
        for (int o = 0; o < outs.size(); o++) {
            ForecastBlock b = outs.get(o).raw()[w];
            for (int i = 0; i < b.seriesIds().length; i++) {
                rows.add(new int[] {plan.indexOf(b.seriesIds()[i]), o, i});
            }
        }
        rows.sort(Comparator.comparingInt(r -> r[0]));
        int n = rows.size();
        int h = plan.horizon();
        ForecastBlock first = outs.get(0).raw()[w];
        double[] levels = first.levels();
        String[] ids = new String[n];
        int[] firstPeriods = new int[n];
        double[] point = new double[n * h];
        double[][] q = new double[levels.length][n * h];
        for (int at = 0; at < n; at++) {
            int[] r = rows.get(at);
            ForecastBlock b = outs.get(r[1]).raw()[w];
            int i = r[2];
            ids[at] = b.seriesIds()[i];
            firstPeriods[at] = b.firstPeriods()[i];
            System.arraycopy(b.point(), i * h, point, at * h, h);
            for (int l = 0; l < levels.length; l++) {
                System.arraycopy(b.quantiles()[l], i * h, q[l], at * h, h);
            }
        }
        return new Forecast(first.model(), axisOf.axis(), ids, firstPeriods, h, point, levels, q);
    }

    @Override
    public void close() {
        if (inputs != null) {
            inputs.unpersist(false);
            inputs = null;
        }
    }
}
