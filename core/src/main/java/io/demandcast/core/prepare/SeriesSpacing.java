package io.demandcast.core.prepare;

import io.demandcast.core.config.PrepareConfig.Fill;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds series whose own dates are regularly further apart than the panel's periods, such as
 * monthly rows inside a daily panel: gap filling would turn each into the panel's frequency and
 * fill the periods between (with zeros by default), which no model can tell from real demand.
 *
 * <p>A series counts as spaced when it has at least {@value #MIN_DATES} dates, the median step
 * between them is at least two periods, and at least {@value #REGULAR_SHARE} of its steps lie within
 * 10 % of that median. The regularity test keeps intermittent series exported without their zero
 * days (steps of 1, 2, 5, 3 ... periods) out: those are what zero filling is for.
 */
final class SeriesSpacing {
    static final int MIN_DATES = 3;
    static final double REGULAR_SHARE = 0.75;

    private SeriesSpacing() {
    }

    /**
     * @param history the raw history (before gap filling), sorted by period within each series
     * @param fill    {@code prepare.gaps.target}, named in the message
     * @param shown   the id a message shows for a series id
     * @return a warning naming the most widely spaced series, or empty when none is
     */
    static Optional<PrepareWarning> check(Panel history, Fill fill, Function<String, String> shown) {
        int spaced = 0;
        int widest = -1;
        int widestStep = 0;
        for (int s = 0; s < history.seriesCount(); s++) {
            int step = regularStep(history, s);
            if (step >= 2) {
                spaced++;
                if (step > widestStep) {
                    widest = s;
                    widestStep = step;
                }
            }
        }
        if (widest < 0) {
            return Optional.empty();
        }
        Frequency frequency = history.frequency();
        String id = shown.apply(history.seriesId(widest));
        long days = medianDays(history, widest);
        Frequency own = Frequency.fromGapDays(days);
        String detail = String.format(Locale.ROOT, "%s, a median of %d days between its %d dates",
                own == null ? "every " + widestStep + " " + WarningText.periods(frequency) : own.label(), days,
                history.length(widest));
        String message = String.format(Locale.ROOT,
                "%d of %d series have dates further apart than the panel's %s periods (%s: %s); gap filling makes them %s,"
                        + " the periods between %s", spaced, history.seriesCount(), frequency.label(), id, detail,
                frequency.label(), WarningText.filledBy(fill));
        return Optional.of(new PrepareWarning(PrepareWarning.Kind.spacing, id, spaced, null, detail, message));
    }

    /** The median step of a regularly spaced series in periods, or 0 when it is not regularly spaced. */
    static int regularStep(Panel panel, int s) {
        int n = panel.length(s);
        if (n < MIN_DATES) {
            return 0;
        }
        int[] periods = panel.periods(s);
        int[] steps = new int[n - 1];
        for (int i = 1; i < n; i++) {
            steps[i - 1] = periods[i] - periods[i - 1];
        }
        int[] sorted = steps.clone();
        Arrays.sort(sorted);
        int median = sorted[sorted.length / 2];
        if (median < 2) {
            return 0;
        }
        int regular = 0;
        for (int step : steps) {
            if (Math.abs(step - median) <= 0.1 * median) {
                regular++;
            }
        }
        return regular >= REGULAR_SHARE * steps.length ? median : 0;
    }

    private static long medianDays(Panel panel, int s) {
        int[] periods = panel.periods(s);
        long[] days = new long[periods.length - 1];
        for (int i = 1; i < periods.length; i++) {
            days[i - 1] = ChronoUnit.DAYS.between(panel.axis().date(periods[i - 1]), panel.axis().date(periods[i]));
        }
        Arrays.sort(days);
        return days[days.length / 2];
    }
}
