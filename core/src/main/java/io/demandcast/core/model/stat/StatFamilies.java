package io.demandcast.core.model.stat;

import io.demandcast.core.model.ModelFamily;
import java.util.List;
import java.util.Set;

/** The statistical model families, as the registry lists them. */
public final class StatFamilies {
    public static final String NAIVE = "naive";
    public static final String SEASONAL_NAIVE = "seasonal_naive";

    private StatFamilies() {
    }

    /** Every statistical family. */
    public static List<ModelFamily> all() {
        return List.of(
                new LocalFamily(NAIVE, "last observed value repeated; no parameters",
                        (params, ctx) -> {
                            Params.of(NAIVE, params, Set.of());
                            return new SeasonalNaive(NAIVE, 1);
                        },
                        saved -> new SeasonalNaive(NAIVE, 1)),
                new LocalFamily(SEASONAL_NAIVE,
                        "value one season earlier repeated; season_length (default: data.season_length, else 7 daily, 52 weekly, 12 monthly, 4 quarterly, 1 yearly)",
                        (params, ctx) -> new SeasonalNaive(SEASONAL_NAIVE,
                                Params.of(SEASONAL_NAIVE, params, Set.of("season_length")).integer("season_length", ctx.seasonLength(), 1, 10_000)),
                        saved -> new SeasonalNaive(SEASONAL_NAIVE, saved.path("season_length").asInt(1))));
    }
}
