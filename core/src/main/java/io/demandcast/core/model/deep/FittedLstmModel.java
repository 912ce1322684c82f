package io.demandcast.core.model.deep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.TimeAxis;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.UpdateMode;
import io.demandcast.core.model.ml.FutureInputs;
import io.demandcast.core.model.ml.HistoryFrames;
import io.demandcast.core.model.ml.ResidualQuantiles;
import io.demandcast.core.model.ml.features.SeriesFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted {@code lstm}: the network, its input layout, each series' state (scale and last
 * {@code lookback} periods) and the residual quantiles of each forecast step. Immutable (the
 * network's weights never change after the fit; inference calls are serialised by it).
 *
 * <p>Saved as {@code lstm.json} and {@code network.zip} (with {@code ensemble: k}, also {@code network-2.zip} ..
 * {@code network-k.zip}: see {@link LstmEnsemble}) (DL4J's {@code ModelSerializer} format,
 * without updater state):
 * <pre>
 * { "format_version": 1, "family": "lstm", "parameters": {model.params as fitted},
 *   "context": {"frequency", "season_length", "horizon", "past_only": [...], "quantile_levels": [...]},
 *   "anchor": "2011-01-29",
 *   "inputs": {"schema": {...}, "lookback", "horizon", "known_mean": [...], "known_std": [...],
 *              "log_scale_mean", "log_scale_std", "window_inputs": [channel names], "future_inputs_per_step": [names]},
 *   "network": {"file": "network.zip", "files": [every member's file], "window_channels", "lookback", "future_size", "outputs"},
 *   "training": {"training_windows", "validation_windows", "parameters", "epochs_run", "best_epoch", "stopped_early",
 *                "residual_source", "backend", "precision", "seconds_per_epoch",
 *                "epochs": [{"epoch", "loss", "validation_loss", "seconds"}]},
 *   "ensemble_training": [per member, as "training" (the first member's); only with ensemble > 1],
 *   "residual_quantiles": [per step: 199 values at levels 0.005 .. 0.995, of z = y / divisor],
 *   "series": [{"id", "last_period", "divisor", "log_scale", "price_mean", "static_codes", "z_tail", "known_tail",
 *               "price_tail", "categorical_tail"}] }
 * </pre>
 * Periods are on the model's axis (frequency, anchor); JSON nulls are missing values.
 */
public final class FittedLstmModel implements FittedModel {
    static final String FILE = "lstm.json";
    static final String NETWORK_FILE = "network.zip";
    static final int FORMAT_VERSION = 1;
    /** Series per inference call. */
    private static final int PREDICT_ROWS = 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LstmSpec spec;
    private final InputLayout layout;
    private final LstmEnsemble network;
    private final List<LstmSeries> states;
    private final double[][] residualGrids;
    private final List<TrainingSummary> trainings;
    private final Map<String, Integer> indexById;

    FittedLstmModel(LstmSpec spec, InputLayout layout, LstmEnsemble network, List<LstmSeries> states, double[][] residualGrids,
                    List<TrainingSummary> trainings) {
        this.spec = spec;
        this.layout = layout;
        this.network = network;
        this.states = List.copyOf(states);
        this.residualGrids = residualGrids;
        this.trainings = List.copyOf(trainings);
        this.indexById = new HashMap<>(states.size() * 2);
        for (int s = 0; s < states.size(); s++) {
            indexById.put(states.get(s).id(), s);
        }
    }

    @Override
    public String family() {
        return spec.family();
    }

    @Override
    public List<String> seriesIds() {
        return states.stream().map(LstmSeries::id).toList();
    }

    /** The known covariate columns read over the forecast periods: numeric (known, then price), then categorical. */
    @Override
    public List<String> features() {
        return layout.schema().futureColumns();
    }

    /**
     * Epochs run, best epoch, seconds per epoch, windows, weights, backend and precision of the first
     * network; with an ensemble also its size and each member's epochs run and best epoch, and the
     * seconds per epoch averaged over the members.
     */
    @Override
    public Map<String, Object> fitSummary() {
        Map<String, Object> m = new java.util.LinkedHashMap<>(trainings.get(0).brief());
        if (trainings.size() > 1) {
            m.put("ensemble", trainings.size());
            m.put("member_epochs_run", trainings.stream().map(t -> t.epochs().size()).toList());
            m.put("member_best_epoch", trainings.stream().map(TrainingSummary::bestEpoch).toList());
            m.put("seconds_per_epoch", trainings.stream().mapToDouble(TrainingSummary::secondsPerEpoch).average().orElse(0));
        }
        return m;
    }

    LstmSpec spec() {
        return spec;
    }

    InputLayout layout() {
        return layout;
    }

    /** The first network of the ensemble (a pre-trained parent has one: {@link TransferSpec} trains it alone). */
    LstmNetwork network() {
        return network.first();
    }

    @Override
    public java.time.LocalDate fittedEnd(String seriesId) {
        Integer s = indexById.get(seriesId);
        return s == null || states.get(s).lastPeriod() < 0 ? null : layout.axis().date(states.get(s).lastPeriod());
    }

    /** The last date of history any series had at the fit (null when no series had any). */
    java.time.LocalDate dataEnd() {
        int last = states.stream().mapToInt(LstmSeries::lastPeriod).max().orElse(-1);
        return last < 0 ? null : layout.axis().date(last);
    }

    /** How the network (an ensemble's first member) was trained (epochs, losses, seconds). */
    public TrainingSummary training() {
        return trainings.get(0);
    }

    /** How each network of the ensemble was trained, in member order (one entry without an ensemble). */
    public List<TrainingSummary> memberTrainings() {
        return trainings;
    }

    /** The fitted networks. */
    LstmEnsemble networks() {
        return network;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Each series' window is its last {@code lookback} periods; the future input holds the
     * request's known covariates over the forecast periods (a request shorter than the fitted horizon
     * leaves the later periods' covariates absent, encoded 0, which can move the earlier steps'
     * forecasts slightly). Point: {@code scale × (output + baseline)}, the scale being the series'
     * divisor (times the window's mean with {@code scale: window}), the baseline the window's
     * seasonal profile at the step with {@code deseasonalize} (else 0). Quantile at level τ and step
     * k: {@code scale × (output + baseline + q_k(τ))}, {@code q_k} the step's residual quantiles,
     * kept on their side of the point.
     *
     * @throws IllegalArgumentException when {@code request.horizon()} exceeds the fitted horizon, or a
     *                                  known covariate is missing (naming it, the series and the dates)
     */
    @Override
    public Forecast forecast(ForecastRequest request) {
        int h = request.horizon();
        int fitted = spec.horizon();
        if (h > fitted) {
            throw new IllegalArgumentException("lstm was fitted for a horizon of " + fitted + " (its network has " + fitted
                    + " outputs); it cannot forecast " + h + " steps: refit with the longer horizon");
        }
        double[] levels = request.quantileLevels();
        double[] fittedLevels = spec.lossQuantileLevels();
        for (double q : fittedLevels.length == 0 ? new double[0] : levels) {
            if (q < fittedLevels[0] - 1e-9 || q > fittedLevels[fittedLevels.length - 1] + 1e-9) {
                throw new IllegalArgumentException("quantile level " + q + " is outside the levels this " + spec.family()
                        + " model fitted with quantiles: loss (" + java.util.Arrays.toString(fittedLevels) + "): request levels"
                        + " within them (predict.quantiles), or refit with model.params.quantile_levels covering " + q);
            }
        }
        int n = states.size();
        List<String> ids = seriesIds();
        int[] last = states.stream().mapToInt(LstmSeries::lastPeriod).toArray();
        FutureInputs future = FutureInputs.read(request.futureCovariates(), layout.schema(), ids, last, layout.axis(), h);
        double[] point = new double[n * h];
        double[][] quantiles = new double[levels.length][n * h];
        double[] up = spec.hasDirectionHead() ? new double[n * h] : null;
        int[] first = new int[n];
        int end = layout.lookback() - 1;
        for (int from = 0; from < n; from += PREDICT_ROWS) {
            int to = Math.min(n, from + PREDICT_ROWS);
            List<SeriesFrame> frames = new ArrayList<>();
            int[] series = new int[to - from];
            int[] ends = new int[to - from];
            for (int s = from; s < to; s++) {
                frames.add(states.get(s).forecastFrame(future.known()[s], future.price()[s], future.categorical()[s], fitted));
                series[s - from] = s - from;
                ends[s - from] = end;
            }
            WindowBatch b = WindowBatch.of(layout, frames, series, ends, null, 0, to - from, false);
            float[][] outputs = network.predictBoth(b.window(), b.future(), b.rows());
            float[] out = outputs[0];
            if (up != null) {
                for (int s = from; s < to; s++) {
                    for (int k = 0; k < h; k++) {
                        float p = outputs[1][(s - from) * fitted + k];
                        up[s * h + k] = Float.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0.5;
                    }
                }
            }
            for (int s = from; s < to; s++) {
                LstmSeries state = states.get(s);
                first[s] = state.lastPeriod() + 1;
                double scale = state.divisor() * b.factors()[s - from];
                for (int k = 0; k < h; k++) {
                    double z = out[(s - from) * fitted + k];
                    if (!Double.isFinite(z)) {
                        z = 0;
                    }
                    z += b.baseline()[(s - from) * fitted + k];
                    double y = scale * z;
                    point[s * h + k] = y;
                    if (fittedLevels.length > 0) {
                        lossQuantiles(outputs[2], (s - from) * fittedLevels.length * fitted, fitted, k, scale, b.baseline()[(s - from) * fitted + k],
                                fittedLevels, levels, y, quantiles, s * h + k);
                        continue;
                    }
                    for (int q = 0; q < levels.length; q++) {
                        double yq = scale * (z + ResidualQuantiles.at(residualGrids[k], levels[q]));
                        if (levels[q] < 0.5) {
                            yq = Math.min(yq, y);
                        } else if (levels[q] > 0.5) {
                            yq = Math.max(yq, y);
                        }
                        quantiles[q][s * h + k] = Double.isFinite(yq) ? yq : y;
                    }
                }
            }
        }
        Forecast forecast = new Forecast(spec.family(), layout.axis(), ids.toArray(String[]::new), first, h, point, levels, quantiles);
        return up == null ? forecast : forecast.withUpProbabilities(up);
    }

    /**
     * The requested quantiles of one series and step from the quantile output ({@code quantiles: loss}):
     * the fitted levels' values scaled back, sorted (separately learnt quantiles can cross; sorting is
     * the rearrangement of {@link io.demandcast.core.model.ml.LossQuantiles}), read at each requested
     * level by linear interpolation; a non-finite output falls back to the point.
     */
    private static void lossQuantiles(float[] out, int rowOffset, int fitted, int k, double scale, double baseline, double[] fittedLevels,
                                      double[] levels, double point, double[][] quantiles, int at) {
        double[] values = new double[fittedLevels.length];
        for (int q = 0; q < values.length; q++) {
            double v = scale * (out[rowOffset + q * fitted + k] + baseline);
            values[q] = Double.isFinite(v) ? v : point;
        }
        java.util.Arrays.sort(values);
        for (int q = 0; q < levels.length; q++) {
            quantiles[q][at] = io.demandcast.core.model.ml.LossQuantiles.interpolate(fittedLevels, values, levels[q]);
        }
    }

    @Override
    public UpdateMode updateMode() {
        return UpdateMode.FILTER;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The network, input layout and residual quantiles are kept; each series' state (scale, price
     * means, last {@code lookback} periods) is recomputed from {@code history} exactly as a fit
     * computes it.
     */
    @Override
    public FittedLstmModel update(Panel history) {
        TimeAxis axis = layout.axis();
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
        List<LstmSeries> updated = new ArrayList<>(states);
        for (int s = 0; s < history.seriesCount(); s++) {
            String id = history.seriesId(s);
            Integer i = indexById.get(id);
            if (i == null) {
                throw new IllegalArgumentException("history holds series '" + id + "', which this lstm model was not fitted on (it knows "
                        + states.size() + " series); refit to add series");
            }
            LstmSeries old = states.get(i);
            HistoryFrames.Built built = HistoryFrames.of(history, s, layout.schema(), LstmForecaster.SCALING, 0, shift, 1);
            LstmSeries fresh = LstmSeries.of(id, built.frame(), built.state().divisor(), layout.lookback());
            if (old.lastPeriod() >= 0 && fresh.lastPeriod() < old.lastPeriod()) {
                throw new IllegalArgumentException("series '" + id + "': its history ends "
                        + (fresh.lastPeriod() < 0 ? "before it starts (no rows)" : "on " + axis.date(fresh.lastPeriod())) + ", before "
                        + axis.date(old.lastPeriod()) + ", the end of the data the model was fitted on");
            }
            updated.set(i, fresh);
        }
        return new FittedLstmModel(spec, layout, network, updated, residualGrids, trainings);
    }

    @Override
    public void save(Path directory) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", FORMAT_VERSION);
        root.put("family", spec.family());
        root.set("parameters", JSON.valueToTree(spec.parameters()));
        ObjectNode context = root.putObject("context");
        ModelContext c = spec.context();
        context.put("frequency", c.frequency().label());
        context.put("season_length", c.seasonLength());
        context.put("horizon", c.horizon());
        c.pastOnly().forEach(context.putArray("past_only")::add);
        c.quantileLevels().forEach(context.putArray("quantile_levels")::add);
        root.put("anchor", layout.axis().anchor().toString());
        layout.write(root.putObject("inputs"));
        ObjectNode net = root.putObject("network");
        net.put("file", NETWORK_FILE);
        LstmEnsemble.fileNames(network.members().size()).forEach(net.putArray("files")::add);
        net.put("window_channels", network.first().windowChannels());
        net.put("lookback", network.first().lookback());
        net.put("future_size", network.first().futureSize());
        net.put("outputs", network.first().outputs());
        trainings.get(0).write(root.putObject("training"));
        if (trainings.size() > 1) {
            ArrayNode members = root.putArray("ensemble_training");
            trainings.forEach(t -> t.write(members.addObject()));
        }
        ArrayNode grids = root.putArray("residual_quantiles");
        for (double[] grid : residualGrids) {
            ArrayNode g = grids.addArray();
            for (double v : grid) {
                g.add(v);
            }
        }
        ArrayNode series = root.putArray("series");
        states.forEach(st -> st.write(series.addObject()));
        network.write(directory);
        Files.writeString(directory.resolve(FILE), JSON.writeValueAsString(root));
    }

    /**
     * Reads what {@link #save} wrote.
     *
     * @throws IOException naming the file on a format or family mismatch, or a network that does not fit the inputs
     */
    static FittedLstmModel load(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        JsonNode root = JSON.readTree(file.toFile());
        int version = root.path("format_version").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new IOException(file + ": unsupported format_version " + version + " (this build reads " + FORMAT_VERSION + ")");
        }
        String family = root.path("family").asText();
        if (!family.equals(LstmFamily.NAME) && !family.equals(AttentionFamily.NAME)) {
            throw new IOException(file + ": holds a '" + family + "' model, not '" + LstmFamily.NAME + "' or '" + AttentionFamily.NAME + "'");
        }
        JsonNode ctx = root.path("context");
        List<String> pastOnly = new ArrayList<>();
        ctx.path("past_only").forEach(e -> pastOnly.add(e.asText()));
        Frequency frequency = Frequency.parse(ctx.path("frequency").asText());
        ModelContext context = new ModelContext(frequency, ctx.path("season_length").asInt(), ctx.path("horizon").asInt(), pastOnly);
        List<Double> requested = new ArrayList<>();
        ctx.path("quantile_levels").forEach(e -> requested.add(e.asDouble()));
        if (!requested.isEmpty()) {
            context = context.withQuantileLevels(requested.stream().mapToDouble(Double::doubleValue).toArray());
        }
        LstmSpec spec;
        try {
            spec = family.equals(AttentionFamily.NAME) ? LstmSpec.parseAttention(root.path("parameters"), context)
                    : LstmSpec.parse(root.path("parameters"), context);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        TimeAxis axis = new TimeAxis(frequency, LocalDate.parse(root.path("anchor").asText()));
        InputLayout layout = InputLayout.read(root.path("inputs"), axis);
        if (layout.lookback() != spec.lookback() || layout.horizon() != spec.horizon()) {
            throw new IOException(file + ": inputs.lookback/horizon (" + layout.lookback() + "/" + layout.horizon()
                    + ") do not match the parameters (" + spec.lookback() + "/" + spec.horizon() + ")");
        }
        JsonNode net = root.path("network");
        List<String> files = new ArrayList<>();
        net.path("files").forEach(f -> files.add(f.asText()));
        if (files.isEmpty()) {
            files.add(net.path("file").asText(NETWORK_FILE));
        }
        if (files.size() != spec.ensemble()) {
            throw new IOException(file + ": network.files names " + files.size() + " networks, parameters.ensemble is " + spec.ensemble());
        }
        LstmEnsemble network = LstmEnsemble.read(directory, files, layout.windowChannels(), layout.lookback(), layout.futureSize(),
                layout.horizon());
        JsonNode gridsNode = root.path("residual_quantiles");
        if (gridsNode.size() != layout.horizon()) {
            throw new IOException(file + ": residual_quantiles has " + gridsNode.size() + " steps, expected " + layout.horizon());
        }
        double[][] grids = new double[layout.horizon()][ResidualQuantiles.GRID];
        for (int k = 0; k < grids.length; k++) {
            for (int i = 0; i < ResidualQuantiles.GRID; i++) {
                grids[k][i] = gridsNode.path(k).path(i).asDouble();
            }
        }
        List<LstmSeries> states = new ArrayList<>();
        root.path("series").forEach(o -> states.add(LstmSeries.read(o)));
        List<TrainingSummary> trainings = new ArrayList<>();
        if (root.has("ensemble_training")) {
            root.path("ensemble_training").forEach(t -> trainings.add(TrainingSummary.read(t)));
        } else {
            trainings.add(TrainingSummary.read(root.path("training")));
        }
        return new FittedLstmModel(spec, layout, network, states, grids, trainings);
    }
}
