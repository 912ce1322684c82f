package io.demandcast.core.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One explained forecast row: the model's base value and the top features' contributions, such
 * that {@code base + Σ every feature's contribution == prediction} (up to rounding), all in
 * {@code space}.
 *
 * @param space      {@code units} (the target's own units: the point forecast), {@code log1p} (the
 *                   model's {@code log1p(y / scale)} space, which does not map back additively), or
 *                   {@code log} / {@code log_log1p} (a log-link learner's log of {@code y / scale} /
 *                   of {@code log1p(y / scale)})
 * @param base       the model's mean prediction over its training rows, in {@code space}
 * @param prediction the model's prediction for this row, in {@code space}
 * @param top        the features of largest absolute contribution, largest first
 */
public record ExplainedPoint(String seriesId, LocalDate date, int step, String space, double base, double prediction,
                             List<Contribution> top) {

    public ExplainedPoint {
        top = List.copyOf(top);
    }

    /**
     * @param value        the feature's value in the row the model read (NaN = missing), as the model
     *                     computes it (target lags and rolling statistics are on the scaled target)
     * @param contribution its additive contribution to the prediction, in the point's space
     */
    public record Contribution(String feature, double value, double contribution) {
    }
}
