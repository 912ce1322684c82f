package io.demandcast.core.prepare;

import io.demandcast.core.config.PrepareConfig.NegativePolicy;
import io.demandcast.core.data.DataException;
import io.demandcast.core.data.Panel;

/**
 * Applies the {@code prepare.negatives} policy to negative targets (returns booked as negative
 * sales): {@code keep} them, set them to {@code zero}, mark them {@code missing} (NaN, imputed
 * later like any empty cell) or stop with an {@code error}.
 */
public final class NegativeValues {
    private NegativeValues() {
    }

    /** The panel after the policy, and how many negative targets each series had (copied in and out). */
    public record Result(Panel panel, int[] negatives) {
        public Result {
            negatives = negatives.clone();
        }

        @Override
        public int[] negatives() {
            return negatives.clone();
        }
    }

    /**
     * @throws DataException under {@code error}, naming the first negative value's series and date
     */
    public static Result apply(Panel panel, NegativePolicy policy) {
        boolean any = false;
        for (int r = 0; r < panel.rowCount() && !any; r++) {
            any = panel.target(r) < 0;
        }
        if (!any) {
            // The usual case: no copy of the target (8 bytes a row) to find nothing.
            return new Result(panel, new int[panel.seriesCount()]);
        }
        double[] target = panel.targetColumn();
        int[] counts = new int[panel.seriesCount()];
        boolean changed = false;
        for (int s = 0; s < panel.seriesCount(); s++) {
            for (int r = panel.rowStart(s); r < panel.rowEnd(s); r++) {
                if (!(target[r] < 0)) {
                    continue;
                }
                counts[s]++;
                switch (policy) {
                    case keep -> { }
                    case zero -> target[r] = 0.0;
                    case missing -> target[r] = Double.NaN;
                    case error -> throw new DataException("series '" + panel.seriesId(s) + "' has a negative target "
                            + target[r] + " on " + panel.axis().date(panel.period(r))
                            + "; set prepare.negatives to keep, zero or missing to accept negative values");
                }
                changed = true;
            }
        }
        return new Result(changed && policy != NegativePolicy.keep ? panel.withTarget(target) : panel, counts);
    }
}
