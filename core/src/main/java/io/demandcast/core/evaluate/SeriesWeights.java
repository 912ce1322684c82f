package io.demandcast.core.evaluate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Per-series weights for WRMSSE, optionally grouped into aggregation levels (M5: level 1 = total,
 * 2 = states, ... with the weights of each level summing to 1). Without level information every
 * series belongs to the single level {@link #ALL}.
 *
 * @param weights series id to weight (finite, {@code >= 0}), in file order
 * @param levels  series id to level name; empty when the weights have no levels, else one entry per
 *                weighted series
 */
public record SeriesWeights(Map<String, Double> weights, Map<String, String> levels) {

    /** Level name used when the weights carry no levels. */
    public static final String ALL = "all";

    /**
     * @throws IllegalArgumentException on a negative or non-finite weight, or a level map that does
     *                                  not cover exactly the weighted series
     */
    public SeriesWeights {
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(weights, "weights")));
        levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels == null ? Map.of() : levels));
        weights.forEach((id, w) -> {
            if (w == null || !Double.isFinite(w) || w < 0) {
                throw new IllegalArgumentException("weight of series '" + id + "' must be finite and >= 0 (got " + w + ")");
            }
        });
        if (!levels.isEmpty() && !levels.keySet().equals(weights.keySet())) {
            throw new IllegalArgumentException("levels must name exactly the weighted series ("
                    + levels.size() + " levels for " + weights.size() + " weights)");
        }
    }

    /** Weights without levels. */
    public static SeriesWeights of(Map<String, Double> weights) {
        return new SeriesWeights(weights, Map.of());
    }

    /** Level names in order of first appearance in the weights ({@link #ALL} alone when there are no levels). */
    public List<String> levelNames() {
        if (levels.isEmpty()) {
            return List.of(ALL);
        }
        Set<String> names = new LinkedHashSet<>();
        weights.keySet().forEach(id -> names.add(levels.get(id)));
        return new ArrayList<>(names);
    }

    /** Level of a weighted series ({@link #ALL} when there are no levels), or null when it has no weight. */
    public String levelOf(String seriesId) {
        if (!weights.containsKey(seriesId)) {
            return null;
        }
        return levels.isEmpty() ? ALL : levels.get(seriesId);
    }

    /** The weights of one level's series, in file order. */
    public Map<String, Double> weightsOf(String level) {
        Map<String, Double> out = new LinkedHashMap<>();
        weights.forEach((id, w) -> {
            if (level.equals(levelOf(id))) {
                out.put(id, w);
            }
        });
        return out;
    }
}
