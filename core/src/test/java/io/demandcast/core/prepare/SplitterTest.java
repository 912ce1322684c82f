package io.demandcast.core.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.demandcast.core.config.InvalidConfigException;
import io.demandcast.core.config.PrepareConfig.SplitConfig;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelBuilder;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SplitterTest {
    /** 2024-01-01 .. 2024-01-10 overall; b is ragged: 01-03 .. 01-09. */
    private final Panel panel = new PanelBuilder(TestPanels.DAILY)
            .add("a", 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10).add("b", 2, 1, 2, 3, 4, 5, 6, 7).build();

    @Test
    void lastPeriodsOfTheOverallRange() {
        SplitPoints s = Splitter.split(panel, new SplitConfig(2, 3, null, null));
        assertEquals(new SplitPoints(panel.axis(), 0, 4, 7, 9), s);
        assertEquals(LocalDate.of(2024, 1, 5), s.lastTrainDate());
        assertEquals(LocalDate.of(2024, 1, 6), s.validationStartDate());
        assertEquals(LocalDate.of(2024, 1, 9), s.testStartDate());
        assertEquals(5 + 3, s.train(panel).rowCount());
        assertEquals(3 + 3, s.validation(panel).rowCount());
        assertEquals(2 + 1, s.test(panel).rowCount());
        assertEquals(1, s.test(panel).length(1), "b ends inside the test split: it is scored on the period it has");
    }

    @Test
    void aSeriesEndingBeforeTheTestSplitIsAnError() {
        Panel ragged = new PanelBuilder(TestPanels.DAILY)
                .add("a", 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10).add("b", 0, 1, 2, 3).add("c", 0, 1, 2, 3, 4, 5, 6, 7).build();
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> Splitter.split(ragged, new SplitConfig(2, 3, null, null)));
        assertEquals("prepare.split: the split is by date, counted back from the latest end of any series (2024-01-10),"
                + " and the series do not all span it: 2 of 3 series end before the test split starts (2024-01-09),"
                + " so they have no test rows (e.g. b, c). Set prepare.split.test and validation to 0 for a ragged panel"
                + " (train and predict need no split), or select series that span the split with data.series", e.getMessage());
        assertEquals(9, Splitter.split(ragged, new SplitConfig(0, 0, null, null)).lastTrainPeriod(), "without a split any ragged panel is accepted");
    }

    @Test
    void aSeriesStartingAfterTheTrainSplitIsAnError() {
        Panel late = new PanelBuilder(TestPanels.DAILY).add("a", 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10).add("late", 6, 1, 2, 3, 4).build();
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> Splitter.split(late, new SplitConfig(4, null, null, null)));
        assertEquals("prepare.split: the split is by date, counted back from the latest end of any series (2024-01-10),"
                + " and the series do not all span it: 1 of 2 series start after the train split ends (2024-01-06),"
                + " so they have no training rows (e.g. late). Set prepare.split.test and validation to 0 for a ragged panel"
                + " (train and predict need no split), or select series that span the split with data.series", e.getMessage());
    }

    @Test
    void explicitStartDatesGiveTheSameCut() {
        SplitPoints s = Splitter.split(panel, new SplitConfig(null, null, "2024-01-09", "2024-01-06"));
        assertEquals(new SplitPoints(panel.axis(), 0, 4, 7, 9), s);
    }

    @Test
    void noSplitMeansAllTrain() {
        SplitPoints s = Splitter.split(panel, new SplitConfig(null, null, null, null));
        assertEquals(10, s.trainPeriods());
        assertNull(s.testStartDate());
    }

    @Test
    void emptyTrainIsAnError() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> Splitter.split(panel, new SplitConfig(6, 4, null, null)));
        assertEquals("prepare.split leaves no training periods: the data covers 2024-01-01 .. 2024-01-10 (10 daily periods)"
                + " and validation and test take all of it; shorten prepare.split.test or validation", e.getMessage());
    }

    @Test
    void testStartAfterTheDataIsAnError() {
        assertThrows(InvalidConfigException.class, () -> Splitter.split(panel, new SplitConfig(null, null, "2024-02-01", null)));
    }
}
