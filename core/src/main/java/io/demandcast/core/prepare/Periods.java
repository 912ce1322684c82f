package io.demandcast.core.prepare;

import io.demandcast.core.data.TimeAxis;
import java.time.LocalDate;

/**
 * Places arbitrary dates on a time axis. {@link TimeAxis#period(LocalDate)} accepts only dates
 * that start a period; aggregation and date-based splits need the period a date falls in.
 */
final class Periods {
    private Periods() {
    }

    /** The period whose span (from its start date up to the next period's start) contains the date. */
    static int containing(TimeAxis axis, LocalDate date) {
        LocalDate anchor = axis.anchor();
        int p = switch (axis.frequency()) {
            case DAILY -> Math.toIntExact(date.toEpochDay() - anchor.toEpochDay());
            case WEEKLY -> Math.toIntExact(Math.floorDiv(date.toEpochDay() - anchor.toEpochDay(), 7));
            case MONTHLY -> months(anchor, date);
            case QUARTERLY -> Math.floorDiv(months(anchor, date), 3);
            case YEARLY -> date.getYear() - anchor.getYear();
        };
        // The estimate can be one off where the day of month (or of year) lies before the anchor's.
        while (axis.date(p).isAfter(date)) {
            p--;
        }
        while (!axis.date(p + 1).isAfter(date)) {
            p++;
        }
        return p;
    }

    /** The first period that starts on or after the date. */
    static int firstOnOrAfter(TimeAxis axis, LocalDate date) {
        int p = containing(axis, date);
        return axis.date(p).equals(date) ? p : p + 1;
    }

    private static int months(LocalDate from, LocalDate to) {
        return (to.getYear() - from.getYear()) * 12 + (to.getMonthValue() - from.getMonthValue());
    }
}
