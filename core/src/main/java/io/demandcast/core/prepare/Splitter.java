package io.demandcast.core.prepare;

import io.demandcast.core.config.InvalidConfigException;
import io.demandcast.core.config.PrepareConfig.SplitConfig;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.TimeAxis;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits by date over the panel's overall range (all series share the cut-offs, so no series sees
 * the future of another): the last {@code test} periods are test, the {@code validation} periods
 * before them validation, unless explicit start dates are given; a start date opens its split at
 * the first period that starts on or after it.
 *
 * <p>On a ragged panel (series that start or end on different dates, like M3) the cut-offs are
 * still counted back from the latest end of any series. A series that ends before the last hold-out
 * part starts would have nothing to be scored on (its forecast would start at its own end, in the
 * past), and one that starts after the train split would have nothing to fit; either makes the
 * split an error naming such series. With no validation or test split, any panel is accepted.
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
        SplitPoints split = new SplitPoints(axis, first, lastTrain, lastValidation, last);
        requireEverySeriesSpans(panel, split);
        return split;
    }

    /** Every non-empty series has a train period and reaches the last non-empty hold-out part. */
    private static void requireEverySeriesSpans(Panel panel, SplitPoints split) {
        if (split.validationPeriods() == 0 && split.testPeriods() == 0) {
            return;
        }
        boolean test = split.testPeriods() > 0;
        int holdoutStart = test ? split.lastValidationPeriod() + 1 : split.lastTrainPeriod() + 1;
        List<String> endEarly = new ArrayList<>();
        List<String> startLate = new ArrayList<>();
        int nonEmpty = 0;
        for (int s = 0; s < panel.seriesCount(); s++) {
            if (panel.length(s) == 0) {
                continue;
            }
            nonEmpty++;
            if (panel.lastPeriod(s) < holdoutStart) {
                endEarly.add(panel.seriesId(s));
            } else if (panel.firstPeriod(s) > split.lastTrainPeriod()) {
                startLate.add(panel.seriesId(s));
            }
        }
        if (endEarly.isEmpty() && startLate.isEmpty()) {
            return;
        }
        TimeAxis axis = panel.axis();
        String part = test ? "test" : "validation";
        List<String> problems = new ArrayList<>();
        if (!endEarly.isEmpty()) {
            problems.add(endEarly.size() + " of " + nonEmpty + " series end before the " + part + " split starts ("
                    + axis.date(holdoutStart) + "), so they have no " + part + " rows (" + examples(endEarly) + ")");
        }
        if (!startLate.isEmpty()) {
            problems.add(startLate.size() + " of " + nonEmpty + " series start after the train split ends ("
                    + split.lastTrainDate() + "), so they have no training rows (" + examples(startLate) + ")");
        }
        throw new InvalidConfigException("prepare.split: the split is by date, counted back from the latest end of any series ("
                + split.lastDate() + "), and the series do not all span it: " + String.join("; ", problems)
                + ". Set prepare.split.test and validation to 0 for a ragged panel (train and predict need no split),"
                + " or select series that span the split with data.series");
    }

    private static String examples(List<String> ids) {
        return "e.g. " + String.join(", ", ids.subList(0, Math.min(5, ids.size()))) + (ids.size() > 5 ? ", ..." : "");
    }
}
