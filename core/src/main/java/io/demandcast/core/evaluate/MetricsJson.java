package io.demandcast.core.evaluate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the aggregate of a {@link ScoreResult} as {@code metrics.json}: one object with stable
 * snake_case keys in a fixed order, versioned by {@code schema_version} so CI gates and dashboards
 * can rely on it. An undefined metric (NaN) is written as {@code null}, since JSON has no NaN.
 * Per-series values go to {@link PerSeriesCsv} instead.
 *
 * <pre>
 * {"schema_version":1, "model":..., "horizon":..,
 *  "options":{"season_length":..,"rmsse_lag":..,"rmsse_start":"first_non_zero","weighted":..},
 *  "aggregate":{"series":..,"n":..,"mae":..,"mse":..,"rmse":..,"mape":..,"smape":..,"mase":..,"rmsse":..,
 *               "wape":..,"bias":..,"relative_bias":..,"r2":..,
 *               "direction":{"accuracy":..,"precision":..,"recall":..,"f1":..,"steps":..},
 *               "excluded":{"mape":..,"mase":..,"rmsse":..,"r2":..},
 *               "wrmsse":..,"wrmsse_by_level":{"1":..,...}}}
 * </pre>
 */
public final class MetricsJson {
    /** Bumped whenever a key is renamed or removed (adding keys keeps the version). */
    public static final int SCHEMA_VERSION = 1;
    public static final String FILE_NAME = "metrics.json";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MetricsJson() {
    }

    /** The JSON tree of a result. */
    public static ObjectNode toTree(ScoreResult result) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema_version", SCHEMA_VERSION);
        root.put("model", result.model());
        root.put("horizon", result.horizon());
        ScoreOptions o = result.options();
        ObjectNode options = root.putObject("options");
        options.put("season_length", o.seasonLength());
        options.put("rmsse_lag", o.rmsseLag());
        options.put("rmsse_start", o.rmsseStart().name().toLowerCase(Locale.ROOT));
        options.put("weighted", o.weights() != null);
        AggregateMetrics a = result.aggregate();
        ObjectNode agg = root.putObject("aggregate");
        agg.put("series", a.series());
        agg.put("n", a.n());
        number(agg, "mae", a.mae());
        number(agg, "mse", a.mse());
        number(agg, "rmse", a.rmse());
        number(agg, "mape", a.mape());
        number(agg, "smape", a.smape());
        number(agg, "mase", a.mase());
        number(agg, "rmsse", a.rmsse());
        number(agg, "wape", a.wape());
        number(agg, "bias", a.bias());
        number(agg, "relative_bias", a.relativeBias());
        number(agg, "r2", a.r2());
        ObjectNode direction = agg.putObject("direction");
        number(direction, "accuracy", a.direction().accuracy());
        number(direction, "precision", a.direction().precision());
        number(direction, "recall", a.direction().recall());
        number(direction, "f1", a.direction().f1());
        direction.put("steps", a.direction().steps());
        ObjectNode excluded = agg.putObject("excluded");
        excluded.put("mape", a.mapeExcluded());
        excluded.put("mase", a.maseExcluded());
        excluded.put("rmsse", a.rmsseExcluded());
        excluded.put("r2", a.r2Excluded());
        number(agg, "wrmsse", a.wrmsse());
        ObjectNode levels = agg.putObject("wrmsse_by_level");
        a.wrmsseByLevel().forEach((level, value) -> number(levels, level, value));
        return root;
    }

    /** The JSON text of a result, indented, ending with a newline. */
    public static String toJson(ScoreResult result) {
        try {
            return MAPPER.writeValueAsString(toTree(result)) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise metrics of " + result.model(), e);
        }
    }

    /** Writes {@link #toJson(ScoreResult)} to {@code file} (UTF-8), replacing it. */
    public static void write(ScoreResult result, Path file) throws IOException {
        Files.writeString(file, toJson(result), StandardCharsets.UTF_8);
    }

    private static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }
}
