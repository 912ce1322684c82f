package io.demandcast.core.prepare;

import io.demandcast.core.config.PrepareConfig.Fill;
import io.demandcast.core.data.Frequency;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The wording the data warnings share: percentages, period units, what a fill rule put in. */
final class WarningText {
    private WarningText() {
    }

    /** {@code 0.05} as {@code 5 %}, {@code 0.025} as {@code 2.5 %}, {@code 0.3846} as {@code 38.5 %}. */
    static String percent(double share) {
        BigDecimal p = BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return p.toPlainString() + " %";
    }

    /** The plural unit of a frequency's periods: days, weeks, months, quarters, years. */
    static String periods(Frequency frequency) {
        return switch (frequency) {
            case DAILY -> "days";
            case WEEKLY -> "weeks";
            case MONTHLY -> "months";
            case QUARTERLY -> "quarters";
            case YEARLY -> "years";
        };
    }

    /** What {@code prepare.gaps.target} puts in an inserted period, e.g. {@code filled with 0 by prepare.gaps.target: zero}. */
    static String filledBy(Fill fill) {
        String what = switch (fill) {
            case zero -> "filled with 0";
            case ffill -> "filled with the last value before";
            case missing -> "inserted as missing";
            case mean -> "filled with the series' mean";
            case linear -> "interpolated";
        };
        return what + " by prepare.gaps.target: " + fill.name();
    }
}
