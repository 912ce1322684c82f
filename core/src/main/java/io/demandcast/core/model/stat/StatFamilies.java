package io.demandcast.core.model.stat;

import com.fasterxml.jackson.databind.JsonNode;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecaster;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelFamily;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
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
        return List.of(new NaiveFamily(), new SeasonalNaiveFamily());
    }

    private static void rejectUnknown(JsonNode params, String family, Set<String> allowed) {
        for (Iterator<String> it = params.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("model.params." + key + " is not a parameter of " + family
                        + " (allowed: " + (allowed.isEmpty() ? "none" : String.join(", ", allowed)) + ")");
            }
        }
    }

    private static final class NaiveFamily implements ModelFamily {
        @Override
        public String name() {
            return NAIVE;
        }

        @Override
        public String description() {
            return "last observed value repeated; no parameters";
        }

        @Override
        public Forecaster create(JsonNode params, ModelContext context) {
            rejectUnknown(params, NAIVE, Set.of());
            return SeasonalNaive.naive();
        }

        @Override
        public FittedModel load(Path directory) throws IOException {
            return FittedSeasonalNaive.load(directory, NAIVE);
        }
    }

    private static final class SeasonalNaiveFamily implements ModelFamily {
        @Override
        public String name() {
            return SEASONAL_NAIVE;
        }

        @Override
        public String description() {
            return "value one season earlier repeated; season_length (default: data.season_length, else 7 daily, 52 weekly, 12 monthly, 4 quarterly, 1 yearly)";
        }

        @Override
        public Forecaster create(JsonNode params, ModelContext context) {
            rejectUnknown(params, SEASONAL_NAIVE, Set.of("season_length"));
            JsonNode m = params.get("season_length");
            if (m == null || m.isNull()) {
                return SeasonalNaive.seasonal(context.seasonLength());
            }
            if (!m.canConvertToInt() || !m.isIntegralNumber()) {
                throw new IllegalArgumentException("model.params.season_length must be an integer >= 1 (got " + m + ")");
            }
            return SeasonalNaive.seasonal(m.intValue());
        }

        @Override
        public FittedModel load(Path directory) throws IOException {
            return FittedSeasonalNaive.load(directory, SEASONAL_NAIVE);
        }
    }
}
