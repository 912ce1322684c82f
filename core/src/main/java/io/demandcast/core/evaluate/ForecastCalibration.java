package io.demandcast.core.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.artifact.ArtifactException;
import io.demandcast.core.model.Forecast;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What {@code predict} does to a model's raw forecast, decided when the model was trained and
 * stored beside its state as {@value #FILE}:
 * <pre>
 * {"format_version": 1, "clip_at_zero": true,
 *  "conformal": null | {"windows": 3, "calibration": {ConformalCalibration JSON},
 *                       "series": [{"id": "A", "scale": 1.7, "group": "smooth", "counts": true}, ...],
 *                       "cumulative_scores": {CumulativeScores JSON}}}
 * </pre>
 * {@code cumulative_scores} and each series' {@code counts} (its training history is whole numbers)
 * were added later within format version 1: a file without them loads with no cumulative scores
 * and no series counted, and {@code predict --lead-time} then uses its normal approximation for
 * models that cannot simulate.
 * {@code clip_at_zero} is true when the policy was {@code always}, or {@code auto} and the
 * training target had no negative value. The conformal part holds the calibration from
 * {@code train}'s own rolling-origin backtest and each series' scale and demand class at the end
 * of the training data. Immutable.
 *
 * @param clipAtZero   clip points and quantiles at 0
 * @param conformal    the calibration, or null when the model was trained without conformal intervals
 * @param windows      backtest windows the calibration came from (0 without one)
 * @param scales       series id → scale of its scores
 * @param groups       series id → group (demand class)
 * @param cumulative   the calibration backtest's cumulative errors, for the bootstrap of lead-time
 *                     demand; null when not recorded (no conformal calibration, an older artifact)
 * @param counts       ids of the series whose training history is whole numbers (count data)
 */
public record ForecastCalibration(boolean clipAtZero, ConformalCalibration conformal, int windows,
                                  Map<String, Double> scales, Map<String, String> groups,
                                  CumulativeScores cumulative, Set<String> counts) {
    public static final String FILE = "calibration.json";
    static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ForecastCalibration {
        scales = Collections.unmodifiableMap(new LinkedHashMap<>(scales));
        groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        counts = Collections.unmodifiableSet(new LinkedHashSet<>(counts));
    }

    /** Without cumulative scores. */
    public ForecastCalibration(boolean clipAtZero, ConformalCalibration conformal, int windows,
                               Map<String, Double> scales, Map<String, String> groups) {
        this(clipAtZero, conformal, windows, scales, groups, null, Set.of());
    }

    /** Whether forecasts are clipped at zero: always, never, or when the target has no negative value. */
    public static boolean clipsAtZero(io.demandcast.core.config.PredictConfig.ClipNegative policy,
                                      io.demandcast.core.data.Panel history) {
        return switch (policy) {
            case always -> true;
            case never -> false;
            case auto -> !NonNegative.hasNegative(history.targetColumn());
        };
    }

    /** No conformal calibration. */
    public static ForecastCalibration clipOnly(boolean clipAtZero) {
        return new ForecastCalibration(clipAtZero, null, 0, Map.of(), Map.of());
    }

    /**
     * The adjusted forecast: conformal quantiles when asked for, then clipping.
     *
     * @throws ArtifactException when conformal intervals are asked for and the model has no
     *                           calibration, or a forecast series has no recorded scale
     */
    public Forecast apply(Forecast forecast, boolean conformalIntervals, String where) {
        Forecast out = forecast;
        if (conformalIntervals) {
            if (conformal == null) {
                throw new ArtifactException(where + ": the model was trained without conformal calibration; train it again "
                        + "with predict.intervals: conformal, or predict with predict.intervals: model");
            }
            double[] s = new double[forecast.seriesCount()];
            String[] g = new String[forecast.seriesCount()];
            for (int i = 0; i < s.length; i++) {
                Double scale = scales.get(forecast.seriesId(i));
                if (scale == null) {
                    throw new ArtifactException(where + ": series '" + forecast.seriesId(i) + "' has no conformal scale");
                }
                s[i] = scale;
                g[i] = groups.getOrDefault(forecast.seriesId(i), "");
            }
            out = conformal.apply(out, s, g);
        }
        return clipAtZero ? NonNegative.clipAtZero(out) : out;
    }

    /** Writes {@value #FILE} into a directory. */
    public void save(Path directory) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", FORMAT_VERSION);
        root.put("clip_at_zero", clipAtZero);
        if (conformal == null) {
            root.putNull("conformal");
        } else {
            ObjectNode c = root.putObject("conformal");
            c.put("windows", windows);
            c.set("calibration", conformal.toJson());
            ArrayNode series = c.putArray("series");
            scales.forEach((id, scale) -> {
                ObjectNode one = series.addObject();
                one.put("id", id);
                one.put("scale", scale);
                one.put("group", groups.getOrDefault(id, ""));
                if (counts.contains(id)) {
                    one.put("counts", true);
                }
            });
            if (cumulative != null) {
                c.set("cumulative_scores", cumulative.toJson());
            }
        }
        Files.writeString(directory.resolve(FILE), JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    }

    /**
     * Reads {@value #FILE} from a model directory; a model saved before calibrations existed has
     * none, and then nothing is clipped (its training data is unknown here).
     *
     * @throws ArtifactException naming the file when it is not a valid calibration
     */
    public static ForecastCalibration load(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        if (!Files.exists(file)) {
            return clipOnly(false);
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new ArtifactException(file + ": not valid JSON: " + e.getMessage(), e);
        }
        if (root.path("format_version").asInt(-1) != FORMAT_VERSION) {
            throw new ArtifactException(file + ": unsupported format_version " + root.path("format_version")
                    + " (this build reads " + FORMAT_VERSION + ")");
        }
        boolean clip = root.path("clip_at_zero").asBoolean(false);
        JsonNode c = root.path("conformal");
        if (c.isMissingNode() || c.isNull()) {
            return clipOnly(clip);
        }
        Map<String, Double> scales = new LinkedHashMap<>();
        Map<String, String> groups = new LinkedHashMap<>();
        Set<String> counts = new LinkedHashSet<>();
        for (JsonNode one : c.path("series")) {
            scales.put(one.path("id").asText(), one.path("scale").asDouble());
            groups.put(one.path("id").asText(), one.path("group").asText());
            if (one.path("counts").asBoolean(false)) {
                counts.add(one.path("id").asText());
            }
        }
        JsonNode cumulative = c.path("cumulative_scores");
        return new ForecastCalibration(clip, ConformalCalibration.fromJson(c.path("calibration"), file.toString()),
                c.path("windows").asInt(), scales, groups,
                cumulative.isMissingNode() || cumulative.isNull() ? null : CumulativeScores.fromJson(cumulative, file.toString()),
                counts);
    }
}
