package io.demandcast.core.model.stat.intermittent;

import com.fasterxml.jackson.databind.JsonNode;
import io.demandcast.core.model.ModelFamily;
import io.demandcast.core.model.stat.LocalFamily;
import io.demandcast.core.model.stat.Params;
import java.util.List;
import java.util.Set;

/** The intermittent-demand families, for the registry. */
public final class IntermittentFamilies {
    public static final String CROSTON = "croston";
    public static final String SBA = "sba";
    public static final String TSB = "tsb";
    public static final String ADIDA = "adida";
    public static final String IMAPA = "imapa";
    /** The value of croston's {@code alpha} asking for optimised smoothing weights. */
    public static final String OPTIMIZED = "optimized";
    public static final double DEFAULT_ALPHA = 0.1;

    private IntermittentFamilies() {
    }

    /** {@code croston}, {@code sba}, {@code tsb}, {@code adida}, {@code imapa}. */
    public static List<ModelFamily> families() {
        return List.of(
                new LocalFamily(CROSTON, "Croston's method (R croston); alpha: a number in (0, 1] (default 0.1) or 'optimized' (each in [0.1, 0.3], statsforecast CrostonOptimized)",
                        (params, ctx) -> croston(params), IntermittentFamilies::croston),
                new LocalFamily(SBA, "Syntetos-Boylan approximation, Croston x (1 - alpha/2); alpha (default 0.1)",
                        (params, ctx) -> Croston.sba(Params.of(SBA, params, Set.of("alpha")).number("alpha", DEFAULT_ALPHA, 1e-6, 1)),
                        saved -> Croston.sba(saved.path("alpha").asDouble(DEFAULT_ALPHA))),
                new LocalFamily(TSB, "Teunter-Syntetos-Babai: demand probability smoothed every period, size at demands; alpha_d, alpha_p (default 0.1 each)",
                        (params, ctx) -> {
                            Params p = Params.of(TSB, params, Set.of("alpha_d", "alpha_p"));
                            return new Tsb(p.number("alpha_d", DEFAULT_ALPHA, 1e-6, 1), p.number("alpha_p", DEFAULT_ALPHA, 1e-6, 1));
                        },
                        saved -> new Tsb(saved.path("alpha_d").asDouble(DEFAULT_ALPHA), saved.path("alpha_p").asDouble(DEFAULT_ALPHA))),
                new LocalFamily(ADIDA, "aggregate to the mean inter-demand interval, optimised SES, disaggregate (statsforecast ADIDA); no parameters",
                        (params, ctx) -> {
                            Params.of(ADIDA, params, Set.of());
                            return Adida.adida();
                        },
                        saved -> Adida.adida()),
                new LocalFamily(IMAPA, "ADIDA at every aggregation level up to the mean interval, averaged (statsforecast IMAPA); no parameters",
                        (params, ctx) -> {
                            Params.of(IMAPA, params, Set.of());
                            return Adida.imapa();
                        },
                        saved -> Adida.imapa()));
    }

    /** croston from params: {@code alpha} a number or "optimized". */
    static Croston croston(JsonNode params) {
        Params p = Params.of(CROSTON, params, Set.of("alpha"));
        JsonNode alpha = p.node("alpha");
        if (alpha != null && alpha.isTextual()) {
            if (!alpha.textValue().equals(OPTIMIZED)) {
                throw new IllegalArgumentException("model.params.alpha of " + CROSTON + " must be a number in (0, 1] or '"
                        + OPTIMIZED + "' (got " + alpha + ")");
            }
            return Croston.optimized();
        }
        return Croston.classic(p.number("alpha", DEFAULT_ALPHA, 1e-6, 1));
    }
}
