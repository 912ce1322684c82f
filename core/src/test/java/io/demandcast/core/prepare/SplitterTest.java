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
    /** 2024-01-01 .. 2024-01-10 overall; b ends early. */
    private final Panel panel = new PanelBuilder(TestPanels.DAILY)
            .add("a", 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10).add("b", 0, 1, 2, 3).build();

    @Test
    void lastPeriodsOfTheOverallRange() {
        SplitPoints s = Splitter.split(panel, new SplitConfig(2, 3, null, null));
        assertEquals(new SplitPoints(panel.axis(), 0, 4, 7, 9), s);
        assertEquals(LocalDate.of(2024, 1, 5), s.lastTrainDate());
        assertEquals(LocalDate.of(2024, 1, 6), s.validationStartDate());
        assertEquals(LocalDate.of(2024, 1, 9), s.testStartDate());
        assertEquals(8, s.train(panel).rowCount());
        assertEquals(3, s.validation(panel).rowCount());
        assertEquals(0, s.validation(panel).length(1));
        assertEquals(2, s.test(panel).rowCount());
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
