package io.demandcast.core.model.deep;

import io.demandcast.core.data.Frequency;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Calendar inputs of a period's date, known for every period: the position in the week as one-hot
 * (daily), in the year as a sine/cosine pair (daily, weekly: no edge between 31 December and
 * 1 January), the month or quarter as one-hot (monthly, quarterly); nothing for yearly data. No
 * trend index: a network does not extrapolate one, and the per-series scaling carries the level.
 *
 * <p>The position in the year is an input only when the training targets span two years
 * ({@link #annual}): over a shorter span it names each date once, so the network learns a date's
 * one-off events (or the trend) as the date's own and repeats them a year later.
 */
final class CalendarCoding {
    private CalendarCoding() {
    }

    /** Whether a span of {@code periods} periods is long enough for the position in the year (two years). */
    static boolean annual(Frequency f, int periods) {
        int perYear = switch (f) {
            case DAILY -> 365;
            case WEEKLY -> 52;
            case MONTHLY -> 12;
            case QUARTERLY -> 4;
            case YEARLY -> 1;
        };
        return periods >= 2 * perYear;
    }

    /** The input names at a frequency, in {@link #fill} order. */
    static List<String> names(Frequency f, boolean annual) {
        List<String> out = new ArrayList<>();
        switch (f) {
            case DAILY -> {
                for (int d = 1; d <= 7; d++) {
                    out.add("day_of_week=" + d);
                }
                if (annual) {
                    out.add("year_sin");
                    out.add("year_cos");
                }
            }
            case WEEKLY -> {
                if (annual) {
                    out.add("year_sin");
                    out.add("year_cos");
                }
            }
            case MONTHLY -> {
                for (int m = 1; m <= 12; m++) {
                    out.add("month=" + m);
                }
            }
            case QUARTERLY -> {
                for (int q = 1; q <= 4; q++) {
                    out.add("quarter=" + q);
                }
            }
            case YEARLY -> {
            }
        }
        return List.copyOf(out);
    }

    /** Writes the {@link #names} inputs of {@code date} at {@code out[offset..]}. */
    static void fill(Frequency f, boolean annual, LocalDate date, float[] out, int offset) {
        switch (f) {
            case DAILY -> {
                for (int d = 0; d < 7; d++) {
                    out[offset + d] = 0;
                }
                out[offset + date.getDayOfWeek().getValue() - 1] = 1;
                if (annual) {
                    yearPhase(date, out, offset + 7);
                }
            }
            case WEEKLY -> {
                if (annual) {
                    yearPhase(date, out, offset);
                }
            }
            case MONTHLY -> {
                for (int m = 0; m < 12; m++) {
                    out[offset + m] = 0;
                }
                out[offset + date.getMonthValue() - 1] = 1;
            }
            case QUARTERLY -> {
                for (int q = 0; q < 4; q++) {
                    out[offset + q] = 0;
                }
                out[offset + (date.getMonthValue() - 1) / 3] = 1;
            }
            case YEARLY -> {
            }
        }
    }

    private static void yearPhase(LocalDate date, float[] out, int offset) {
        double phase = 2 * Math.PI * (date.getDayOfYear() - 1) / date.lengthOfYear();
        out[offset] = (float) Math.sin(phase);
        out[offset + 1] = (float) Math.cos(phase);
    }
}
