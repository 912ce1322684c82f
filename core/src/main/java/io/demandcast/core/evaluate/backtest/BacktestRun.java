package io.demandcast.core.evaluate.backtest;

import io.demandcast.core.evaluate.gate.GateOutcome;
import java.util.List;
import java.util.Map;

/**
 * A finished backtest: the plan, the ranked scores, the gate verdict and the settings that
 * produced them, as written to the report.
 *
 * @param experiment   experiment name
 * @param createdAt    ISO-8601 UTC time the run finished
 * @param seasonLength season of the MASE scale and of seasonal naive
 * @param plan         the windows
 * @param settings     backtest settings echoed into {@code metrics.json} (windows, step, refit_every, ...)
 * @param leaderboard  every model, ranked
 * @param gate         the gate's verdict, null when no rule was given
 * @param censored     forecast periods every metric left out because they were out of stock (censored
 *                     demand); -1 when the data has no stock column ({@code data.schema.availability} or {@code on_hand})
 */
public record BacktestRun(String experiment, String createdAt, int seasonLength, BacktestPlan plan,
                          Map<String, Object> settings, Leaderboard leaderboard, GateVerdict gate, long censored) {

    /** Without stock information. */
    public BacktestRun(String experiment, String createdAt, int seasonLength, BacktestPlan plan,
                       Map<String, Object> settings, Leaderboard leaderboard, GateVerdict gate) {
        this(experiment, createdAt, seasonLength, plan, settings, leaderboard, gate, -1);
    }

    /**
     * @param passed   true when every rule passed
     * @param outcomes one per rule and checked model
     * @param note     context such as "no production model yet", or null
     */
    public record GateVerdict(boolean passed, List<GateOutcome> outcomes, String note) {
        public GateVerdict {
            outcomes = List.copyOf(outcomes);
        }

        public List<GateOutcome> failures() {
            return outcomes.stream().filter(o -> !o.passed()).toList();
        }
    }
}
