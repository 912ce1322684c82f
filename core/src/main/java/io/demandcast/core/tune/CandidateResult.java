package io.demandcast.core.tune;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where one candidate stands: its status, the windows it was scored on and its scores there.
 *
 * @param candidate  the candidate
 * @param status     {@code complete} (every window), {@code dropped@<rung>} (halving stopped it after
 *                   that rung), {@code stopped@<rung>} (the time budget ran out before its next rung),
 *                   {@code failed} (its fit or forecast threw)
 * @param note       the failure message, or empty
 * @param windows    windows scored (the first ones of the backtest)
 * @param score      the ranking metric over those windows, NaN when not scored
 * @param values     leaderboard values over those windows (metrics, skill against seasonal naive)
 * @param perWindow  the ranking metric of each window scored
 * @param fitSeconds wall time of its backtest runs
 */
public record CandidateResult(Candidate candidate, String status, String note, int windows, double score,
                              Map<String, Double> values, double[] perWindow, double fitSeconds) {

    public CandidateResult {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        perWindow = perWindow.clone();
        note = note == null ? "" : note;
    }

    /** The same scores with another status. */
    public CandidateResult withStatus(String newStatus) {
        return new CandidateResult(candidate, newStatus, note, windows, score, values, perWindow, fitSeconds);
    }

    /** The score, with NaN sorting last. */
    double sortScore() {
        return Double.isNaN(score) ? Double.POSITIVE_INFINITY : score;
    }

    /** A failed candidate: nothing scored. */
    static CandidateResult failed(Candidate candidate, String message, double seconds) {
        return new CandidateResult(candidate, "failed", message, 0, Double.NaN, Map.of(), new double[0], seconds);
    }
}
