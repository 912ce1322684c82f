package io.demandcast.core.prepare;

import io.demandcast.core.config.PrepareConfig.EndedSeriesPolicy;
import io.demandcast.core.config.PrepareConfig.Fill;
import io.demandcast.core.data.Panel;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The series of a panel's history that end before its last period (discontinued items, an export
 * that stopped). Every verb forecasts a series from its own last period, so without
 * {@code prepare.ended_series} such a series is forecast for dates the panel already covers.
 *
 * @param history   the raw history, before the policy is applied
 * @param panelEnd  the last period of any series (-1 for an empty panel)
 * @param ended     indices of the series that end before it, in panel order
 */
record EndedSeries(Panel history, int panelEnd, int[] ended) {

    EndedSeries {
        ended = ended.clone();
    }

    static EndedSeries of(Panel history) {
        int end = history.maxPeriod();
        int[] ended = new int[history.seriesCount()];
        int k = 0;
        for (int s = 0; s < history.seriesCount(); s++) {
            if (history.length(s) > 0 && history.lastPeriod(s) < end) {
                ended[k++] = s;
            }
        }
        return new EndedSeries(history, end, Arrays.copyOf(ended, k));
    }

    boolean any() {
        return ended.length > 0;
    }

    /** Indices of the series that reach the panel's end (or have no rows), in panel order. */
    int[] reachingTheEnd() {
        boolean[] isEnded = new boolean[history.seriesCount()];
        for (int s : ended) {
            isEnded[s] = true;
        }
        return java.util.stream.IntStream.range(0, history.seriesCount()).filter(s -> !isEnded[s]).toArray();
    }

    /** Per series of {@code filled} (the same series as the history, in order), the periods appended to reach the panel's end. */
    int[] appended(Panel filled, EndedSeriesPolicy policy) {
        int[] out = new int[filled.seriesCount()];
        if (policy == EndedSeriesPolicy.fill) {
            for (int s : ended) {
                out[s] = panelEnd - history.lastPeriod(s);
            }
        }
        return out;
    }

    /** The warning naming how many series end early, the earliest-ending one and what the policy did; empty when none does. */
    Optional<PrepareWarning> warning(EndedSeriesPolicy policy, Fill fill, Function<String, String> shown) {
        if (!any()) {
            return Optional.empty();
        }
        int earliest = ended[0];
        for (int s : ended) {
            if (history.lastPeriod(s) < history.lastPeriod(earliest)) {
                earliest = s;
            }
        }
        String id = shown.apply(history.seriesId(earliest));
        String end = history.axis().date(panelEnd).toString();
        String detail = "last observed " + history.axis().date(history.lastPeriod(earliest));
        String done = switch (policy) {
            case fill -> "prepare.ended_series: fill extends them to " + end + " (" + WarningText.filledBy(fill)
                    + "), so they are forecast from the panel's end";
            case exclude -> "prepare.ended_series: exclude leaves them out of the prepared data";
            case keep -> "prepare.ended_series: keep leaves them as they are, so each is forecast from its own last date,"
                    + " before the panel's end";
        };
        String message = String.format(Locale.ROOT, "%d of %d series end before the panel's last date %s (earliest: %s, %s); %s",
                ended.length, history.seriesCount(), end, id, detail, done);
        return Optional.of(new PrepareWarning(PrepareWarning.Kind.ended_series, id, ended.length, null, detail, message));
    }
}
