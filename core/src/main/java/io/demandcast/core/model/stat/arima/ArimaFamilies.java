package io.demandcast.core.model.stat.arima;

import com.fasterxml.jackson.databind.JsonNode;
import io.demandcast.core.model.ModelFamily;
import io.demandcast.core.model.stat.LocalFamily;
import io.demandcast.core.model.stat.Params;
import java.util.List;
import java.util.Set;

/** The ARIMA model families, for the registry: {@code auto_arima} and {@code arima}. */
public final class ArimaFamilies {
    public static final String AUTO_ARIMA = "auto_arima";
    public static final String ARIMA = "arima";

    private static final Set<String> AUTO_KEYS = Set.of("season_length", "max_p", "max_q", "max_P", "max_Q", "max_d", "max_D",
            "stepwise", "seasonal", "ic");
    private static final Set<String> FIXED_KEYS = Set.of("order", "seasonal_order", "season_length", "include_constant", "method");

    private ArimaFamilies() {
    }

    /** Both families. */
    public static List<ModelFamily> families() {
        return List.of(
                new LocalFamily(AUTO_ARIMA,
                        "automatic ARIMA as R's auto.arima (KPSS/seasonal-strength differencing, stepwise AICc search); "
                                + "season_length (default: data.season_length), max_p 5, max_q 5, max_P 2, max_Q 2, max_d 2, max_D 1, "
                                + "stepwise true, seasonal true, ic aicc|aic|bic",
                        (params, ctx) -> ArimaMethod.automatic(autoOptions(params, ctx.seasonLength())),
                        saved -> ArimaMethod.automatic(autoOptions(saved, saved.path("season_length").asInt(1)))),
                new LocalFamily(ARIMA,
                        "ARIMA(p,d,q)(P,D,Q)[m] with fixed orders, fitted by CSS-ML; order [p,d,q] (required), "
                                + "seasonal_order [P,D,Q] (default [0,0,0]), season_length (default: data.season_length), "
                                + "include_constant (mean when d+D=0, drift when d+D=1; default true when d+D=0), method css-ml|ml|css (default css-ml)",
                        (params, ctx) -> ArimaMethod.fixed(fixedOrder(params, ctx.seasonLength()), estimation(params)),
                        saved -> ArimaMethod.fixed(fixedOrder(saved, saved.path("season_length").asInt(1)), estimation(saved))));
    }

    static AutoArima.Options autoOptions(JsonNode node, int defaultSeasonLength) {
        Params p = Params.of(AUTO_ARIMA, node, AUTO_KEYS);
        AutoArima.Options d = AutoArima.Options.defaults(1);
        return new AutoArima.Options(
                p.integer("season_length", defaultSeasonLength, 1, 10_000),
                p.integer("max_p", d.maxP(), 0, 20),
                p.integer("max_q", d.maxQ(), 0, 20),
                p.integer("max_P", d.maxSeasonalP(), 0, 5),
                p.integer("max_Q", d.maxSeasonalQ(), 0, 5),
                p.integer("max_d", d.maxD(), 0, 2),
                p.integer("max_D", d.maxSeasonalD(), 0, 1),
                p.bool("stepwise", true),
                p.bool("seasonal", true),
                AutoArima.Criterion.valueOf(p.choice("ic", "aicc", List.of("aicc", "aic", "bic")).toUpperCase(java.util.Locale.ROOT)));
    }

    static ArimaOrder fixedOrder(JsonNode node, int defaultSeasonLength) {
        Params p = Params.of(ARIMA, node, FIXED_KEYS);
        int[] order = triple(p.node("order"), "order", null);
        int[] seasonal = triple(p.node("seasonal_order"), "seasonal_order", new int[3]);
        int m = p.integer("season_length", defaultSeasonLength, 1, 10_000);
        boolean seasonalPart = seasonal[0] + seasonal[1] + seasonal[2] > 0;
        if (seasonalPart && m == 1) {
            throw new IllegalArgumentException("model.params.seasonal_order of arima needs season_length > 1 (got 1)");
        }
        boolean constant = p.bool("include_constant", order[1] + seasonal[1] == 0);
        if (constant && order[1] + seasonal[1] > 1) {
            throw new IllegalArgumentException("model.params.include_constant of arima needs d + D <= 1 (got d=" + order[1] + ", D=" + seasonal[1] + ")");
        }
        return new ArimaOrder(order[0], order[1], order[2], seasonal[0], seasonal[1], seasonal[2], seasonalPart ? m : Math.max(1, m),
                constant);
    }

    static EstimationMethod estimation(JsonNode node) {
        String m = Params.of(ARIMA, node, FIXED_KEYS).choice("method", "css-ml", List.of("css-ml", "ml", "css"));
        return EstimationMethod.valueOf(m.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    private static int[] triple(JsonNode v, String key, int[] defaultValue) {
        if (v == null) {
            if (defaultValue == null) {
                throw new IllegalArgumentException("model.params." + key + " of arima is required: a list [p, d, q] (e.g. [1, 1, 1])");
            }
            return defaultValue;
        }
        if (!v.isArray() || v.size() != 3) {
            throw new IllegalArgumentException("model.params." + key + " must be a list of three integers (got " + v + ")");
        }
        int[] out = new int[3];
        int[] max = {20, 2, 20};
        for (int i = 0; i < 3; i++) {
            JsonNode e = v.get(i);
            if (!e.isIntegralNumber() || e.intValue() < 0 || e.intValue() > max[i]) {
                throw new IllegalArgumentException("model.params." + key + "[" + i + "] must be an integer in [0, " + max[i] + "] (got " + v + ")");
            }
            out[i] = e.intValue();
        }
        return out;
    }
}
