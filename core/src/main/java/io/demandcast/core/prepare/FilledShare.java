package io.demandcast.core.prepare;

import io.demandcast.core.config.PrepareConfig.Fill;
import io.demandcast.core.data.Panel;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Warns when gap filling and target imputation changed more than a share of a series' periods:
 * the default {@code gaps.target: zero} turns missing weeks into weeks without sales, and a model
 * then forecasts those zeros. Periods appended by {@code prepare.ended_series: fill} are not counted
 * here (the ended-series warning reports them).
 */
final class FilledShare {
    private FilledShare() {
    }

    /**
     * @param filled        the gap-filled panel (input frequency, before aggregation)
     * @param counts        what cleaning changed, same series order
     * @param appended      per series, periods appended after its last observation by {@code ended_series: fill}
     * @param threshold     {@code prepare.warnings.filled_share}
     * @param fill          {@code prepare.gaps.target}
     * @param shown         the id a message shows for a series id (anonymised when the data is)
     * @return a warning naming the worst series, or empty when no series is above the threshold
     */
    static Optional<PrepareWarning> check(Panel filled, CleaningCounts counts, int[] appended, double threshold,
                                          Fill fill, Function<String, String> shown) {
        int[] inserted = counts.filledPeriods();
        int[] imputed = counts.imputedCells();
        int above = 0;
        int worst = -1;
        double worstShare = -1;
        int worstPeriods = 0;
        for (int s = 0; s < filled.seriesCount(); s++) {
            int periods = filled.length(s) - appended[s];
            if (periods <= 0) {
                continue;
            }
            double share = (double) (inserted[s] - appended[s] + imputed[s]) / periods;
            if (share > threshold) {
                above++;
                if (share > worstShare) {
                    worst = s;
                    worstShare = share;
                    worstPeriods = periods;
                }
            }
        }
        if (worst < 0) {
            return Optional.empty();
        }
        String id = shown.apply(filled.seriesId(worst));
        String detail = String.format(Locale.ROOT, "%s of %,d %s %s", WarningText.percent(worstShare), worstPeriods,
                WarningText.periods(filled.frequency()), WarningText.filledBy(fill));
        String message = String.format(Locale.ROOT,
                "gap filling/imputation changed more than %s of the periods of %d of %d series (worst: %s, %s)",
                WarningText.percent(threshold), above, filled.seriesCount(), id, detail);
        return Optional.of(new PrepareWarning(PrepareWarning.Kind.filled_share, id, above, worstShare, detail, message));
    }
}
