package io.demandcast.core.model.stat.theta;

import io.demandcast.core.model.ModelFamily;
import io.demandcast.core.model.stat.LocalFamily;
import io.demandcast.core.model.stat.Params;
import java.util.List;
import java.util.Set;

/** The theta-method families, for the registry. */
public final class ThetaFamilies {
    public static final String THETA = "theta";

    private ThetaFamilies() {
    }

    /** {@code theta}. */
    public static List<ModelFamily> families() {
        return List.of(new LocalFamily(THETA,
                "standard Theta method as R's thetaf (seasonality test, multiplicative decomposition, SES with drift); season_length (default: data.season_length)",
                (params, ctx) -> new Theta(Params.of(THETA, params, Set.of("season_length")).integer("season_length", ctx.seasonLength(), 1, 10_000)),
                saved -> new Theta(saved.path("season_length").asInt(1))));
    }
}
