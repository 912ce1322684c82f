package io.demandcast.core.model.ml;

import io.demandcast.core.data.Categorical;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.TimeAxis;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small synthetic daily panels: every series on periods {@code 0 .. n-1} from 2024-01-01. */
final class TestPanels {
    static final TimeAxis AXIS = new TimeAxis(Frequency.DAILY, LocalDate.of(2024, 1, 1));

    interface Cell {
        double at(int series, int period);
    }

    private TestPanels() {
    }

    static Panel daily(int series, int n, Cell target, Map<String, Cell> numeric, Map<String, String[]> statics) {
        return daily(series, 0, n, target, numeric, Map.of(), statics);
    }

    /** Series {@code s0, s1, ...}, each on periods {@code from .. from+n-1}. */
    static Panel daily(int series, int from, int n, Cell target, Map<String, Cell> numeric, Map<String, Cell> categorical,
                       Map<String, String[]> statics) {
        String[] ids = new String[series];
        int[] offsets = new int[series + 1];
        int[] periods = new int[series * n];
        double[] y = new double[series * n];
        Map<String, double[]> num = new LinkedHashMap<>();
        numeric.forEach((k, v) -> num.put(k, new double[series * n]));
        Map<String, int[]> cat = new LinkedHashMap<>();
        categorical.forEach((k, v) -> cat.put(k, new int[series * n]));
        for (int s = 0; s < series; s++) {
            ids[s] = "s" + s;
            offsets[s + 1] = (s + 1) * n;
            for (int t = 0; t < n; t++) {
                int r = s * n + t;
                periods[r] = from + t;
                y[r] = target.at(s, from + t);
                for (Map.Entry<String, Cell> e : numeric.entrySet()) {
                    num.get(e.getKey())[r] = e.getValue().at(s, from + t);
                }
                for (Map.Entry<String, Cell> e : categorical.entrySet()) {
                    cat.get(e.getKey())[r] = (int) e.getValue().at(s, from + t);
                }
            }
        }
        Map<String, Categorical> cats = new LinkedHashMap<>();
        cat.forEach((k, codes) -> cats.put(k, new Categorical(codes, List.of("event_a", "event_b"))));
        return new Panel(AXIS, ids, offsets, periods, y, num, cats, statics);
    }

    /** The forecast periods' rows of a panel's series: {@code h} periods after {@code end}, target NaN unless given. */
    static Panel future(int series, int end, int h, Cell target, Map<String, Cell> numeric, Map<String, Cell> categorical,
                        Map<String, String[]> statics) {
        return daily(series, end + 1, h, target == null ? (s, t) -> Double.NaN : target, numeric, categorical, statics);
    }
}
