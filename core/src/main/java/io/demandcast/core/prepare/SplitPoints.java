package io.demandcast.core.prepare;

import io.demandcast.core.data.Panel;
import io.demandcast.core.data.TimeAxis;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Where train, validation and test meet, as periods on the prepared panel's axis: train is
 * {@code firstPeriod..lastTrainPeriod}, validation {@code lastTrainPeriod+1..lastValidationPeriod},
 * test {@code lastValidationPeriod+1..lastPeriod}. An empty validation or test split has its last
 * period equal to the one before it.
 */
public record SplitPoints(TimeAxis axis, int firstPeriod, int lastTrainPeriod, int lastValidationPeriod, int lastPeriod) {

    public SplitPoints {
        Objects.requireNonNull(axis, "axis");
        if (!(firstPeriod <= lastTrainPeriod && lastTrainPeriod <= lastValidationPeriod && lastValidationPeriod <= lastPeriod)) {
            throw new IllegalArgumentException("split periods must satisfy first <= last train <= last validation <= last, got "
                    + firstPeriod + ", " + lastTrainPeriod + ", " + lastValidationPeriod + ", " + lastPeriod);
        }
    }

    public int trainPeriods() {
        return lastTrainPeriod - firstPeriod + 1;
    }

    public int validationPeriods() {
        return lastValidationPeriod - lastTrainPeriod;
    }

    public int testPeriods() {
        return lastPeriod - lastValidationPeriod;
    }

    /** Start date of the last train period. */
    public LocalDate lastTrainDate() {
        return axis.date(lastTrainPeriod);
    }

    /** Start date of the last validation period (equals {@link #lastTrainDate()} when there is none). */
    public LocalDate lastValidationDate() {
        return axis.date(lastValidationPeriod);
    }

    /** Start date of the first validation period, or null when the split is empty. */
    public LocalDate validationStartDate() {
        return validationPeriods() == 0 ? null : axis.date(lastTrainPeriod + 1);
    }

    /** Start date of the first test period, or null when the split is empty. */
    public LocalDate testStartDate() {
        return testPeriods() == 0 ? null : axis.date(lastValidationPeriod + 1);
    }

    public LocalDate firstDate() {
        return axis.date(firstPeriod);
    }

    public LocalDate lastDate() {
        return axis.date(lastPeriod);
    }

    /** The train rows of a panel on this axis. */
    public Panel train(Panel panel) {
        return panel.slice(firstPeriod, lastTrainPeriod);
    }

    /** The validation rows (possibly none). */
    public Panel validation(Panel panel) {
        return panel.slice(lastTrainPeriod + 1, lastValidationPeriod);
    }

    /** The test rows (possibly none). */
    public Panel test(Panel panel) {
        return panel.slice(lastValidationPeriod + 1, lastPeriod);
    }
}
