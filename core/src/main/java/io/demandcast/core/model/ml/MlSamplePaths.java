package io.demandcast.core.model.ml;

import io.demandcast.core.model.SamplePaths;
import io.demandcast.core.model.ml.features.SeriesFrame;
import io.demandcast.core.model.ml.features.SeriesState;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Sample paths of a global ML model by a bootstrap of its residuals: each draw is a residual of the
 * step model that predicts the step, read from its {@link ResidualQuantiles} grid at a uniform level
 * (the in-sample residuals of the fit, pooled over the series of its group, in the transformed
 * target space; the grid keeps their 0.5 % .. 99.5 % quantiles, so the drawn tails stop there).
 *
 * <p>Recursive strategy ({@code residual_bootstrap_recursive}): every path runs the forecasting loop
 * itself, the drawn one-step residual added to each prediction before later steps' lags and rolling
 * statistics read it, so errors propagate as they would. Direct and hybrid
 * ({@code residual_bootstrap_direct}): each step's prediction reads the history only, so the paths
 * are the point forecasts plus independent draws per step; errors that persist from one step to
 * the next in reality are not reproduced, and lead-time spread is understated when they do.
 */
final class MlSamplePaths {
    private MlSamplePaths() {
    }

    /** What the simulation reads of a fitted model. */
    record Model(MlSpec spec, List<List<StepModel>> models, List<SeriesState> states, int tail, TargetTransform transform) {
    }

    static void simulate(Model model, FutureInputs future, int h, int paths, long seed, SamplePaths.Sink sink) {
        boolean recursive = model.spec().strategy() == MlSpec.Strategy.RECURSIVE;
        IntStream.range(0, model.states().size()).parallel().forEach(s -> {
            SeriesState state = model.states().get(s);
            SeriesFrame frame = state.forecastFrame(future.known()[s], future.price()[s], future.categorical()[s], h);
            List<StepModel> group = model.models().get(state.group());
            SplittableRandom random = new SplittableRandom(SamplePaths.seriesSeed(seed, state.id()));
            double[][] values = new double[paths][h];
            if (recursive) {
                recursive(model, state, frame, group.get(0), random, values);
            } else {
                direct(model, state, frame, group, random, values);
            }
            sink.accept(s, new SamplePaths.Paths(recursive ? "residual_bootstrap_recursive" : "residual_bootstrap_direct", values));
        });
    }

    private static void recursive(Model model, SeriesState state, SeriesFrame frame, StepModel m, SplittableRandom random, double[][] values) {
        int tail = model.tail();
        float[] row = new float[m.layout().size()];
        double[] z = frame.z();
        for (double[] path : values) {
            Arrays.fill(z, tail, z.length, Double.NaN);
            for (int k = 0; k < path.length; k++) {
                int pos = tail + k;
                m.layout().fill(frame, pos, row);
                double point = m.regressor().predict(row);
                double drawn = (Double.isFinite(point) ? point : 0) + ResidualQuantiles.at(m.residualGrid(), random.nextDouble());
                z[pos] = drawn;
                path[k] = model.transform().back(drawn, state.divisor());
            }
        }
    }

    private static void direct(Model model, SeriesState state, SeriesFrame frame, List<StepModel> group, SplittableRandom random,
                               double[][] values) {
        int h = values[0].length;
        double[] point = new double[h];
        StepModel[] used = new StepModel[h];
        float[] row = null;
        StepModel current = null;
        for (int k = 1; k <= h; k++) {
            StepModel m = FittedMlModel.covering(group, k);
            if (m != current) {
                current = m;
                row = new float[m.layout().size()];
            }
            m.layout().fill(frame, model.tail() + k - 1, row);
            double z = m.regressor().predict(row);
            point[k - 1] = Double.isFinite(z) ? z : 0;
            used[k - 1] = m;
        }
        for (double[] path : values) {
            for (int k = 0; k < h; k++) {
                path[k] = model.transform().back(point[k] + ResidualQuantiles.at(used[k].residualGrid(), random.nextDouble()), state.divisor());
            }
        }
    }
}
