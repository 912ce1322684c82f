package io.demandcast.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelFamily;
import io.demandcast.core.model.ModelRegistry;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a bound {@code tune} section against what the record alone cannot know: that each entry's
 * family exists and accepts its parameters (every family is built once per choice and range end,
 * the other parameters at their first value; nothing is fitted), and that the metric is one the
 * backtest measures with lower meaning better. Runs while the YAML positions are still known, so
 * the error points at the key.
 */
final class TuneConfigCheck {
    /** Lower-is-better leaderboard values a search can minimise (names as in {@code MetricNames}). */
    static final List<String> METRICS = List.of("rmsse", "wrmsse", "mase", "mae", "mse", "rmse", "smape", "mape", "wape",
            "crps", "crps_scaled");

    private static final Pattern PARAM = Pattern.compile("model\\.params\\.([A-Za-z0-9_]+)");

    private TuneConfigCheck() {
    }

    /** The first problem of the tune section, or null. */
    static ConfigErrors.Problem check(ExperimentConfig config) {
        TuneConfig tune = config.tune();
        if (tune == null) {
            return null;
        }
        ConfigPath root = new ConfigPath(List.of("tune"));
        if (tune.metric() != null) {
            if (!METRICS.contains(tune.metric())) {
                return new ConfigErrors.Problem(root.key("metric"), false, "tune.metric: '" + tune.metric()
                        + "' is not a lower-is-better backtest metric (allowed: " + String.join(", ", METRICS) + ")", true);
            }
            if (tune.metric().equals("wrmsse") && config.evaluate().weights() == null) {
                return new ConfigErrors.Problem(root.key("metric"), false, "tune.metric: wrmsse needs evaluate.weights", true);
            }
        }
        Frequency frequency = config.data().frequency() != null ? Frequency.parse(config.data().frequency()) : Frequency.DAILY;
        int season = config.data().seasonLength() != null ? config.data().seasonLength() : frequency.defaultSeasonLength();
        ModelContext context = new ModelContext(frequency, season).withQuantileLevels(config.predict().levels());
        ModelRegistry registry = ModelRegistry.standard();
        for (int i = 0; i < tune.space().size(); i++) {
            ConfigPath at = root.key("space").index(i);
            TuneSpaceEntry entry = tune.space().get(i);
            ModelFamily family;
            try {
                family = registry.family(entry.family());
            } catch (IllegalArgumentException e) {
                return new ConfigErrors.Problem(at.key("family"), false, at.key("family") + ": " + e.getMessage(), true);
            }
            ConfigErrors.Problem p = checkParams(family, entry, context, at);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    /** Builds the family with each corner value of each parameter, the others at their first corner. */
    private static ConfigErrors.Problem checkParams(ModelFamily family, TuneSpaceEntry entry, ModelContext context, ConfigPath at) {
        ObjectNode base = JsonNodeFactory.instance.objectNode();
        entry.params().forEach((k, d) -> base.set(k, d.corners().get(0)));
        ConfigErrors.Problem p = build(family, base, context, at, entry, null);
        if (p != null) {
            return p;
        }
        for (Map.Entry<String, ParamDomain> param : entry.params().entrySet()) {
            for (JsonNode value : param.getValue().corners()) {
                ObjectNode params = base.deepCopy();
                params.set(param.getKey(), value);
                p = build(family, params, context, at, entry, param.getKey());
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }

    /**
     * Builds the family; a refusal is reported at the parameter it names ({@code model.params.<key>}),
     * else at the parameter being varied, else at the entry's params.
     */
    private static ConfigErrors.Problem build(ModelFamily family, ObjectNode params, ModelContext context, ConfigPath at,
                                              TuneSpaceEntry entry, String varied) {
        try {
            family.create(params, context);
            return null;
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            Matcher m = PARAM.matcher(message);
            String key = m.find() && entry.params().containsKey(m.group(1)) ? m.group(1) : varied;
            ConfigPath path = key != null ? at.key("params").key(key) : entry.params().isEmpty() ? at.key("family") : at.key("params");
            String value = key != null ? " " + key + "=" + params.get(key) : params.isEmpty() ? "" : " " + params;
            return new ConfigErrors.Problem(path, key != null, path + ": " + family.name() + " refused" + value + ": " + message, true);
        }
    }
}
