package io.demandcast.core.evaluate.gate;

import io.demandcast.core.config.PredictConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the gate checks: the scores of one backtest leaderboard. Maps keep the caller's order; all
 * collections are copied, so later changes to the caller's maps do not reach the gate.
 *
 * @param candidates       leaderboard names of the models rules check by default (a rule's {@code model}
 *                         picks another); not empty, each a key of {@code metrics}
 * @param metrics          leaderboard name → metric name → value (NaN when undefined); holds every
 *                         model a rule can name: candidates, {@code seasonal_naive}, the production model
 * @param coverage         leaderboard name → interval kind → nominal level of a central interval
 *                         (e.g. 0.8) → empirical coverage on the backtest windows (NaN when undefined);
 *                         may be empty when no intervals were scored
 * @param defaultIntervals the interval kind a coverage rule without {@code intervals} checks
 *                         ({@code predict.intervals}); null means {@code model}
 * @param productionModel  leaderboard name of the production model (the store's {@code LATEST} version
 *                         of the candidate's model name), or null when the store has none
 * @param productionNote   why there is no production model, e.g. {@code no LATEST version of 'x' in
 *                         build/artifacts}; shown in the reason of rules that pass for lack of it (may be null)
 * @param serviceLevels    leaderboard name → the cycle service levels its backtest policy simulation
 *                         achieved, one per simulated policy; may be empty when no policy was simulated
 */
public record GateInput(List<String> candidates, Map<String, Map<String, Double>> metrics,
                        Map<String, Map<PredictConfig.Intervals, Map<Double, Double>>> coverage,
                        PredictConfig.Intervals defaultIntervals, String productionModel, String productionNote,
                        Map<String, List<AchievedServiceLevel>> serviceLevels) {

    /**
     * The cycle service level one policy achieved in the backtest.
     *
     * @param policy   the policy's label, e.g. {@code csl_0.95_lt7}
     * @param target   its target cycle service level
     * @param achieved the share of simulated cycles without a stockout (NaN when none was simulated)
     * @param cycles   cycles simulated
     */
    public record AchievedServiceLevel(String policy, double target, double achieved, int cycles) {
    }

    /** Input without service levels (no policy simulated). */
    public GateInput(List<String> candidates, Map<String, Map<String, Double>> metrics,
                     Map<String, Map<PredictConfig.Intervals, Map<Double, Double>>> coverage,
                     PredictConfig.Intervals defaultIntervals, String productionModel, String productionNote) {
        this(candidates, metrics, coverage, defaultIntervals, productionModel, productionNote, null);
    }

    /**
     * @throws IllegalArgumentException if there is no candidate, or a candidate or the production
     *                                  model has no metrics
     * @throws NullPointerException     if candidates or metrics, or an element of them, is null
     */
    public GateInput {
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("gate input needs at least one candidate model");
        }
        Map<String, Map<String, Double>> m = new LinkedHashMap<>();
        metrics.forEach((model, values) -> m.put(Objects.requireNonNull(model, "model name"),
                Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values, "metrics of " + model)))));
        metrics = Collections.unmodifiableMap(m);
        for (String c : candidates) {
            if (!metrics.containsKey(c)) {
                throw new IllegalArgumentException("candidate '" + c + "' has no metrics (models: " + String.join(", ", metrics.keySet()) + ")");
            }
        }
        if (productionModel != null && !metrics.containsKey(productionModel)) {
            throw new IllegalArgumentException("production model '" + productionModel + "' has no metrics (models: "
                    + String.join(", ", metrics.keySet()) + ")");
        }
        Map<String, Map<PredictConfig.Intervals, Map<Double, Double>>> c = new LinkedHashMap<>();
        if (coverage != null) {
            coverage.forEach((model, byKind) -> {
                Map<PredictConfig.Intervals, Map<Double, Double>> kinds = new LinkedHashMap<>();
                byKind.forEach((kind, levels) -> kinds.put(kind, Collections.unmodifiableMap(new LinkedHashMap<>(levels))));
                c.put(model, Collections.unmodifiableMap(kinds));
            });
        }
        coverage = Collections.unmodifiableMap(c);
        defaultIntervals = defaultIntervals == null ? PredictConfig.Intervals.model : defaultIntervals;
        Map<String, List<AchievedServiceLevel>> achieved = new LinkedHashMap<>();
        if (serviceLevels != null) {
            serviceLevels.forEach((model, list) -> achieved.put(model, List.copyOf(list)));
        }
        serviceLevels = Collections.unmodifiableMap(achieved);
    }
}
