package io.demandcast.core.model.deep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.data.TimeAxis;
import io.demandcast.core.model.ml.features.Coding;
import io.demandcast.core.model.ml.features.FeatureSchema;
import io.demandcast.core.model.ml.features.SeriesFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * How a series' periods become the network's two inputs, the same in training and forecasting
 * (both read a {@link SeriesFrame}): fixed at fit, saved with the model.
 *
 * <p><b>Window</b> ({@code lookback} periods ending at the last input period, channels × time):
 * the scaled target {@code y / s} (0 where missing or before the series starts; with
 * {@code scale: window} also divided by the window's own mean of |y / s|, by which the network's
 * outputs are then multiplied back; with {@code deseasonalize}, less the window's seasonal profile,
 * see {@link #fillWindow}), {@code observed}
 * (1 where the target is known), then the period's covariate inputs, then the series' static
 * inputs repeated along time.
 *
 * <p><b>Future</b> (the {@code horizon} periods after the window, flattened step by step): each
 * forecast period's covariate inputs, joined to the last LSTM step's output before the dense head.
 *
 * <p>Covariate inputs of a period: each known numeric column standardised with its training mean
 * and standard deviation, each price column relative to the series' mean price ({@code p / mean - 1}),
 * each known categorical column one-hot over its most frequent training values, the calendar
 * ({@link CalendarCoding}). Static inputs: each static attribute one-hot over its most frequent
 * values, and the standardised {@code log1p} of the series' mean |y|. A missing or unseen value is 0.
 *
 * <p>Past-only numeric columns (observed only up to a cutoff) are window channels only, standardised
 * with their training mean and deviation (0 where missing): the window ends at the forecast origin,
 * so the network reads them up to the cutoff and never over the forecast periods.
 */
final class InputLayout {
    private final FeatureSchema schema;
    private final TimeAxis axis;
    private final int lookback;
    private final int horizon;
    private final boolean annual;
    private final boolean windowScaled;
    private final int season;
    private final double[] knownMean;
    private final double[] knownStd;
    private final double[] pastMean;
    private final double[] pastStd;
    private final double logScaleMean;
    private final double logScaleStd;
    private final int[][] categoricalSlot;
    private final int[][] staticSlot;
    private final int covariateCount;
    private final int staticCount;

    /**
     * @param schema       known numeric, price, categorical and static columns (no past-only ones)
     * @param annual       whether the calendar inputs include the position in the year ({@link CalendarCoding#annual})
     * @param windowScaled whether each window's target is also divided by the window's mean |y / s| ({@code scale: window})
     * @param season       season length whose profile each window's target loses ({@code deseasonalize}); 0 for none
     * @param knownMean    per {@link FeatureSchema#known()} column, its training mean
     * @param knownStd     per known column, its training standard deviation (1 when it is 0)
     * @param pastMean     per {@link FeatureSchema#pastOnly()} column, its training mean
     * @param pastStd      per past-only column, its training standard deviation (1 when it is 0)
     * @param logScaleMean mean over the training series of {@code log1p} of their mean |y|
     * @param logScaleStd  its standard deviation (1 when it is 0)
     */
    InputLayout(FeatureSchema schema, TimeAxis axis, int lookback, int horizon, boolean annual, boolean windowScaled, int season,
                double[] knownMean, double[] knownStd, double[] pastMean, double[] pastStd, double logScaleMean, double logScaleStd) {
        this.schema = schema;
        this.axis = axis;
        this.lookback = lookback;
        this.horizon = horizon;
        this.annual = annual;
        this.windowScaled = windowScaled;
        this.season = season;
        this.knownMean = knownMean.clone();
        this.knownStd = knownStd.clone();
        this.pastMean = pastMean.clone();
        this.pastStd = pastStd.clone();
        this.logScaleMean = logScaleMean;
        this.logScaleStd = logScaleStd;
        this.categoricalSlot = schema.categorical().stream().map(Coding::oneHotIndexByCode).toArray(int[][]::new);
        this.staticSlot = schema.statics().stream().map(Coding::oneHotIndexByCode).toArray(int[][]::new);
        int count = schema.known().size() + schema.price().size() + CalendarCoding.names(axis.frequency(), annual).size();
        for (Coding c : schema.categorical()) {
            count += c.oneHot().size();
        }
        this.covariateCount = count;
        int statics = 1;
        for (Coding c : schema.statics()) {
            statics += c.oneHot().size();
        }
        this.staticCount = statics;
    }

    FeatureSchema schema() {
        return schema;
    }

    TimeAxis axis() {
        return axis;
    }

    int lookback() {
        return lookback;
    }

    int horizon() {
        return horizon;
    }

    /** Channels of the window input. */
    int windowChannels() {
        return 2 + covariateCount + pastMean.length + staticCount;
    }

    /** Size of the future input: {@code horizon} × the covariate inputs of a period. */
    int futureSize() {
        return horizon * covariateCount;
    }

    /** The window input's channel names. */
    List<String> windowNames() {
        List<String> out = new ArrayList<>(List.of("target", "observed"));
        out.addAll(covariateNames());
        schema.pastOnly().forEach(p -> out.add("past:" + p));
        for (Coding c : schema.statics()) {
            c.oneHot().forEach(v -> out.add(c.name() + "=" + v));
        }
        out.add("log_scale");
        return List.copyOf(out);
    }

    /** The covariate inputs of one period, as the future input repeats them for each forecast step. */
    List<String> covariateNames() {
        List<String> out = new ArrayList<>(schema.known());
        schema.price().forEach(p -> out.add(p + "_relative"));
        for (Coding c : schema.categorical()) {
            c.oneHot().forEach(v -> out.add(c.name() + "=" + v));
        }
        out.addAll(CalendarCoding.names(axis.frequency(), annual));
        return List.copyOf(out);
    }

    /**
     * Writes the window ending at frame position {@code end} into {@code out} at {@code offset}, laid
     * out channel-major ({@code offset + channel * lookback + t}); positions before the frame are 0.
     *
     * <p>The target channel is {@code z / factor - profile(t)}. {@code factor} is the window's mean
     * |z| with {@code scale: window} (1 when it has no non-zero value), else 1. {@code profile} is
     * 0 without {@code deseasonalize}; with it, the window's seasonal profile: for each position in
     * the season, the mean of {@code z / factor} over the window's observed periods at that position,
     * less the mean of those means (0 for a position the window does not observe). The network then
     * learns what the window's seasonal average does not explain (ES-RNN's idea, with the profile
     * read from the window instead of fitted).
     *
     * @param baseline receives, at {@code baselineOffset + k}, the profile at forecast step {@code k + 1}
     *                 ({@code horizon} values): a forecast is {@code factor × (output + baseline)}
     * @return {@code factor}
     */
    double fillWindow(SeriesFrame frame, int end, float[] out, int offset, double[] baseline, int baselineOffset) {
        double factor = windowScaled ? windowMean(frame, end) : 1;
        double[] profile = profile(frame, end, factor);
        float[] period = new float[covariateCount];
        float[] statics = staticInputs(frame);
        int channels = windowChannels();
        for (int t = 0; t < lookback; t++) {
            int pos = end - lookback + 1 + t;
            if (pos < 0) {
                for (int c = 0; c < channels; c++) {
                    out[offset + c * lookback + t] = 0;
                }
                continue;
            }
            double z = frame.z()[pos];
            boolean observed = Double.isFinite(z);
            out[offset + t] = observed ? (float) (z / factor - profileAt(profile, frame, pos)) : 0;
            out[offset + lookback + t] = observed ? 1 : 0;
            fillCovariates(frame, pos, period, 0);
            for (int c = 0; c < covariateCount; c++) {
                out[offset + (2 + c) * lookback + t] = period[c];
            }
            for (int c = 0; c < pastMean.length; c++) {
                double v = frame.pastOnly()[c][pos];
                out[offset + (2 + covariateCount + c) * lookback + t] = Double.isFinite(v) ? (float) ((v - pastMean[c]) / pastStd[c]) : 0;
            }
            for (int c = 0; c < staticCount; c++) {
                out[offset + (2 + covariateCount + pastMean.length + c) * lookback + t] = statics[c];
            }
        }
        for (int k = 0; k < horizon; k++) {
            baseline[baselineOffset + k] = profileAt(profile, frame, end + 1 + k);
        }
        return factor;
    }

    /** The window's seasonal profile by season position ({@link #fillWindow}), or null without {@code deseasonalize}. */
    private double[] profile(SeriesFrame frame, int end, double factor) {
        if (season < 2) {
            return null;
        }
        double[] sum = new double[season];
        int[] count = new int[season];
        for (int pos = Math.max(0, end - lookback + 1); pos <= end; pos++) {
            double z = frame.z()[pos];
            if (Double.isFinite(z)) {
                int p = Math.floorMod(frame.firstPeriod() + pos, season);
                sum[p] += z / factor;
                count[p]++;
            }
        }
        double total = 0;
        int positions = 0;
        for (int p = 0; p < season; p++) {
            if (count[p] > 0) {
                sum[p] /= count[p];
                total += sum[p];
                positions++;
            }
        }
        double mean = positions == 0 ? 0 : total / positions;
        double[] profile = new double[season];
        for (int p = 0; p < season; p++) {
            profile[p] = count[p] > 0 ? sum[p] - mean : 0;
        }
        return profile;
    }

    private double profileAt(double[] profile, SeriesFrame frame, int pos) {
        return profile == null ? 0 : profile[Math.floorMod(frame.firstPeriod() + pos, season)];
    }

    private double windowMean(SeriesFrame frame, int end) {
        double sum = 0;
        int n = 0;
        for (int pos = Math.max(0, end - lookback + 1); pos <= end; pos++) {
            double z = frame.z()[pos];
            if (Double.isFinite(z)) {
                sum += Math.abs(z);
                n++;
            }
        }
        return n > 0 && sum > 0 ? sum / n : 1;
    }

    /** Writes the covariate inputs of frame positions {@code end + 1 .. end + horizon} into {@code out} at {@code offset}. */
    void fillFuture(SeriesFrame frame, int end, float[] out, int offset) {
        for (int k = 0; k < horizon; k++) {
            fillCovariates(frame, end + 1 + k, out, offset + k * covariateCount);
        }
    }

    /** The covariate inputs of one frame position, at {@code out[offset..]}; a position past the frame's end has only its calendar. */
    private void fillCovariates(SeriesFrame frame, int pos, float[] out, int offset) {
        boolean inside = pos < frame.length();
        int i = offset;
        for (int c = 0; c < schema.known().size(); c++) {
            double v = inside ? frame.known()[c][pos] : Double.NaN;
            out[i++] = Double.isFinite(v) ? (float) ((v - knownMean[c]) / knownStd[c]) : 0;
        }
        for (int c = 0; c < schema.price().size(); c++) {
            double v = inside ? frame.price()[c][pos] : Double.NaN;
            double mean = frame.priceMean()[c];
            out[i++] = Double.isFinite(v) && Double.isFinite(mean) && mean != 0 ? (float) (v / mean - 1) : 0;
        }
        for (int c = 0; c < categoricalSlot.length; c++) {
            int width = schema.categorical().get(c).oneHot().size();
            for (int j = 0; j < width; j++) {
                out[i + j] = 0;
            }
            int code = inside ? frame.categorical()[c][pos] : -1;
            if (code >= 0 && categoricalSlot[c][code] >= 0) {
                out[i + categoricalSlot[c][code]] = 1;
            }
            i += width;
        }
        CalendarCoding.fill(axis.frequency(), annual, axis.date(frame.firstPeriod() + pos), out, i);
    }

    private float[] staticInputs(SeriesFrame frame) {
        float[] out = new float[staticCount];
        int i = 0;
        for (int c = 0; c < staticSlot.length; c++) {
            int code = frame.staticCodes()[c];
            if (code >= 0 && staticSlot[c][code] >= 0) {
                out[i + staticSlot[c][code]] = 1;
            }
            i += schema.statics().get(c).oneHot().size();
        }
        out[i] = (float) ((frame.logScale() - logScaleMean) / logScaleStd);
        return out;
    }

    void write(ObjectNode node) {
        schema.write(node.putObject("schema"));
        node.put("lookback", lookback);
        node.put("horizon", horizon);
        node.put("annual", annual);
        node.put("scale", windowScaled ? "window" : "history");
        node.put("deseasonalize_season", season);
        ArrayNode mean = node.putArray("known_mean");
        ArrayNode std = node.putArray("known_std");
        for (int c = 0; c < knownMean.length; c++) {
            mean.add(knownMean[c]);
            std.add(knownStd[c]);
        }
        ArrayNode pm = node.putArray("past_only_mean");
        ArrayNode ps = node.putArray("past_only_std");
        for (int c = 0; c < pastMean.length; c++) {
            pm.add(pastMean[c]);
            ps.add(pastStd[c]);
        }
        node.put("log_scale_mean", logScaleMean);
        node.put("log_scale_std", logScaleStd);
        windowNames().forEach(node.putArray("window_inputs")::add);
        covariateNames().forEach(node.putArray("future_inputs_per_step")::add);
    }

    static InputLayout read(JsonNode node, TimeAxis axis) {
        FeatureSchema schema = FeatureSchema.read(node.path("schema"));
        int known = schema.known().size();
        double[] mean = new double[known];
        double[] std = new double[known];
        for (int c = 0; c < known; c++) {
            mean[c] = node.path("known_mean").path(c).asDouble();
            std[c] = node.path("known_std").path(c).asDouble(1);
        }
        int past = schema.pastOnly().size();
        double[] pastMean = new double[past];
        double[] pastStd = new double[past];
        for (int c = 0; c < past; c++) {
            pastMean[c] = node.path("past_only_mean").path(c).asDouble();
            pastStd[c] = node.path("past_only_std").path(c).asDouble(1);
        }
        return new InputLayout(schema, axis, node.path("lookback").asInt(), node.path("horizon").asInt(), node.path("annual").asBoolean(),
                node.path("scale").asText("history").equals("window"), node.path("deseasonalize_season").asInt(0), mean, std, pastMean, pastStd,
                node.path("log_scale_mean").asDouble(), node.path("log_scale_std").asDouble(1));
    }
}
