package io.demandcast.core.data;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Maps dates of one frequency to consecutive integer periods, so a regular series is an array and
 * "the next period" is {@code +1}. The anchor fixes the weekday of weekly data and the day of month
 * of monthly, quarterly and yearly data; period 0 is the anchor itself.
 */
public record TimeAxis(Frequency frequency, LocalDate anchor) {

    public TimeAxis {
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(anchor, "anchor");
        if (frequency != Frequency.DAILY && frequency != Frequency.WEEKLY && anchor.getDayOfMonth() > 28) {
            throw new IllegalArgumentException("monthly/quarterly/yearly dates must fall on day 1..28 of a month, got " + anchor);
        }
    }

    /** True when the date is a period start of this axis. */
    public boolean fits(LocalDate date) {
        return frequency.fits(date, anchor);
    }

    /**
     * Period index of a date that fits the axis.
     *
     * @throws IllegalArgumentException when the date does not fit (wrong weekday or day of month)
     */
    public int period(LocalDate date) {
        if (!fits(date)) {
            throw new IllegalArgumentException("date " + date + " does not fit " + frequency.label()
                    + " periods anchored on " + anchor + " (" + describeAnchor() + ")");
        }
        return switch (frequency) {
            case DAILY -> Math.toIntExact(date.toEpochDay() - anchor.toEpochDay());
            case WEEKLY -> Math.toIntExact(Math.floorDiv(date.toEpochDay() - anchor.toEpochDay(), 7));
            case MONTHLY -> monthsBetween(date);
            case QUARTERLY -> Math.floorDiv(monthsBetween(date), 3);
            case YEARLY -> date.getYear() - anchor.getYear();
        };
    }

    /** Start date of a period. */
    public LocalDate date(int period) {
        return switch (frequency) {
            case DAILY -> anchor.plusDays(period);
            case WEEKLY -> anchor.plusWeeks(period);
            case MONTHLY -> anchor.plusMonths(period);
            case QUARTERLY -> anchor.plusMonths(3L * period);
            case YEARLY -> anchor.plusYears(period);
        };
    }

    /** Human description of what a fitting date looks like, for error messages. */
    public String describeAnchor() {
        return switch (frequency) {
            case DAILY -> "any day";
            case WEEKLY -> "every " + anchor.getDayOfWeek().toString().toLowerCase(java.util.Locale.ROOT);
            case MONTHLY -> "day " + anchor.getDayOfMonth() + " of each month";
            case QUARTERLY -> "day " + anchor.getDayOfMonth() + " of every third month from " + anchor.getMonth();
            case YEARLY -> anchor.getMonth() + " " + anchor.getDayOfMonth() + " of each year";
        };
    }

    private int monthsBetween(LocalDate date) {
        return (date.getYear() - anchor.getYear()) * 12 + (date.getMonthValue() - anchor.getMonthValue());
    }
}
