package io.demandcast.core.model.ml;

import io.demandcast.core.Progress;
import io.demandcast.core.data.Panel;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecaster;
import io.demandcast.core.model.ml.features.FeatureLayout;
import io.demandcast.core.model.ml.features.FeatureSchema;
import io.demandcast.core.model.ml.features.SeriesFrame;
import io.demandcast.core.model.ml.regressor.Regressor;
import io.demandcast.core.model.ml.regressor.RegressorSpec;
import io.demandcast.core.model.ml.regressor.RegressorSpecs;
import io.demandcast.core.model.ml.regressor.TrainingTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * A global ML model: one regressor (per strategy step model, per group) fitted across all series
 * on features computed from the panel, and with {@code quantiles: loss} one more per quantile
 * level on the same table. See {@link FittedMlModel} for forecasting.
 */
public final class MlForecaster implements Forecaster {
    /** At most this many training rows are predicted to estimate the residual quantiles. */
    static final int RESIDUAL_ROWS = 20_000;

    private final String family;
    private final MlSpec spec;
    private final RegressorSpec regressor;
    private final boolean linear;
    private final double[] quantileLevels;
    private final List<RegressorSpec> quantileRegressors;

    /**
     * @throws IllegalArgumentException naming {@code model.params.quantiles} when it is {@code loss}
     *                                  and the learner has no quantile loss
     */
    public MlForecaster(String family, MlSpec spec, RegressorSpec regressor, boolean linear) {
        this.family = family;
        this.spec = spec;
        this.regressor = regressor;
        this.linear = linear;
        this.quantileLevels = spec.fittedQuantileLevels();
        List<RegressorSpec> q = new ArrayList<>();
        if (spec.quantiles() == MlSpec.Quantiles.LOSS) {
            try {
                regressor.withQuantile(0.5);
                for (double tau : quantileLevels) {
                    q.add(regressor.withQuantile(tau));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("model.params.quantiles: loss needs a learner with a quantile (pinball) loss ("
                        + String.join(", ", RegressorSpecs.QUANTILE_LEARNERS) + "), but " + e.getMessage()
                        + ": use quantiles: residual, or predict.intervals: conformal", e);
            }
        }
        this.quantileRegressors = List.copyOf(q);
    }

    @Override
    public String family() {
        return family;
    }

    public MlSpec spec() {
        return spec;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> m = new LinkedHashMap<>(regressor.parameters());
        m.putAll(spec.parameters());
        return m;
    }

    @Override
    public FittedModel fit(Panel history) {
        return fit(history, Progress.Task.NONE);
    }

    /** Which of several fits a progress note is about: the group and the step block, when there are more than one. */
    private String fitScope(List<String> groups, int g, int blocks, int b) {
        String scope = groups.size() > 1 ? " (" + spec.groupBy() + " " + groups.get(g) + ", " + (g + 1) + "/" + groups.size() : "";
        if (blocks > 1) {
            scope += (scope.isEmpty() ? " (" : ", ") + "step block " + (b + 1) + "/" + blocks;
        }
        return scope.isEmpty() ? "" : scope + ")";
    }

    /**
     * Builds each series' frame and state once, then for each group and step model its training
     * table, fits it, measures its residuals and fits the quantile regressors on the same table;
     * {@code task} advances as regressors are fitted (its {@code history.seriesCount()} steps spread
     * over them: each quantile level is one more fit).
     */
    @Override
    public FittedModel fit(Panel history, Progress.Task task) {
        FeatureSchema schema = FeatureSchema.of(history, spec, linear);
        TargetTransform transform = new TargetTransform(spec.scale(), spec.scaleWindow(), spec.transform());
        int horizon = spec.context().horizon();
        List<int[]> blocks = spec.stepBlocks(horizon);
        List<FeatureLayout> layouts = new ArrayList<>();
        for (int[] b : blocks) {
            int minLag = spec.strategy() == MlSpec.Strategy.RECURSIVE ? 1 : b[1];
            layouts.add(new FeatureLayout(schema, history.axis(), spec.lags(), spec.rolling(), spec.rollingStats(), spec.priceMomentum(), minLag));
        }
        for (FeatureLayout layout : layouts) {
            try {
                regressor.checkFeatures(layout.names());
            } catch (IllegalArgumentException e) {
                // a setting naming a column the data lacks: bad input, reported before any table is built
                throw new io.demandcast.core.data.DataException(family + ": " + e.getMessage(), e);
            }
        }
        int tail = tailLength(layouts, schema);
        int n = history.seriesCount();
        List<String> groups = new ArrayList<>();
        int[] groupOf = groups(history, groups);
        HistoryFrames.Built[] built = new HistoryFrames.Built[n];
        IntStream.range(0, n).parallel().forEach(s -> built[s] = HistoryFrames.of(history, s, schema, transform, groupOf[s], 0, tail));
        List<List<StepModel>> models = new ArrayList<>();
        int fitsPerModel = 1 + quantileRegressors.size();
        int total = groups.size() * layouts.size() * fitsPerModel;
        int done = 0;
        for (int g = 0; g < groups.size(); g++) {
            List<SeriesFrame> frames = new ArrayList<>();
            for (int s = 0; s < n; s++) {
                if (groupOf[s] == g) {
                    frames.add(built[s].frame());
                }
            }
            List<StepModel> stepModels = new ArrayList<>();
            for (int b = 0; b < layouts.size(); b++) {
                TrainingTable table = TrainingTables.build(frames, layouts.get(b), spec.maxTrainPeriods());
                // One global fit is one step of the task: without a note its bar would sit at 0 % for minutes.
                task.note(family + ": fitting " + regressor.name() + " on " + table.rows() + " rows x " + table.names().size()
                        + " features" + fitScope(groups, g, layouts.size(), b));
                if (table.rows() == 0) {
                    throw new IllegalArgumentException(family + ": no training rows" + (spec.groupBy() == null ? "" : " in group "
                            + spec.groupBy() + "='" + groups.get(g) + "'") + ": every series needs a value after its first period");
                }
                Regressor fitted = regressor.fit(table, spec.seed());
                done++;
                task.step((long) done * n / total - (long) (done - 1) * n / total);
                List<Regressor> quantiles = new ArrayList<>();
                for (RegressorSpec q : quantileRegressors) {
                    quantiles.add(q.fit(table, spec.seed()));
                    done++;
                    task.step((long) done * n / total - (long) (done - 1) * n / total);
                }
                stepModels.add(new StepModel(blocks.get(b)[0], blocks.get(b)[1], layouts.get(b), fitted, residualGrid(table, fitted),
                        quantiles.isEmpty() ? LossQuantiles.NONE : new LossQuantiles(quantileLevels, quantiles)));
            }
            models.add(List.copyOf(stepModels));
        }
        return new FittedMlModel(family, parameters(), spec, schema, history.axis(), tail, groups, models,
                java.util.Arrays.stream(built).map(HistoryFrames.Built::state).toList());
    }

    /** The periods of history a forecast reads back from its first step: the layouts' reach, the past-only lag, at least 1. */
    static int tailLength(List<FeatureLayout> layouts, FeatureSchema schema) {
        int tail = 1;
        for (FeatureLayout l : layouts) {
            tail = Math.max(tail, l.reach());
        }
        if (!schema.pastOnly().isEmpty()) {
            tail = Math.max(tail, schema.pastLag());
        }
        return tail;
    }

    /**
     * Group index of each series (sorted values of the {@code group_by} static), filling {@code names}.
     * {@code group_by: series} without a static column of that name is one model per series, each
     * named by its series id: its own price response, which a static shared by several series cannot
     * give unless the data carries a per-series code.
     */
    private int[] groups(Panel history, List<String> names) {
        int n = history.seriesCount();
        int[] out = new int[n];
        if (spec.groupBy() == null) {
            names.add("");
            return out;
        }
        if (spec.groupBy().equals(MlSpec.PER_SERIES) && !history.staticNames().contains(MlSpec.PER_SERIES)) {
            for (int s = 0; s < n; s++) {
                names.add(history.seriesId(s));
                out[s] = s;
            }
            return out;
        }
        if (!history.staticNames().contains(spec.groupBy())) {
            throw new IllegalArgumentException("model.params.group_by: no static column '" + spec.groupBy() + "' in the data (statics: "
                    + (history.staticNames().isEmpty() ? "none" : String.join(", ", history.staticNames())) + ")");
        }
        TreeSet<String> values = new TreeSet<>();
        for (int s = 0; s < n; s++) {
            values.add(groupValue(history.staticValue(spec.groupBy(), s)));
        }
        names.addAll(values);
        for (int s = 0; s < n; s++) {
            out[s] = names.indexOf(groupValue(history.staticValue(spec.groupBy(), s)));
        }
        return out;
    }

    static String groupValue(String v) {
        return v == null ? "" : v;
    }

    /** Residual quantiles of the fitted regressor over (a regular subsample of) its training rows. */
    private static double[] residualGrid(TrainingTable table, Regressor fitted) {
        int stride = Math.max(1, table.rows() / RESIDUAL_ROWS);
        int count = (table.rows() + stride - 1) / stride;
        double[] residuals = new double[count];
        IntStream.range(0, count).parallel().forEach(i -> {
            int r = i * stride;
            residuals[i] = table.target()[r] - fitted.predict(TrainingTables.row(table, r, new float[table.features()]));
        });
        return ResidualQuantiles.grid(residuals);
    }
}
