package io.demandcast.core.evaluate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Weighted root mean squared scaled error, the M5 accuracy measure:
 * {@code WRMSSE = sum_i w_i * RMSSE_i} over a set of series. In M5 each aggregation level's weights
 * sum to 1 and the competition score is the plain mean of the 12 level scores. Weights are used as
 * given: nothing is renormalised, so a subset's score is its share of the level's score.
 */
public final class Wrmsse {
    private Wrmsse() {
    }

    /**
     * WRMSSE of the weighted series: {@code sum w_i * rmsse_i} over every entry of {@code weights}.
     * A weighted series whose RMSSE is NaN (zero or undefined scale) makes the result NaN, since
     * leaving it out would understate the error; a zero weight ignores it.
     *
     * @param rmsse   RMSSE per series id (may hold more series than the weights)
     * @param weights weight per series id: the subset to score
     * @throws IllegalArgumentException when a weighted series has no RMSSE, naming it
     */
    public static double of(Map<String, Double> rmsse, Map<String, Double> weights) {
        double sum = 0;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            Double r = rmsse.get(e.getKey());
            if (r == null) {
                throw new IllegalArgumentException("series '" + e.getKey() + "' has a weight but no RMSSE (it was not scored)");
            }
            if (e.getValue() != 0) {
                sum += e.getValue() * r;
            }
        }
        return sum;
    }

    /**
     * WRMSSE of each level whose series were all scored, in {@link SeriesWeights#levelNames()}
     * order. A level none of whose series was scored is left out; a level only partly scored is an
     * error, because its score would silently be too low.
     *
     * @throws IllegalArgumentException naming a weighted series without RMSSE in a partly scored level
     */
    public static Map<String, Double> byLevel(Map<String, Double> rmsse, SeriesWeights weights) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String level : weights.levelNames()) {
            Map<String, Double> levelWeights = weights.weightsOf(level);
            long scored = levelWeights.keySet().stream().filter(rmsse::containsKey).count();
            if (scored == 0) {
                continue;
            }
            if (scored < levelWeights.size()) {
                String missing = levelWeights.keySet().stream().filter(id -> !rmsse.containsKey(id)).findFirst().orElseThrow();
                throw new IllegalArgumentException("level '" + level + "' is only partly scored: " + scored + " of "
                        + levelWeights.size() + " weighted series have forecasts and actuals; e.g. '" + missing + "' has none");
            }
            out.put(level, of(rmsse, levelWeights));
        }
        return out;
    }
}
