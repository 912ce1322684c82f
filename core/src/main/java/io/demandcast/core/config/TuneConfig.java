package io.demandcast.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The {@code tune} section: a search over model families and their hyper-parameters, every
 * candidate scored by the rolling-origin backtest ({@code backtest:}, default 3 windows).
 *
 * @param space      one entry per family, each with its parameters' domains (see {@link ParamDomain})
 * @param search     {@code random} (default) or {@code grid} (the Cartesian product of each entry's values)
 * @param candidates most candidates to score (random: default 20; grid: default the whole grid, else a
 *                   seeded sample of it)
 * @param timeBudget stop starting candidates after this long, e.g. {@code 90s}, {@code 20m}, {@code 1h30m}; none when absent
 * @param seed       seed of the random draws (default 42): the same seed gives the same candidates
 * @param metric     the lower-is-better backtest metric candidates are ranked by (default: {@code wrmsse}
 *                   with {@code evaluate.weights}, else {@code rmsse})
 * @param halving    successive halving: {@code {eta: 3, min_windows: 1}} (default) or {@code false}
 * @param ensemble   combinations of the best candidates added after the search
 * @param output     leaderboard directory (default {@code build/tune/<name>})
 * @param parallel   candidates backtested at once (default 2)
 * @param gridPoints grid points of a real range that sets none (grid search)
 * @param modelName  artifact name the best model is published under (default {@code <name>-tuned})
 */
public record TuneConfig(List<TuneSpaceEntry> space, Search search, Integer candidates, String timeBudget, Long seed,
                         String metric, JsonNode halving, Ensemble ensemble, String output, Integer parallel,
                         Integer gridPoints, String modelName) {

    /** How candidates are drawn from the space. */
    public enum Search { random, grid }

    /** Candidates a random search draws when {@code candidates} is not set. */
    public static final int DEFAULT_RANDOM_CANDIDATES = 20;


    /**
     * Successive halving: every candidate is scored on the first {@code minWindows} windows, the best
     * 1/{@code eta} go on to {@code eta} times as many windows, and so on up to all windows.
     *
     * @param enabled    false scores every candidate on every window
     */
    public record Halving(boolean enabled, int eta, int minWindows) {
    }

    /**
     * @param topK      the best {@code top_k} complete candidates are combined, weighted by inverse error and
     *                  as a plain mean (default 3; 0 or 1 for none)
     * @param perFamily at most this many of them of one family (default 0: no limit), so the members
     *                  can be made to differ in kind (a global model beside a local one) rather than be
     *                  close variants of the one family that ranks best
     */
    public record Ensemble(Integer topK, Integer perFamily) {
        public Ensemble {
            topK = topK == null ? 3 : topK;
            if (topK < 0) {
                throw new IllegalArgumentException("tune.ensemble.top_k must be >= 0 (got " + topK + ")");
            }
            perFamily = perFamily == null ? 0 : perFamily;
            if (perFamily < 0) {
                throw new IllegalArgumentException("tune.ensemble.per_family must be >= 0 (got " + perFamily + ")");
            }
        }
    }

    public TuneConfig {
        if (space == null || space.isEmpty()) {
            throw new IllegalArgumentException("tune.space needs at least one entry, e.g. [{family: ses}, {family: theta}]");
        }
        space = List.copyOf(space);
        search = search == null ? Search.random : search;
        if (candidates != null && candidates < 1) {
            throw new IllegalArgumentException("tune.candidates must be >= 1 (got " + candidates + ")");
        }
        if (timeBudget != null) {
            parseDuration(timeBudget, "tune.time_budget");
        }
        seed = seed == null ? 42L : seed;
        halving = canonicalHalving(halving);
        ensemble = ensemble == null ? new Ensemble(null, null) : ensemble;
        parallel = parallel == null ? 2 : parallel;
        if (parallel < 1) {
            throw new IllegalArgumentException("tune.parallel must be >= 1 (got " + parallel + ")");
        }
        if (gridPoints != null && gridPoints < 1) {
            throw new IllegalArgumentException("tune.grid_points must be >= 1 (got " + gridPoints + ")");
        }
        if (modelName != null) {
            Names.require("tune.model_name", modelName);
        }
        if (search == Search.grid) {
            for (int i = 0; i < space.size(); i++) {
                for (Map.Entry<String, ParamDomain> p : space.get(i).params().entrySet()) {
                    if (p.getValue().needsGridPoints() && gridPoints == null) {
                        throw new IllegalArgumentException("tune.space[" + i + "].params." + p.getKey()
                                + ": a range in grid search needs grid_points (add grid_points: n to it, set tune.grid_points, or use search: random)");
                    }
                }
            }
        }
    }

    /** The halving rule. */
    public Halving halvingRule() {
        if (halving.isBoolean()) {
            return new Halving(false, 1, 1);
        }
        return new Halving(true, halving.get("eta").intValue(), halving.get("min_windows").intValue());
    }

    /** Most candidates to score: {@code candidates}, else 20 for a random search, else null (the whole grid). */
    public Integer candidateBudget() {
        return candidates != null ? candidates : search == Search.random ? DEFAULT_RANDOM_CANDIDATES : null;
    }

    /** The time budget, or null for none. */
    public Duration timeBudgetDuration() {
        return timeBudget == null ? null : parseDuration(timeBudget, "tune.time_budget");
    }

    /** The same search with these budgets and seed (null keeps the current value). */
    public TuneConfig withBudgets(Integer newCandidates, String newTimeBudget, Long newSeed) {
        return new TuneConfig(space, search, newCandidates != null ? newCandidates : candidates,
                newTimeBudget != null ? newTimeBudget : timeBudget, newSeed != null ? newSeed : seed, metric, halving, ensemble,
                output, parallel, gridPoints, modelName);
    }

    /** Reads {@code tune.time_budget} and {@code --time-budget}: see {@link Durations#parse}. */
    public static Duration parseDuration(String text, String key) {
        return Durations.parse(text, key);
    }

    private static JsonNode canonicalHalving(JsonNode node) {
        if (node != null && node.isBoolean() && !node.booleanValue()) {
            return node;
        }
        int eta = 3;
        int minWindows = 1;
        if (node != null && !node.isNull() && !(node.isBoolean() && node.booleanValue())) {
            if (!node.isObject()) {
                throw new IllegalArgumentException("tune.halving: expected {eta: 3, min_windows: 1} or false (got " + node + ")");
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!key.equals("eta") && !key.equals("min_windows")) {
                    throw new IllegalArgumentException("tune.halving." + key + ": unknown key (allowed: eta, min_windows)");
                }
            }
            eta = integer(node, "eta", eta, 2);
            minWindows = integer(node, "min_windows", minWindows, 1);
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("eta", eta);
        out.put("min_windows", minWindows);
        return out;
    }

    private static int integer(JsonNode node, String key, int defaultValue, int min) {
        JsonNode v = node.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min) {
            throw new IllegalArgumentException("tune.halving." + key + " must be an integer >= " + min + " (got " + v + ")");
        }
        return v.intValue();
    }
}
