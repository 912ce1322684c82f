package io.demandcast.core.model.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.TimeAxis;
import io.demandcast.core.model.Explainable;
import io.demandcast.core.model.ExplainedPoint;
import io.demandcast.core.model.FeatureImportance;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.UpdateMode;
import io.demandcast.core.model.ml.features.FeatureLayout;
import io.demandcast.core.model.ml.features.FeatureSchema;
import io.demandcast.core.model.ml.features.SeriesFrame;
import io.demandcast.core.model.ml.features.SeriesState;
import io.demandcast.core.model.ml.regressor.Regressor;
import io.demandcast.core.model.stat.Params;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A fitted global ML model: its step models per group, the feature schema and each series' state,
 * enough to forecast without the training panel. Immutable.
 *
 * <p>Saved as {@code ml.json} (format below) and one directory per regressor,
 * {@code regressors/g<group>-m<model>/} for the point regressor of each group and step model and,
 * with {@code quantiles: loss}, {@code regressors/g<group>-m<model>-q<i>/} for its quantile
 * regressor of the i-th fitted level, all written by {@link Regressor#write}:
 * <pre>
 * { "format_version": 1, "family": "gbm", "parameters": {model.params as fitted},
 *   "context": {"frequency", "season_length", "horizon", "past_only": [...], "quantile_levels": [...]},
 *   "anchor": "2011-01-29",
 *   "schema": {"calendar", "known", "price", "categorical": [{name, levels, one_hot}], "statics": [...],
 *              "past_only", "past_lag", "linear"},
 *   "tail_length": 28,
 *   "groups": [ {"value": "CA", "models": [ {"first_step", "last_step", "min_lag", "feature_names": [...],
 *                 "regressor": "regressors/g0-m0", "residual_quantiles": [199 values at 0.005 .. 0.995],
 *                 "quantile_models": [ {"level": 0.1, "regressor": "regressors/g0-m0-q0"}, ... ]} ] } ],
 *   "series": [ {"id", "group", "last_period", "divisor", "level", "price_mean": [...], "static_codes": [...],
 *                "z_tail": [...], "price_tail": [[...]], "past_tail": [[...]]} ] }
 * </pre>
 * Periods are on the model's axis (frequency, anchor); JSON nulls are missing values.
 * {@code quantile_models} (ascending levels; the quantile regressors read the point regressor's
 * {@code feature_names}) is written only with {@code quantiles: loss}, and {@code context.quantile_levels}
 * (the levels the experiment requested) only by builds that have them: models saved before either
 * still load, with the default requested levels and no quantile regressor.
 */
public final class FittedMlModel implements FittedModel, Explainable, io.demandcast.core.model.SamplePaths {
    static final String FILE = "ml.json";
    static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String family;
    private final Map<String, Object> parameters;
    private final MlSpec spec;
    private final FeatureSchema schema;
    private final TimeAxis axis;
    private final int tail;
    private final List<String> groups;
    private final List<List<StepModel>> models;
    private final List<SeriesState> states;
    private final Map<String, Integer> indexById;
    private final TargetTransform transform;

    FittedMlModel(String family, Map<String, Object> parameters, MlSpec spec, FeatureSchema schema, TimeAxis axis, int tail,
                  List<String> groups, List<List<StepModel>> models, List<SeriesState> states) {
        this.family = family;
        this.parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        this.spec = spec;
        this.schema = schema;
        this.axis = axis;
        this.tail = tail;
        this.groups = List.copyOf(groups);
        this.models = List.copyOf(models);
        this.states = List.copyOf(states);
        this.indexById = new HashMap<>(states.size() * 2);
        for (int s = 0; s < states.size(); s++) {
            indexById.put(states.get(s).id(), s);
        }
        this.transform = new TargetTransform(spec.scale(), spec.scaleWindow(), spec.transform());
    }

    @Override
    public String family() {
        return family;
    }

    @Override
    public java.time.LocalDate fittedEnd(String seriesId) {
        Integer s = indexById.get(seriesId);
        return s == null || states.get(s).lastPeriod() < 0 ? null : axis.date(states.get(s).lastPeriod());
    }

    @Override
    public List<String> seriesIds() {
        return states.stream().map(SeriesState::id).toList();
    }

    /** The known covariate columns read from {@link ForecastRequest#futureCovariates()}: numeric, then categorical. */
    @Override
    public List<String> features() {
        return schema.futureColumns();
    }

    /** Each series' state (for tests and diagnostics). */
    public List<SeriesState> states() {
        return states;
    }

    /** The regressors, per group then step model (for tests and diagnostics: importance, feature names). */
    public List<List<Regressor>> regressors() {
        return models.stream().map(g -> g.stream().map(StepModel::regressor).toList()).toList();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Each series' frame is its state's tail followed by the forecast periods. Recursive: steps
     * run in order and each step's prediction becomes the target the next steps' lags and rolling
     * statistics read. Direct and hybrid: each step is predicted by the model covering it, whose
     * lags reach only the history. Quantiles, {@code quantiles: residual}: the point plus the model's
     * residual quantile (times sqrt(step) for recursive) in the transformed space, mapped back and
     * kept on their side of the point. {@code quantiles: loss}: each quantile regressor predicts on
     * the row the point model read, mapped back, sorted per point, and read at the requested levels
     * by {@link LossQuantiles#values} (recursive: conditional on the point forecasts' path).
     *
     * @throws IllegalArgumentException when {@code request.horizon()} exceeds the fitted horizon
     *                                  (direct, hybrid, or past-only covariates), a known covariate
     *                                  is missing (naming it, the series and the dates), or, with
     *                                  {@code quantiles: loss}, a requested level lies outside the
     *                                  fitted levels (naming both)
     */
    @Override
    public Forecast forecast(ForecastRequest request) {
        int h = request.horizon();
        double[] levels = request.quantileLevels();
        int n = states.size();
        double[] point = new double[n * h];
        double[][] quantiles = new double[levels.length][n * h];
        int[] first = new int[n];
        boolean recursive = spec.strategy() == MlSpec.Strategy.RECURSIVE;
        boolean loss = spec.quantiles() == MlSpec.Quantiles.LOSS;
        if (loss) {
            models.forEach(g -> g.forEach(m -> m.quantiles().checkCovers(levels, family)));
        }
        walk(request, (s, k, m, row, z) -> {
            SeriesState state = states.get(s);
            first[s] = state.lastPeriod() + 1;
            double y = transform.back(z, state.divisor());
            point[s * h + k - 1] = y;
            if (loss) {
                double[] values = m.quantiles().values(row, zq -> transform.back(zq, state.divisor()), y, levels);
                for (int q = 0; q < levels.length; q++) {
                    quantiles[q][s * h + k - 1] = values[q];
                }
                return;
            }
            double width = recursive ? Math.sqrt(k) : 1;
            for (int q = 0; q < levels.length; q++) {
                double yq = transform.back(z + width * ResidualQuantiles.at(m.residualGrid(), levels[q]), state.divisor());
                if (levels[q] < 0.5) {
                    yq = Math.min(yq, y);
                } else if (levels[q] > 0.5) {
                    yq = Math.max(yq, y);
                }
                quantiles[q][s * h + k - 1] = Double.isFinite(yq) ? yq : y;
            }
        });
        return new Forecast(family, axis, seriesIds().toArray(String[]::new), first, h, point, levels, quantiles);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Shares: each regressor's (groups × step models) importance, averaged with equal weight
     * (a feature a step model lacks counts 0 there) and renormalised to sum to 1. Standardised
     * coefficients (linear learners): the mean over the regressors that have the feature.
     */
    @Override
    public List<FeatureImportance> importance() {
        Map<String, double[]> totals = new LinkedHashMap<>();
        boolean linear = false;
        for (List<StepModel> group : models) {
            for (StepModel m : group) {
                Regressor r = m.regressor();
                double[] share = r.importance();
                double[] coefficient = r.standardisedCoefficients();
                linear |= coefficient.length > 0;
                for (int i = 0; i < share.length; i++) {
                    double[] t = totals.computeIfAbsent(r.featureNames().get(i), k -> new double[3]);
                    t[0] += share[i];
                    if (coefficient.length > 0) {
                        t[1] += coefficient[i];
                        t[2]++;
                    }
                }
            }
        }
        double sum = totals.values().stream().mapToDouble(t -> t[0]).sum();
        List<FeatureImportance> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : totals.entrySet()) {
            double[] t = e.getValue();
            out.add(new FeatureImportance(e.getKey(), sum > 0 ? t[0] / sum : 0, linear && t[2] > 0 ? t[1] / t[2] : Double.NaN));
        }
        out.sort(Comparator.comparingDouble(FeatureImportance::share).reversed());
        return List.copyOf(out);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Contributions are exact TreeSHAP values (trees) or {@code w (x - mean)} (linear) of the
     * regressor that predicted the step, on the row it read (recursive: built from the earlier
     * steps' forecasts). Without {@code log1p} they are multiplied by the series' scale divisor, so
     * they are in the target's units and {@code base + Σ contributions} is the point forecast;
     * with {@code log1p} they stay in the model's {@code log1p(y / scale)} space. A log-link learner
     * (xgboost's {@code poisson}, {@code tweedie}) adds up on the log of the model's target: space
     * {@code log} ({@code log(y / scale)}; {@code log_log1p} with {@code log1p}), whose prediction is that log.
     */
    @Override
    public List<ExplainedPoint> explain(ForecastRequest request, int top) {
        if (top < 1) {
            throw new IllegalArgumentException("the number of features to explain must be >= 1 (got " + top + ")");
        }
        int h = request.horizon();
        boolean log1p = spec.transform() == MlSpec.Transform.LOG1P;
        ExplainedPoint[] points = new ExplainedPoint[states.size() * h];
        walk(request, (s, k, m, row, z) -> {
            SeriesState state = states.get(s);
            Regressor r = m.regressor();
            boolean units = !log1p && !r.logLink();
            double factor = units ? state.divisor() : 1;
            double[] phi = r.contributions(row);
            Integer[] order = new Integer[phi.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -Math.abs(phi[i])));
            List<ExplainedPoint.Contribution> kept = new ArrayList<>();
            for (int j = 0; j < Math.min(top, order.length); j++) {
                int i = order[j];
                kept.add(new ExplainedPoint.Contribution(r.featureNames().get(i), row[i], factor * phi[i]));
            }
            String space = r.logLink() ? (log1p ? "log_log1p" : "log") : log1p ? "log1p" : "units";
            points[s * h + k - 1] = new ExplainedPoint(state.id(), axis.date(state.lastPeriod() + k), k, space,
                    factor * r.expectedValue(), r.logLink() ? Math.log(z) : factor * z, kept);
        });
        return List.of(points);
    }

    /** What one forecast step hands on: the series' index, the step (1-based), the model and row it read, its prediction. */
    private interface StepSink {
        void accept(int series, int step, StepModel model, float[] row, double z);
    }

    /**
     * The forecasting loop, shared by {@link #forecast} and {@link #explain} so an explanation reads
     * exactly the rows the forecast reads. {@code row} is reused from step to step: a sink must
     * use it before returning. Series run in parallel; a sink writes only its series' slots.
     */
    private void walk(ForecastRequest request, StepSink sink) {
        int h = request.horizon();
        int fitted = spec.context().horizon();
        if (h > fitted && (spec.strategy() != MlSpec.Strategy.RECURSIVE || !schema.pastOnly().isEmpty())) {
            throw new IllegalArgumentException(family + " was fitted for a horizon of " + fitted + " ("
                    + (spec.strategy() != MlSpec.Strategy.RECURSIVE ? spec.strategy().name().toLowerCase(java.util.Locale.ROOT) + " strategy"
                    : "past-only covariates lagged by it") + "); it cannot forecast " + h + " steps: refit with the longer horizon");
        }
        FutureInputs future = FutureInputs.read(request.futureCovariates(), schema, states, axis, h);
        IntStream.range(0, states.size()).parallel().forEach(s -> {
            SeriesState state = states.get(s);
            SeriesFrame frame = state.forecastFrame(future.known()[s], future.price()[s], future.categorical()[s], h);
            List<StepModel> group = models.get(state.group());
            boolean recursive = spec.strategy() == MlSpec.Strategy.RECURSIVE;
            float[] row = null;
            StepModel current = null;
            for (int k = 1; k <= h; k++) {
                StepModel m = recursive ? group.get(0) : covering(group, k);
                if (m != current) {
                    current = m;
                    row = new float[m.layout().size()];
                }
                int pos = tail + k - 1;
                m.layout().fill(frame, pos, row);
                double z = m.regressor().predict(row);
                if (!Double.isFinite(z)) {
                    z = 0;
                }
                if (recursive) {
                    frame.z()[pos] = z;
                }
                sink.accept(s, k, m, row, z);
            }
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>A bootstrap of the step models' in-sample residuals ({@link MlSamplePaths}): recursive paths
     * feed each drawn value to the later steps; direct and hybrid paths add independent draws to the
     * point forecasts. The history is not read (each series' state holds what the features need).
     *
     * @throws IllegalArgumentException as {@link #forecast}: a horizon beyond a direct model's, a
     *                                  missing known covariate
     */
    @Override
    public void samplePaths(ForecastRequest request, Panel history, int paths, long seed, Sink sink) {
        if (paths < 1) {
            throw new IllegalArgumentException("the number of sample paths must be >= 1 (got " + paths + ")");
        }
        int h = request.horizon();
        int fitted = spec.context().horizon();
        if (h > fitted && (spec.strategy() != MlSpec.Strategy.RECURSIVE || !schema.pastOnly().isEmpty())) {
            throw new IllegalArgumentException(family + " was fitted for a horizon of " + fitted + "; it cannot simulate " + h
                    + " periods (lead time + review period): refit with a horizon of at least " + h);
        }
        FutureInputs future = FutureInputs.read(request.futureCovariates(), schema, states, axis, h);
        MlSamplePaths.simulate(new MlSamplePaths.Model(spec, models, states, tail, transform), future, h, paths, seed, sink);
    }

    static StepModel covering(List<StepModel> group, int step) {
        for (StepModel m : group) {
            if (step >= m.firstStep() && step <= m.lastStep()) {
                return m;
            }
        }
        throw new IllegalStateException("no step model covers step " + step);
    }

    @Override
    public UpdateMode updateMode() {
        return UpdateMode.FILTER;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The regressors, feature schema and codings are kept; each series' state (divisor, level,
     * price means, tails) is recomputed from {@code history} exactly as a fit computes it.
     */
    @Override
    public FittedMlModel update(Panel history) {
        if (history.frequency() != axis.frequency()) {
            throw new IllegalArgumentException("history is " + history.frequency().label() + ", this model was fitted on "
                    + axis.frequency().label() + " data");
        }
        int shift;
        try {
            shift = history.axis().equals(axis) ? 0 : axis.period(history.axis().anchor());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("history's periods do not align with the model's: " + e.getMessage(), e);
        }
        List<SeriesState> updated = new ArrayList<>(states);
        for (int s = 0; s < history.seriesCount(); s++) {
            String id = history.seriesId(s);
            Integer i = indexById.get(id);
            if (i == null) {
                throw new IllegalArgumentException("history holds series '" + id + "', which this " + family
                        + " model was not fitted on (it knows " + states.size() + " series); refit to add series");
            }
            SeriesState old = states.get(i);
            SeriesState fresh = HistoryFrames.of(history, s, schema, transform, old.group(), shift, tail).state();
            if (old.lastPeriod() >= 0 && fresh.lastPeriod() < old.lastPeriod()) {
                throw new IllegalArgumentException("series '" + id + "': its history ends "
                        + (fresh.lastPeriod() < 0 ? "before it starts (no rows)" : "on " + axis.date(fresh.lastPeriod())) + ", before "
                        + axis.date(old.lastPeriod()) + ", the end of the data the model was fitted on");
            }
            updated.set(i, fresh);
        }
        return new FittedMlModel(family, parameters, spec, schema, axis, tail, groups, models, updated);
    }

    @Override
    public void save(Path directory) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", FORMAT_VERSION);
        root.put("family", family);
        root.set("parameters", JSON.valueToTree(parameters));
        ObjectNode context = root.putObject("context");
        context.put("frequency", axis.frequency().label());
        context.put("season_length", spec.context().seasonLength());
        context.put("horizon", spec.context().horizon());
        spec.context().pastOnly().forEach(context.putArray("past_only")::add);
        spec.context().quantileLevels().forEach(context.putArray("quantile_levels")::add);
        root.put("anchor", axis.anchor().toString());
        schema.write(root.putObject("schema"));
        root.put("tail_length", tail);
        ArrayNode groupArray = root.putArray("groups");
        for (int g = 0; g < groups.size(); g++) {
            ObjectNode go = groupArray.addObject();
            go.put("value", groups.get(g));
            ArrayNode ms = go.putArray("models");
            for (int m = 0; m < models.get(g).size(); m++) {
                StepModel sm = models.get(g).get(m);
                String dir = "regressors/g" + g + "-m" + m;
                Path regressorDir = directory.resolve(dir);
                Files.createDirectories(regressorDir);
                sm.regressor().write(regressorDir);
                ObjectNode mo = ms.addObject();
                mo.put("first_step", sm.firstStep());
                mo.put("last_step", sm.lastStep());
                mo.put("min_lag", sm.layout().minLag());
                sm.layout().names().forEach(mo.putArray("feature_names")::add);
                mo.put("regressor", dir);
                ArrayNode rq = mo.putArray("residual_quantiles");
                for (double v : sm.residualGrid()) {
                    rq.add(v);
                }
                LossQuantiles lq = sm.quantiles();
                if (!lq.isEmpty()) {
                    ArrayNode qm = mo.putArray("quantile_models");
                    double[] levels = lq.levels();
                    for (int i = 0; i < levels.length; i++) {
                        String qdir = dir + "-q" + i;
                        Path qPath = directory.resolve(qdir);
                        Files.createDirectories(qPath);
                        lq.regressors().get(i).write(qPath);
                        qm.addObject().put("level", levels[i]).put("regressor", qdir);
                    }
                }
            }
        }
        ArrayNode series = root.putArray("series");
        states.forEach(st -> st.write(series.addObject()));
        Files.writeString(directory.resolve(FILE), JSON.writeValueAsString(root));
    }

    /**
     * Reads what {@link #save} wrote.
     *
     * @throws IOException naming the file on a format or family mismatch, or when a regressor's
     *                     feature names are not the features this build computes for it
     */
    static FittedMlModel load(Path directory, String family, Learners learners) throws IOException {
        Path file = directory.resolve(FILE);
        JsonNode root = JSON.readTree(file.toFile());
        int version = root.path("format_version").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new IOException(file + ": unsupported format_version " + version + " (this build reads " + FORMAT_VERSION + ")");
        }
        if (!root.path("family").asText().equals(family)) {
            throw new IOException(file + ": holds a '" + root.path("family").asText() + "' model, not '" + family + "'");
        }
        JsonNode ctx = root.path("context");
        List<String> pastOnly = new ArrayList<>();
        ctx.path("past_only").forEach(e -> pastOnly.add(e.asText()));
        Frequency frequency = Frequency.parse(ctx.path("frequency").asText());
        ModelContext context = new ModelContext(frequency, ctx.path("season_length").asInt(), ctx.path("horizon").asInt(), pastOnly);
        if (ctx.has("quantile_levels")) {
            List<Double> requested = new ArrayList<>();
            ctx.path("quantile_levels").forEach(e -> requested.add(e.asDouble()));
            context = context.withQuantileLevels(requested.stream().mapToDouble(Double::doubleValue).toArray());
        }
        JsonNode params = root.path("parameters");
        ObjectNode own = JSON.createObjectNode();
        MlSpec.KEYS.forEach(k -> {
            if (params.has(k)) {
                own.set(k, params.get(k));
            }
        });
        MlSpec spec;
        try {
            spec = MlSpec.parse(Params.of(family, own, MlSpec.KEYS), context);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        Map<String, Object> parameters = JSON.convertValue(params, JSON.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
        TimeAxis axis = new TimeAxis(frequency, LocalDate.parse(root.path("anchor").asText()));
        FeatureSchema schema = FeatureSchema.read(root.path("schema"));
        List<String> groups = new ArrayList<>();
        List<List<StepModel>> models = new ArrayList<>();
        for (JsonNode go : root.path("groups")) {
            groups.add(go.path("value").asText());
            List<StepModel> ms = new ArrayList<>();
            for (JsonNode mo : go.path("models")) {
                FeatureLayout layout = new FeatureLayout(schema, axis, spec.lags(), spec.rolling(), spec.rollingStats(), spec.priceMomentum(), mo.path("min_lag").asInt());
                List<String> saved = new ArrayList<>();
                mo.path("feature_names").forEach(e -> saved.add(e.asText()));
                Regressor regressor = learners.read(directory.resolve(mo.path("regressor").asText()));
                if (!layout.names().equals(saved) || !regressor.featureNames().equals(saved)) {
                    throw new IOException(file + ": the features of " + mo.path("regressor").asText() + " (" + regressor.featureNames()
                            + ") are not those this build computes (" + layout.names() + "): retrain the model");
                }
                LossQuantiles quantiles = readQuantiles(file, directory, mo.path("quantile_models"), saved, learners);
                double[] grid = new double[ResidualQuantiles.GRID];
                for (int i = 0; i < grid.length; i++) {
                    grid[i] = mo.path("residual_quantiles").path(i).asDouble();
                }
                ms.add(new StepModel(mo.path("first_step").asInt(), mo.path("last_step").asInt(), layout, regressor, grid, quantiles));
            }
            models.add(List.copyOf(ms));
        }
        List<SeriesState> states = new ArrayList<>();
        root.path("series").forEach(o -> states.add(SeriesState.read(o)));
        return new FittedMlModel(family, parameters, spec, schema, axis, root.path("tail_length").asInt(), groups, models, states);
    }

    /** A step model's {@code quantile_models} (absent: none), each regressor reading {@code features}. */
    private static LossQuantiles readQuantiles(Path file, Path directory, JsonNode node, List<String> features, Learners learners)
            throws IOException {
        if (node.isMissingNode() || node.isEmpty()) {
            return LossQuantiles.NONE;
        }
        double[] levels = new double[node.size()];
        List<Regressor> regressors = new ArrayList<>();
        for (int i = 0; i < levels.length; i++) {
            JsonNode q = node.get(i);
            levels[i] = q.path("level").asDouble(Double.NaN);
            if (!(levels[i] > 0 && levels[i] < 1) || (i > 0 && levels[i] <= levels[i - 1])) {
                throw new IOException(file + ": quantile_models must have ascending levels in (0, 1) (got " + node + ")");
            }
            Regressor r = learners.read(directory.resolve(q.path("regressor").asText()));
            if (!r.featureNames().equals(features)) {
                throw new IOException(file + ": the features of " + q.path("regressor").asText() + " (" + r.featureNames()
                        + ") are not its point regressor's (" + features + "): retrain the model");
            }
            regressors.add(r);
        }
        return new LossQuantiles(levels, regressors);
    }
}
