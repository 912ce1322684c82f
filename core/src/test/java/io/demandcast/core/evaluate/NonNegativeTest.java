package io.demandcast.core.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.TimeAxis;
import io.demandcast.core.model.Forecast;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class NonNegativeTest {
    private static final TimeAxis AXIS = new TimeAxis(Frequency.WEEKLY, LocalDate.of(2024, 1, 6));

    @Test
    void clipsPointsAndEveryQuantileAtZero() {
        Forecast forecast = new Forecast("theta", AXIS, new String[] {"a", "b"}, new int[] {3, 4}, 2,
                new double[] {-1, 2, 0.5, -0.0}, new double[] {0.1, 0.9},
                new double[][] {{-3, 1, -0.5, -2}, {1, 4, 2, 0}});
        Forecast clipped = NonNegative.clipAtZero(forecast);
        assertArrayEquals(new double[] {0, 2}, clipped.points(0), 0);
        assertArrayEquals(new double[] {0.5, 0}, clipped.points(1), 0);
        assertEquals(0.0, clipped.quantile(0, 0, 0), 0);
        assertEquals(1.0, clipped.quantile(0, 0, 1), 0);
        assertEquals(0.0, clipped.quantile(0, 1, 0), 0);
        assertEquals(0.0, clipped.quantile(0, 1, 1), 0);
        assertEquals(4.0, clipped.quantile(1, 0, 1), 0);
        assertEquals(Double.doubleToLongBits(0.0), Double.doubleToLongBits(clipped.point(1, 1)), "-0.0 becomes 0.0");
        assertEquals("theta", clipped.model());
        assertEquals(List.of("a", "b"), clipped.seriesIds());
        assertEquals(4, clipped.firstPeriod(1));
        assertArrayEquals(new double[] {0.1, 0.9}, clipped.levels(), 0);
        assertEquals(-1.0, forecast.point(0, 0), 0, "the input forecast is unchanged");
    }

    @Test
    void hasNegative() {
        assertTrue(NonNegative.hasNegative(new double[] {3, Double.NaN, -0.1}));
        assertFalse(NonNegative.hasNegative(new double[] {3, Double.NaN, 0, -0.0}));
        assertFalse(NonNegative.hasNegative(new double[0]));
    }
}
