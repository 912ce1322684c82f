package io.demandcast.core.model.deep;

import io.demandcast.core.model.ml.features.SeriesFrame;
import java.util.List;

/**
 * The windows a fit learns from and validates on, as (series, last input position) pairs.
 *
 * <p>A window ending at position {@code t} of a series' frame reads its {@code lookback} periods up
 * to {@code t} (padded in front when the series is shorter) and predicts {@code t + 1 .. t + horizon},
 * whose targets must all be observed. Each series contributes its newest {@code maxWindows} such
 * windows (all when 0). Of those, the newest {@code ceil(validation × count)} are held out (none for
 * a series with one window), and the {@code horizon - 1} windows before them are dropped, because
 * their targets overlap the held-out ones: the validation loss is then an honest out-of-sample loss.
 *
 * @param trainSeries      index of each training window's series
 * @param trainEnd         position of its last input period in the series' frame
 * @param validationSeries likewise for the held-out windows
 * @param validationEnd    likewise
 */
record TrainingWindows(int[] trainSeries, int[] trainEnd, int[] validationSeries, int[] validationEnd) {

    static TrainingWindows of(List<SeriesFrame> frames, int horizon, int maxWindows, double validation) {
        IntList ts = new IntList();
        IntList te = new IntList();
        IntList vs = new IntList();
        IntList ve = new IntList();
        for (int s = 0; s < frames.size(); s++) {
            double[] z = frames.get(s).z();
            // ends[i], newest first: windows whose whole target is observed
            IntList ends = new IntList();
            for (int t = z.length - 1 - horizon; t >= 0 && (maxWindows == 0 || ends.size() < maxWindows); t--) {
                if (allObserved(z, t + 1, horizon)) {
                    ends.add(t);
                }
            }
            int count = ends.size();
            int held = count >= 2 && validation > 0 ? (int) Math.ceil(validation * count) : 0;
            held = Math.max(0, Math.min(held, count - 1));
            for (int i = 0; i < held; i++) {
                vs.add(s);
                ve.add(ends.get(i));
            }
            int firstHeld = held > 0 ? ends.get(held - 1) : Integer.MAX_VALUE;
            for (int i = held; i < count; i++) {
                int t = ends.get(i);
                if (held == 0 || t <= firstHeld - horizon) {
                    ts.add(s);
                    te.add(t);
                }
            }
        }
        return new TrainingWindows(ts.toArray(), te.toArray(), vs.toArray(), ve.toArray());
    }

    /** Whether {@code z[from .. from + n - 1]} are all observed. */
    private static boolean allObserved(double[] z, int from, int n) {
        for (int i = from; i < from + n; i++) {
            if (!Double.isFinite(z[i])) {
                return false;
            }
        }
        return true;
    }

    int trainCount() {
        return trainSeries.length;
    }

    int validationCount() {
        return validationSeries.length;
    }

    /** A growable int array: windows are many, boxing them is not free. */
    private static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int get(int i) {
            return values[i];
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
