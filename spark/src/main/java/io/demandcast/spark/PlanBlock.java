package io.demandcast.spark;

import io.demandcast.core.data.Panel;
import io.demandcast.core.evaluate.backtest.BacktestPlan;
import java.io.Serializable;

/**
 * The driver's backtest plan restricted to one partition's series, as plain arrays (how the job ships
 * everything to executors): the executor rebuilds exactly these cutoffs and training starts
 * ({@link #toPlan}) instead of planning its partition alone, which could cut it elsewhere.
 *
 * @param horizon periods forecast per window
 * @param cutoffs per window, per series of the partition: the cutoff, or {@link BacktestPlan#LEFT_OUT}
 * @param starts  per window, per series of the partition: the first training period
 * @param labels  per window, its description
 */
record PlanBlock(int horizon, int[][] cutoffs, int[][] starts, String[] labels) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The plan's windows for the series at {@code positions} (indices in the plan, in the partition's order). */
    static PlanBlock of(BacktestPlan plan, int[] positions) {
        int windows = plan.windows();
        int[][] cutoffs = new int[windows][positions.length];
        int[][] starts = new int[windows][positions.length];
        String[] labels = new String[windows];
        for (int w = 0; w < windows; w++) {
            labels[w] = plan.label(w);
            for (int i = 0; i < positions.length; i++) {
                cutoffs[w][i] = plan.cutoff(w, positions[i]);
                starts[w][i] = plan.trainStart(w, positions[i]);
            }
        }
        return new PlanBlock(plan.horizon(), cutoffs, starts, labels);
    }

    /** The plan over {@code panel}, the partition's series in the order they were cut. */
    BacktestPlan toPlan(Panel panel) {
        return BacktestPlan.restore(panel.axis(), panel.seriesIds(), horizon, cutoffs, starts, labels);
    }
}
