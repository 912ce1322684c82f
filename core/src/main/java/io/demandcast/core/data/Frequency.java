package io.demandcast.core.data;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Sampling frequency of a panel, with the season length used by seasonal models and scaled metrics. */
public enum Frequency {
    DAILY(7),
    WEEKLY(52),
    MONTHLY(12),
    QUARTERLY(4),
    YEARLY(1);

    private final int defaultSeasonLength;

    Frequency(int defaultSeasonLength) {
        this.defaultSeasonLength = defaultSeasonLength;
    }

    /** Season length used when the config names none: a week of days, a year of weeks, months or quarters. */
    public int defaultSeasonLength() {
        return defaultSeasonLength;
    }

    /** Lower-case name as written in configs and manifests. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code daily|weekly|monthly|quarterly|yearly} (case-insensitive). */
    public static Frequency parse(String text) {
        for (Frequency f : values()) {
            if (f.label().equalsIgnoreCase(text.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown frequency '" + text + "', allowed: " + allowed());
    }

    public static String allowed() {
        return Arrays.stream(values()).map(Frequency::label).collect(Collectors.joining(", "));
    }

    /**
     * Guesses the frequency from the smallest positive gap in days between consecutive dates of one
     * series, or returns null when the gap fits none (the caller reports it).
     */
    public static Frequency fromGapDays(long gapDays) {
        if (gapDays == 1) {
            return DAILY;
        } else if (gapDays == 7) {
            return WEEKLY;
        } else if (gapDays >= 28 && gapDays <= 31) {
            return MONTHLY;
        } else if (gapDays >= 89 && gapDays <= 92) {
            return QUARTERLY;
        } else if (gapDays == 365 || gapDays == 366) {
            return YEARLY;
        }
        return null;
    }

    /** True when {@code date} is a valid period start for this frequency anchored at {@code anchor}. */
    boolean fits(LocalDate date, LocalDate anchor) {
        return switch (this) {
            case DAILY -> true;
            case WEEKLY -> Math.floorMod(date.toEpochDay() - anchor.toEpochDay(), 7) == 0;
            case MONTHLY -> date.getDayOfMonth() == anchor.getDayOfMonth();
            case QUARTERLY -> date.getDayOfMonth() == anchor.getDayOfMonth()
                    && Math.floorMod(date.getMonthValue() - anchor.getMonthValue(), 3) == 0;
            case YEARLY -> date.getDayOfYear() == anchor.getDayOfYear()
                    || (date.getMonthValue() == anchor.getMonthValue() && date.getDayOfMonth() == anchor.getDayOfMonth());
        };
    }
}
