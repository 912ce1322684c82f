package io.demandcast.core.model.stat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.TimeAxis;
import io.demandcast.core.model.FamilyUsed;
import io.demandcast.core.model.FallbackReason;
import io.demandcast.core.model.FitOutcome;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.UpdateMode;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Per-series fits of one local method. Saved as {@code state.json}:
 * <pre>
 * { "format_version": 1, "family": ..., "parameters": {...}, "frequency": ..., "anchor": ...,
 *   "series": [ { "id": ..., "first_observed": ..., "last_period": ..., "state": { method-specific plain numbers },
 *                "fallback": { "family": ..., "reason": ... } }, ... ] }
 * </pre>
 * {@code fallback} is present only for a series whose fit used another family than the method's
 * ({@link SeriesMethod#familyUsed}: a simpler one with a reason, or the member a selection chose);
 * states saved before it existed load as fitted as asked.
 * Periods are on the model's axis; {@code first_observed} (the first period with a target, which
 * is where the cleaned series a method sees starts; -1 when none) lets {@link #update} check that a
 * history starts where the fit did. States saved before it existed load without it, and their
 * updates skip that check.
 */
public final class FittedLocalModel implements FittedModel, io.demandcast.core.model.SamplePaths {
    static final String STATE_FILE = "state.json";
    static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code first_observed} of a series loaded from a state saved before it was recorded. */
    private static final int UNKNOWN_PERIOD = Integer.MIN_VALUE;

    private final SeriesMethod method;
    private final TimeAxis axis;
    private final String[] ids;
    private final int[] firstObserved;
    private final int[] lastPeriods;
    private final SeriesFit[] fits;
    /** Per series, what its fit fell back to; null where it fitted as asked. */
    private final FamilyUsed[] fallbacks;
    private final Map<String, Integer> indexById;

    /**
     * Takes ownership of the arrays.
     *
     * @param firstObserved per series, the first period with a target (-1 when none, {@link #UNKNOWN_PERIOD} when not recorded)
     * @param lastPeriods   per series, the last period of its history (-1 for an empty one)
     * @param fallbacks     per series, what its fit fell back to (null: as asked)
     */
    FittedLocalModel(SeriesMethod method, TimeAxis axis, String[] ids, int[] firstObserved, int[] lastPeriods, SeriesFit[] fits,
                     FamilyUsed[] fallbacks) {
        this.method = method;
        this.axis = axis;
        this.ids = ids;
        this.firstObserved = firstObserved;
        this.lastPeriods = lastPeriods;
        this.fits = fits;
        this.fallbacks = fallbacks;
        this.indexById = new HashMap<>(ids.length * 2);
        for (int s = 0; s < ids.length; s++) {
            indexById.put(ids[s], s);
        }
    }

    /** The first period of a panel series with a non-missing target; -1 when it has none. */
    static int firstObserved(Panel panel, int series) {
        for (int row = panel.rowStart(series); row < panel.rowEnd(series); row++) {
            if (!Double.isNaN(panel.target(row))) {
                return panel.period(row);
            }
        }
        return -1;
    }

    @Override
    public String family() {
        return method.family();
    }

    @Override
    public List<String> seriesIds() {
        return List.of(ids);
    }

    @Override
    public java.time.LocalDate fittedEnd(String seriesId) {
        Integer s = indexById.get(seriesId);
        return s == null || lastPeriods[s] < 0 ? null : axis.date(lastPeriods[s]);
    }

    /** The fit of one series (for tests and diagnostics). */
    public SeriesFit fit(int series) {
        return fits[series];
    }

    /** Per series, the method's family and what {@link SeriesMethod#familyUsed} said of its fit. */
    @Override
    public List<FitOutcome> fitOutcomes() {
        List<FitOutcome> out = new java.util.ArrayList<>(ids.length);
        for (int s = 0; s < ids.length; s++) {
            out.add(FitOutcome.of(ids[s], method.family(), fallbacks[s]));
        }
        return out;
    }

    @Override
    public Forecast forecast(ForecastRequest request) {
        int h = request.horizon();
        double[] levels = request.quantileLevels();
        int n = ids.length;
        double[] point = new double[n * h];
        double[][] quantiles = new double[levels.length][n * h];
        int[] first = new int[n];
        IntStream.range(0, n).parallel().forEach(s -> {
            first[s] = lastPeriods[s] + 1;
            SeriesForecast f = fits[s].forecast(h, levels);
            System.arraycopy(f.point(), 0, point, s * h, h);
            for (int q = 0; q < levels.length; q++) {
                System.arraycopy(f.quantiles()[q], 0, quantiles[q], s * h, h);
            }
        });
        return new Forecast(method.family(), axis, ids, first, h, point, levels, quantiles);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Each series whose fit has a {@link SeriesFit#simulation()} simulates from its fitted state,
     * reading its cleaned history up to the end the model has for it (the bootstraps resample it);
     * the others are passed to the sink with null paths. Series run in parallel.
     */
    @Override
    public void samplePaths(ForecastRequest request, Panel history, int paths, long seed, Sink sink) {
        if (paths < 1) {
            throw new IllegalArgumentException("the number of sample paths must be >= 1 (got " + paths + ")");
        }
        int h = request.horizon();
        int shift = history == null ? 0 : periodShift(history.axis());
        IntStream.range(0, ids.length).parallel().forEach(s -> {
            SeriesSimulation simulation = fits[s].simulation();
            if (simulation == null) {
                sink.accept(s, null);
                return;
            }
            double[] y = history == null ? new double[0] : historyUntilEnd(history, shift, s);
            double[][] values = new double[paths][h];
            simulation.simulate(y, new java.util.SplittableRandom(io.demandcast.core.model.SamplePaths.seriesSeed(seed, ids[s])), values);
            sink.accept(s, new Paths(simulation.pathMethod(), values));
        });
    }

    /** Series {@code s}'s cleaned values in {@code history} up to its last period in this model; empty when absent. */
    private double[] historyUntilEnd(Panel history, int shift, int s) {
        int i = history.indexOf(ids[s]);
        if (i < 0) {
            return new double[0];
        }
        int[] periods = history.periods(i);
        int end = 0;
        while (end < periods.length && periods[end] + shift <= lastPeriods[s]) {
            end++;
        }
        return SeriesCleaner.clean(java.util.Arrays.copyOf(history.values(i), end));
    }

    @Override
    public UpdateMode updateMode() {
        return method.updateMode();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Each series of {@code history} is cleaned as {@link LocalForecaster#fit} cleans it and
     * passed to {@link SeriesMethod#update} with its fit, in parallel over series. A series that had
     * no observed value when fitted had nothing estimated, and is fitted on its history afresh.
     * {@code history} may be on another axis of the same frequency whose periods align with the
     * model's (another anchor); the result stays on the model's axis.
     */
    @Override
    public FittedLocalModel update(Panel history) {
        int shift = periodShift(history.axis());
        int n = history.seriesCount();
        int[] target = new int[n];
        int[] newFirst = new int[n];
        int[] newLast = new int[n];
        for (int s = 0; s < n; s++) {
            String id = history.seriesId(s);
            Integer index = indexById.get(id);
            if (index == null) {
                throw new IllegalArgumentException("history holds series '" + id + "', which this " + family()
                        + " model was not fitted on (it knows " + ids.length + " series); refit to add series");
            }
            int i = index;
            int first = firstObserved(history, s);
            newFirst[s] = first < 0 ? -1 : first + shift;
            newLast[s] = history.length(s) == 0 ? -1 : history.lastPeriod(s) + shift;
            if (firstObserved[i] >= 0 && newFirst[s] != firstObserved[i]) {
                throw new IllegalArgumentException("series '" + id + "': its history's first observed value is "
                        + (newFirst[s] < 0 ? "missing" : "on " + axis.date(newFirst[s])) + ", but the model was fitted from "
                        + axis.date(firstObserved[i]) + "; pass each series' whole history from the same start");
            }
            if (lastPeriods[i] >= 0 && newLast[s] < lastPeriods[i]) {
                throw new IllegalArgumentException("series '" + id + "': its history ends "
                        + (newLast[s] < 0 ? "before it starts (no rows)" : "on " + axis.date(newLast[s])) + ", before "
                        + axis.date(lastPeriods[i]) + ", the end of the data the model was fitted on");
            }
            target[s] = i;
        }
        int[] first = firstObserved.clone();
        int[] last = lastPeriods.clone();
        SeriesFit[] updated = fits.clone();
        FamilyUsed[] updatedFallbacks = fallbacks.clone();
        // refusals are collected and the first (in history order) thrown from this thread, so the
        // message is the method's own and does not depend on which worker met it first
        IllegalArgumentException[] refused = new IllegalArgumentException[n];
        IntStream.range(0, n).parallel().forEach(s -> {
            int i = target[s];
            double[] y = SeriesCleaner.clean(history.values(s));
            try {
                boolean refit = firstObserved[i] == -1;
                updated[i] = refit ? method.fit(y) : method.update(fits[i], y);
                // a filter keeps the fitted form, fallback included; a reforecast or a refit is a new fit
                if (refit || method.updateMode() == UpdateMode.REFORECAST) {
                    updatedFallbacks[i] = method.familyUsed(y, updated[i]);
                }
            } catch (IllegalArgumentException e) {
                refused[s] = e;
            }
            first[i] = newFirst[s];
            last[i] = newLast[s];
        });
        for (int s = 0; s < n; s++) {
            if (refused[s] != null) {
                throw new IllegalArgumentException("series '" + history.seriesId(s) + "': " + refused[s].getMessage(), refused[s]);
            }
        }
        return new FittedLocalModel(method, axis, ids, first, last, updated, updatedFallbacks);
    }

    /**
     * What to add to a period of {@code other} to get the same date's period on this model's axis.
     *
     * @throws IllegalArgumentException when the frequencies differ or the axes' periods do not align
     */
    private int periodShift(TimeAxis other) {
        if (other.frequency() != axis.frequency()) {
            throw new IllegalArgumentException("history is " + other.frequency().label() + ", this model was fitted on "
                    + axis.frequency().label() + " data");
        }
        if (other.equals(axis)) {
            return 0;
        }
        try {
            return axis.period(other.anchor());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("history's periods do not align with the model's: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@value #STATE_FILE} as one pretty-printed JSON document, series by series: the whole
     * document is never built in memory (at 30,490 series it was a tree and a string of hundreds of
     * megabytes). The bytes are those of the document written at once.
     */
    @Override
    public void save(Path directory) throws IOException {
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(directory.resolve(STATE_FILE)), 1 << 16);
             JsonGenerator out = JSON.getFactory().createGenerator(file)) {
            out.setPrettyPrinter(new DefaultPrettyPrinter());
            out.writeStartObject();
            out.writeNumberField("format_version", FORMAT_VERSION);
            out.writeStringField("family", method.family());
            out.writeFieldName("parameters");
            JSON.writeTree(out, JSON.valueToTree(method.parameters()));
            out.writeStringField("frequency", axis.frequency().label());
            out.writeStringField("anchor", axis.anchor().toString());
            out.writeArrayFieldStart("series");
            for (int s = 0; s < ids.length; s++) {
                JSON.writeTree(out, seriesNode(s));
            }
            out.writeEndArray();
            out.writeEndObject();
        }
    }

    private ObjectNode seriesNode(int s) {
        ObjectNode one = JSON.createObjectNode();
        one.put("id", ids[s]);
        if (firstObserved[s] != UNKNOWN_PERIOD) {
            one.put("first_observed", firstObserved[s]);
        }
        one.put("last_period", lastPeriods[s]);
        one.set("state", fits[s].state());
        if (fallbacks[s] != null) {
            ObjectNode used = one.putObject("fallback").put("family", fallbacks[s].family());
            if (fallbacks[s].reason() != null) {
                used.put("reason", fallbacks[s].reason().code());
            }
        }
        return one;
    }

    /**
     * Reads what {@link #save} wrote, with {@code method} (built from the saved parameters) reading
     * each series' state.
     *
     * @throws IOException naming the file on a format or family mismatch
     */
    static FittedLocalModel load(Path directory, String family, java.util.function.Function<JsonNode, SeriesMethod> methodFromParameters)
            throws IOException {
        Path file = directory.resolve(STATE_FILE);
        JsonNode root = JSON.readTree(file.toFile());
        int version = root.path("format_version").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new IOException(file + ": unsupported format_version " + version + " (this build reads " + FORMAT_VERSION + ")");
        }
        String saved = root.path("family").asText();
        if (!saved.equals(family)) {
            throw new IOException(file + ": holds a '" + saved + "' model, not '" + family + "'");
        }
        SeriesMethod method = methodFromParameters.apply(root.path("parameters"));
        TimeAxis axis = new TimeAxis(Frequency.parse(root.path("frequency").asText()), LocalDate.parse(root.path("anchor").asText()));
        JsonNode series = root.path("series");
        int n = series.size();
        String[] ids = new String[n];
        int[] first = new int[n];
        int[] last = new int[n];
        SeriesFit[] fits = new SeriesFit[n];
        FamilyUsed[] fallbacks = new FamilyUsed[n];
        for (int s = 0; s < n; s++) {
            JsonNode one = series.get(s);
            ids[s] = one.path("id").asText();
            first[s] = one.path("first_observed").isInt() ? one.get("first_observed").asInt() : UNKNOWN_PERIOD;
            last[s] = one.path("last_period").asInt();
            try {
                fits[s] = method.load(one.path("state"));
                JsonNode fallback = one.path("fallback");
                if (fallback.isObject()) {
                    fallbacks[s] = new FamilyUsed(fallback.path("family").asText(),
                            fallback.path("reason").isTextual() ? FallbackReason.ofCode(fallback.path("reason").asText()) : null);
                }
            } catch (RuntimeException e) {
                throw new IOException(file + ": series '" + ids[s] + "': " + e.getMessage(), e);
            }
        }
        return new FittedLocalModel(method, axis, ids, first, last, fits, fallbacks);
    }
}
