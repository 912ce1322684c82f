package io.demandcast.core.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a regular panel series by series: each series is given by its first date and its
 * consecutive values. Convenient for models that emit panels, and for tests.
 */
public final class PanelBuilder {
    private final TimeAxis axis;
    private final List<String> ids = new ArrayList<>();
    private final List<Integer> starts = new ArrayList<>();
    private final List<double[]> values = new ArrayList<>();
    private final Map<String, List<double[]>> numeric = new LinkedHashMap<>();

    public PanelBuilder(TimeAxis axis) {
        this.axis = axis;
    }

    public PanelBuilder(Frequency frequency, LocalDate anchor) {
        this(new TimeAxis(frequency, anchor));
    }

    /** Adds a series whose first value is at {@code start}. */
    public PanelBuilder add(String id, LocalDate start, double... series) {
        return add(id, axis.period(start), series);
    }

    /** Adds a series whose first value is at period {@code startPeriod}. */
    public PanelBuilder add(String id, int startPeriod, double... series) {
        ids.add(id);
        starts.add(startPeriod);
        values.add(series.clone());
        return this;
    }

    /** Adds a numeric covariate to the series added last (same length as its values). */
    public PanelBuilder covariate(String name, double... column) {
        int last = ids.size() - 1;
        if (last < 0 || column.length != values.get(last).length) {
            throw new IllegalArgumentException("covariate '" + name + "' must follow a series of the same length");
        }
        List<double[]> cols = numeric.computeIfAbsent(name, k -> new ArrayList<>());
        while (cols.size() < last) {
            double[] filler = new double[values.get(cols.size()).length];
            Arrays.fill(filler, Double.NaN);
            cols.add(filler);
        }
        cols.add(column.clone());
        return this;
    }

    public Panel build() {
        int n = ids.size();
        int[] offsets = new int[n + 1];
        for (int s = 0; s < n; s++) {
            offsets[s + 1] = offsets[s] + values.get(s).length;
        }
        int rows = offsets[n];
        int[] periods = new int[rows];
        double[] target = new double[rows];
        for (int s = 0; s < n; s++) {
            double[] v = values.get(s);
            for (int i = 0; i < v.length; i++) {
                periods[offsets[s] + i] = starts.get(s) + i;
                target[offsets[s] + i] = v[i];
            }
        }
        Map<String, double[]> num = new LinkedHashMap<>();
        numeric.forEach((name, cols) -> {
            double[] col = new double[rows];
            Arrays.fill(col, Double.NaN);
            for (int s = 0; s < cols.size(); s++) {
                System.arraycopy(cols.get(s), 0, col, offsets[s], cols.get(s).length);
            }
            num.put(name, col);
        });
        return new Panel(axis, ids.toArray(String[]::new), offsets, periods, target, num, Map.of(), Map.of());
    }
}
