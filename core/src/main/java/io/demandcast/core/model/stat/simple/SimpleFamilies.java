package io.demandcast.core.model.stat.simple;

import io.demandcast.core.model.ModelFamily;
import io.demandcast.core.model.stat.LocalFamily;
import io.demandcast.core.model.stat.Params;
import java.util.List;
import java.util.Set;

/** The simple benchmark families, for the registry. */
public final class SimpleFamilies {
    public static final String MEAN = "mean";
    public static final String DRIFT = "drift";
    public static final String WINDOW_AVERAGE = "window_average";
    public static final String SEASONAL_WINDOW_AVERAGE = "seasonal_window_average";
    /** Default number of seasons averaged by {@code seasonal_window_average}. */
    public static final int DEFAULT_WINDOWS = 2;

    private SimpleFamilies() {
    }

    /** {@code mean}, {@code drift}, {@code window_average}, {@code seasonal_window_average}. */
    public static List<ModelFamily> families() {
        return List.of(
                new LocalFamily(MEAN, "historical mean, Student-t intervals as R's meanf; no parameters",
                        (params, ctx) -> {
                            Params.of(MEAN, params, Set.of());
                            return new Mean();
                        },
                        saved -> new Mean()),
                new LocalFamily(DRIFT, "random walk with drift, intervals as R's rwf(drift = TRUE); no parameters",
                        (params, ctx) -> {
                            Params.of(DRIFT, params, Set.of());
                            return new Drift();
                        },
                        saved -> new Drift()),
                new LocalFamily(WINDOW_AVERAGE, "mean of the last `window` values (default: data.season_length)",
                        (params, ctx) -> WindowAverage.plain(
                                Params.of(WINDOW_AVERAGE, params, Set.of("window")).integer("window", ctx.seasonLength(), 1, 100_000)),
                        saved -> WindowAverage.plain(saved.path("window").asInt(1))),
                new LocalFamily(SEASONAL_WINDOW_AVERAGE,
                        "per season position, mean of the last `windows` seasons (default " + DEFAULT_WINDOWS
                                + "); season_length (default: data.season_length)",
                        (params, ctx) -> {
                            Params p = Params.of(SEASONAL_WINDOW_AVERAGE, params, Set.of("season_length", "windows"));
                            return WindowAverage.seasonal(p.integer("season_length", ctx.seasonLength(), 1, 10_000),
                                    p.integer("windows", DEFAULT_WINDOWS, 1, 10_000));
                        },
                        saved -> WindowAverage.seasonal(saved.path("season_length").asInt(1), saved.path("windows").asInt(1))));
    }
}
