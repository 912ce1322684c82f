package io.demandcast.core.prepare;

import io.demandcast.core.config.InvalidConfigException;
import io.demandcast.core.config.PrepareConfig.SplitConfig;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.TimeAxis;
import java.time.LocalDate;

/**
 * Splits by date over the panel's overall range (all series share the cut-offs, so no series sees
 * the future of another): the last {@code test} periods are test, the {@code validation} periods
 * before them validation, unless explicit start dates are given; a start date opens its split at
 * the first period that starts on or after it.
 */
public final class Splitter {
    private Splitter() {
    }

    /**
     * @throws InvalidConfigException when the split leaves no train period or a start date lies outside the panel
     */
    public static SplitPoints split(Panel panel, SplitConfig config) {
        if (panel.rowCount() == 0) {
            throw new InvalidConfigException("prepare.split: the prepared panel has no rows to split");
        }
        TimeAxis axis = panel.axis();
        int first = panel.minPeriod();
        int last = panel.maxPeriod();
        String range = axis.date(first) + " .. " + axis.date(last);

        int lastValidation;
        LocalDate testStart = config.testStartDate();
        if (testStart != null) {
            int start = Periods.firstOnOrAfter(axis, testStart);
            if (start > last) {
                throw new InvalidConfigException("prepare.split.test_start " + testStart
                        + " is after the last period of the data (" + range + ")");
            }
            lastValidation = start - 1;
        } else {
            lastValidation = last - config.test();
        }
        int lastTrain;
        LocalDate validationStart = config.validationStartDate();
        if (validationStart != null) {
            int start = Periods.firstOnOrAfter(axis, validationStart);
            if (start > lastValidation + 1) {
                throw new InvalidConfigException("prepare.split.validation_start " + validationStart
                        + " falls inside or after the test split (which starts " + axis.date(lastValidation + 1) + ")");
            }
            lastTrain = start - 1;
        } else {
            lastTrain = lastValidation - config.validation();
        }
        if (lastTrain < first) {
            throw new InvalidConfigException("prepare.split leaves no training periods: the data covers " + range
                    + " (" + (last - first + 1) + " " + axis.frequency().label()
                    + " periods) and validation and test take all of it; shorten prepare.split.test or validation");
        }
        return new SplitPoints(axis, first, lastTrain, lastValidation, last);
    }
}
