package io.demandcast.core.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.artifact.ArtifactException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scale-free cumulative errors of a calibration backtest, kept whole for a bootstrap of lead-time
 * demand: for every interval length {@code P = 1..horizon}, each series × window's
 * {@code (sum of actuals − sum of forecasts over steps 1..P) / scale} (the scale of
 * {@link ConformalCalibration#scaleOf} before the window's cutoff), pooled over all series and per
 * group (demand class). A series of a group with at least {@code minPerGroup} scores for an interval
 * uses its group's, else the pooled ones: the rule of {@link ConformalCalibration.Builder#scores}.
 * Immutable; arrays ascending.
 *
 * <p>JSON (inside {@code calibration.json}'s {@code conformal} object, key {@code cumulative_scores}):
 * <pre>
 * {"min_per_group": 50,
 *  "pooled": [[-1.2, 0.3, ...], [...], ...],        one ascending array per interval length 1..horizon
 *  "groups": {"smooth": [[...], ...], ...}}           the same per group (every score of the group)
 * </pre>
 *
 * @param minPerGroup fewest scores a group needs for an interval length to use its own
 * @param pooled      per interval length (index {@code P - 1}), every score, ascending
 * @param groups      group → per interval length, its scores, ascending
 */
public record CumulativeScores(int minPerGroup, double[][] pooled, Map<String, double[][]> groups) {
    /** @throws IllegalArgumentException when {@code minPerGroup < 1}, there is no interval, or a group's length differs */
    public CumulativeScores {
        if (minPerGroup < 1) {
            throw new IllegalArgumentException("min_per_group must be >= 1 (got " + minPerGroup + ")");
        }
        if (pooled.length == 0) {
            throw new IllegalArgumentException("cumulative scores need at least one interval length");
        }
        pooled = sortedCopy("pooled", pooled, pooled.length);
        TreeMap<String, double[][]> copy = new TreeMap<>();
        for (Map.Entry<String, double[][]> e : groups.entrySet()) {
            copy.put(e.getKey(), sortedCopy("group '" + e.getKey() + "'", e.getValue(), pooled.length));
        }
        groups = Collections.unmodifiableMap(copy);
    }

    private static double[][] sortedCopy(String what, double[][] byLength, int horizon) {
        if (byLength.length != horizon) {
            throw new IllegalArgumentException(what + ": " + byLength.length + " interval lengths, expected " + horizon);
        }
        double[][] out = new double[horizon][];
        for (int p = 0; p < horizon; p++) {
            out[p] = byLength[p].clone();
            for (double v : out[p]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(what + ", interval length " + (p + 1) + ": score " + v + " is not finite");
                }
            }
            java.util.Arrays.sort(out[p]);
        }
        return out;
    }

    /**
     * The cumulative scores a builder holds (added with the builder's step {@code k} = interval length
     * {@code k + 1}), each array thinned to at most {@code maxPerArray} of its order statistics
     * ({@link #thin}).
     *
     * @throws IllegalArgumentException when {@code maxPerArray < minPerGroup}: a thinned group would
     *                                  then lose its own scores to the pooled ones
     */
    public static CumulativeScores of(ConformalCalibration.Builder builder, int minPerGroup, int maxPerArray) {
        if (maxPerArray < minPerGroup) {
            throw new IllegalArgumentException("keep at least min_per_group = " + minPerGroup + " scores (got " + maxPerArray + ")");
        }
        int h = builder.horizon();
        double[][] pooled = new double[h][];
        Map<String, double[][]> groups = new TreeMap<>();
        for (int k = 0; k < h; k++) {
            pooled[k] = thin(builder.scores(null, k, 1), maxPerArray);
        }
        for (String g : builder.groupNames()) {
            double[][] own = new double[h][];
            for (int k = 0; k < h; k++) {
                own[k] = thin(builder.groupScores(g, k), maxPerArray);
            }
            groups.put(g, own);
        }
        return new CumulativeScores(minPerGroup, pooled, groups);
    }

    /**
     * At most {@code max} values of ascending {@code sorted}: all of them when there are no more, else
     * the order statistics at ranks {@code round(i (n - 1) / (max - 1))}, {@code i = 0..max-1}, which keep
     * the smallest and the largest and every quantile to within {@code 1 / (max - 1)} in probability.
     * It bounds {@code calibration.json} on large panels (30,000 series × 3 windows would be 90,000
     * scores per interval length), where a bootstrap gains nothing from more draws.
     *
     * @throws IllegalArgumentException when {@code max < 2}
     */
    public static double[] thin(double[] sorted, int max) {
        if (max < 2) {
            throw new IllegalArgumentException("keep at least 2 scores (got " + max + ")");
        }
        int n = sorted.length;
        if (n <= max) {
            return sorted;
        }
        double[] out = new double[max];
        for (int i = 0; i < max; i++) {
            out[i] = sorted[(int) Math.round((double) i * (n - 1) / (max - 1))];
        }
        return out;
    }

    /** The longest interval, in periods, with scores. */
    public int horizon() {
        return pooled.length;
    }

    /**
     * The scores for a series of {@code group} over an interval of {@code periods}, ascending, the
     * internal array (callers only read it): the group's when it has {@code minPerGroup}, else the
     * pooled ones; empty when {@code periods} is outside {@code 1..horizon}.
     */
    public double[] scores(String group, int periods) {
        if (periods < 1 || periods > pooled.length) {
            return new double[0];
        }
        double[][] own = group == null ? null : groups.get(group);
        if (own != null && own[periods - 1].length >= minPerGroup) {
            return own[periods - 1];
        }
        return pooled[periods - 1];
    }

    /** This as the JSON object documented above. */
    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("min_per_group", minPerGroup);
        write(root.putArray("pooled"), pooled);
        ObjectNode g = root.putObject("groups");
        groups.forEach((name, byLength) -> write(g.putArray(name), byLength));
        return root;
    }

    private static void write(ArrayNode out, double[][] byLength) {
        for (double[] scores : byLength) {
            ArrayNode a = out.addArray();
            for (double v : scores) {
                a.add(v);
            }
        }
    }

    /**
     * Reads {@link #toJson}'s form.
     *
     * @param source names the file in error messages
     * @throws ArtifactException naming {@code source} when the document is malformed
     */
    public static CumulativeScores fromJson(JsonNode json, String source) {
        try {
            if (!json.path("min_per_group").isInt() || !json.path("pooled").isArray() || !json.path("groups").isObject()) {
                throw new IllegalArgumentException("cumulative_scores needs min_per_group, pooled and groups");
            }
            Map<String, double[][]> groups = new TreeMap<>();
            json.path("groups").fields().forEachRemaining(e -> groups.put(e.getKey(), read(e.getValue())));
            return new CumulativeScores(json.path("min_per_group").asInt(), read(json.path("pooled")), groups);
        } catch (IllegalArgumentException e) {
            throw new ArtifactException(source + ": cumulative_scores: " + e.getMessage(), e);
        }
    }

    private static double[][] read(JsonNode byLength) {
        if (!byLength.isArray()) {
            throw new IllegalArgumentException("expected an array of score arrays");
        }
        double[][] out = new double[byLength.size()][];
        for (int p = 0; p < out.length; p++) {
            JsonNode a = byLength.get(p);
            if (!a.isArray()) {
                throw new IllegalArgumentException("interval length " + (p + 1) + ": expected an array of numbers");
            }
            out[p] = new double[a.size()];
            for (int i = 0; i < a.size(); i++) {
                if (!a.get(i).isNumber()) {
                    throw new IllegalArgumentException("interval length " + (p + 1) + ": '" + a.get(i) + "' is not a number");
                }
                out[p][i] = a.get(i).asDouble();
            }
        }
        return out;
    }
}
