package io.demandcast.core.model.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.demandcast.core.model.ml.features.SeriesFrame;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingWindowsTest {

    private static SeriesFrame frame(double... z) {
        return new SeriesFrame(0, z, new double[0][], new double[0][], new int[0][], new double[0][], 0, new double[0], new int[0]);
    }

    private static double[] observed(int n) {
        double[] z = new double[n];
        Arrays.fill(z, 1);
        return z;
    }

    @Test
    void theNewestWindowsAreHeldOutAndTheWindowsWhoseTargetsOverlapThemDropped() {
        // 20 periods, horizon 3: windows end at 0 .. 16, newest first 16, 15, ...
        TrainingWindows w = TrainingWindows.of(List.of(frame(observed(20))), 3, 0, 0.2);
        // ceil(0.2 * 17) = 4 held out: 16, 15, 14, 13; targets of 13 start at 14, so training ends at 10
        assertArrayEquals(new int[] {16, 15, 14, 13}, w.validationEnd());
        assertArrayEquals(new int[] {10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0}, w.trainEnd());
    }

    @Test
    void maxWindowsKeepsTheNewestAndMissingTargetsSkipAWindow() {
        double[] z = observed(20);
        z[12] = Double.NaN; // windows ending at 9, 10, 11 would predict it
        TrainingWindows w = TrainingWindows.of(List.of(frame(z)), 3, 8, 0);
        assertArrayEquals(new int[] {16, 15, 14, 13, 12, 8, 7, 6}, w.trainEnd());
        assertEquals(0, w.validationCount());
    }

    @Test
    void aSeriesWithOneWindowTrainsOnItAndOneTooShortHasNone() {
        TrainingWindows w = TrainingWindows.of(List.of(frame(observed(4)), frame(observed(3))), 3, 0, 0.5);
        assertArrayEquals(new int[] {0}, w.trainSeries());
        assertArrayEquals(new int[] {0}, w.trainEnd());
        assertEquals(0, w.validationCount());
    }
}
