package io.demandcast.core.prepare;

import io.demandcast.core.data.Categorical;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.TimeAxis;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Small hand-made panels for the prepare tests. */
final class TestPanels {
    static final LocalDate MONDAY = LocalDate.of(2024, 1, 1);
    static final TimeAxis DAILY = new TimeAxis(Frequency.DAILY, MONDAY);

    private TestPanels() {
    }

    /** One daily series with explicit periods (gaps allowed) and targets. */
    static Panel oneSeries(int[] periods, double[] target) {
        return new Panel(DAILY, new String[] {"a"}, new int[] {0, periods.length}, periods, target, Map.of(), Map.of(), Map.of());
    }

    /** A panel with one numeric covariate {@code price} and one categorical {@code event_type_1}. */
    static Panel withCovariates(int[] offsets, int[] periods, double[] target, double[] price, int[] eventCodes,
                                List<String> levels) {
        String[] ids = new String[offsets.length - 1];
        String[] store = new String[ids.length];
        for (int s = 0; s < ids.length; s++) {
            ids[s] = "s" + s;
            store[s] = "store" + s;
        }
        return new Panel(DAILY, ids, offsets, periods, target, Map.of("price", price),
                Map.of("event_type_1", new Categorical(eventCodes, levels)), Map.of("store", store));
    }

    static double[] nan(int n) {
        double[] v = new double[n];
        Arrays.fill(v, Double.NaN);
        return v;
    }
}
