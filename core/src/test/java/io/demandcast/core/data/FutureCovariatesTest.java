package io.demandcast.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FutureCovariatesTest {
    static final TimeAxis AXIS = new TimeAxis(Frequency.DAILY, LocalDate.of(2024, 1, 1));

    @Test
    void takesTheHorizonAfterEachEndAndWhatExistsAtTheEndOfTheData() {
        Panel p = new PanelBuilder(AXIS)
                .add("a", 0, 1, 2, 3, 4, 5, 6).covariate("price", 10, 11, 12, 13, 14, 15).covariate("traffic", 1, 1, 1, 1, 1, 1)
                .add("b", 2, 7, 8, 9, 10).covariate("price", 20, 21, 22, 23).covariate("traffic", 2, 2, 2, 2)
                .build();
        Panel f = FutureCovariates.after(p, new int[] {1, 0}, new int[] {4, 1}, 3, List.of("traffic"));
        assertEquals(List.of("b", "a"), f.seriesIds());
        assertEquals(List.of("price"), f.numericNames());
        assertArrayEquals(new int[] {5}, f.periods(0), "b ends at period 5: one of the three periods exists");
        assertArrayEquals(new double[] {23}, f.numericValues("price", 0));
        assertArrayEquals(new int[] {2, 3, 4}, f.periods(1));
        assertArrayEquals(new double[] {12, 13, 14}, f.numericValues("price", 1));
        for (double v : f.targetColumn()) {
            assertEquals(Double.NaN, v);
        }
    }

    @Test
    void backtestRequestsCarryTheLastCovariatesPastTheEndOfTheData() {
        Panel p = new PanelBuilder(AXIS)
                .add("a", 0, 1, 2, 3, 4, 5, 6).covariate("price", 10, 11, 12, 13, 14, 15).covariate("traffic", 1, 1, 1, 1, 1, 1)
                .add("b", 2, 7, 8, 9, 10).covariate("price", 20, 21, 22, 23).covariate("traffic", 2, 2, 2, 2)
                .build();
        Panel f = FutureCovariates.afterCarryingForward(p, new int[] {1, 0}, new int[] {4, 1}, 3, List.of("traffic"));
        assertEquals(List.of("price"), f.numericNames());
        assertArrayEquals(new int[] {5, 6, 7}, f.periods(0), "b: every period of the horizon");
        assertArrayEquals(new double[] {23, 23, 23}, f.numericValues("price", 0), "the last price carried forward");
        assertArrayEquals(new int[] {2, 3, 4}, f.periods(1));
        assertArrayEquals(new double[] {12, 13, 14}, f.numericValues("price", 1));
        Panel atTheEnd = FutureCovariates.afterCarryingForward(p, new int[] {1}, new int[] {5}, 2, List.of());
        assertArrayEquals(new int[] {6, 7}, atTheEnd.periods(0));
        assertArrayEquals(new double[] {23, 23}, atTheEnd.numericValues("price", 0), "no row after the end: the end's own values");
        for (double v : f.targetColumn()) {
            assertEquals(Double.NaN, v);
        }
    }
}
