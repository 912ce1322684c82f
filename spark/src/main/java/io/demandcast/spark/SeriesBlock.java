package io.demandcast.spark;

import io.demandcast.core.data.Categorical;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.TimeAxis;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Some series of a {@link Panel} as plain arrays, the form in which the job ships a partition to an
 * executor: Spark's task serialization then carries only strings, numbers and arrays, never a core
 * object, so the executor rebuilds exactly the panel the driver cut ({@link #toPanel()}).
 *
 * @param frequency   the axis' frequency (enum name)
 * @param anchorDay   the axis' anchor as an epoch day
 * @param seriesIds   one id per series
 * @param offsets     row offsets, {@code seriesIds.length + 1} entries
 * @param periods     period of each row on the axis
 * @param target      target per row
 * @param numericNames numeric column names, in panel order
 * @param numeric     one array per numeric column
 * @param categoricalNames categorical column names, in panel order
 * @param codes       one code array per categorical column
 * @param levels      the levels of each categorical column
 * @param staticNames static column names
 * @param statics     one value per series for each static column
 */
public record SeriesBlock(String frequency, long anchorDay, String[] seriesIds, int[] offsets, int[] periods, double[] target,
                          String[] numericNames, double[][] numeric, String[] categoricalNames, int[][] codes, String[][] levels,
                          String[] staticNames, String[][] statics) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The given series of {@code panel}, in the given order. */
    public static SeriesBlock of(Panel panel, int[] series) {
        Panel p = panel.select(series);
        List<String> num = p.numericNames();
        double[][] numeric = new double[num.size()][];
        for (int i = 0; i < numeric.length; i++) {
            numeric[i] = p.numericColumn(num.get(i));
        }
        List<String> cat = p.categoricalNames();
        int[][] codes = new int[cat.size()][];
        String[][] levels = new String[cat.size()][];
        for (int i = 0; i < codes.length; i++) {
            Categorical c = p.categorical(cat.get(i));
            codes[i] = c.codes().clone();
            levels[i] = c.levels().toArray(String[]::new);
        }
        List<String> st = p.staticNames();
        String[][] statics = new String[st.size()][p.seriesCount()];
        for (int i = 0; i < statics.length; i++) {
            for (int s = 0; s < p.seriesCount(); s++) {
                statics[i][s] = p.staticValue(st.get(i), s);
            }
        }
        return new SeriesBlock(p.frequency().name(), p.axis().anchor().toEpochDay(), p.seriesIds().toArray(String[]::new), p.offsets(),
                p.periodColumn(), p.targetColumn(), num.toArray(String[]::new), numeric, cat.toArray(String[]::new), codes, levels,
                st.toArray(String[]::new), statics);
    }

    /** The panel this block was cut from, restricted to its series. */
    public Panel toPanel() {
        Map<String, double[]> num = new LinkedHashMap<>();
        for (int i = 0; i < numericNames.length; i++) {
            num.put(numericNames[i], numeric[i]);
        }
        Map<String, Categorical> cat = new LinkedHashMap<>();
        for (int i = 0; i < categoricalNames.length; i++) {
            cat.put(categoricalNames[i], new Categorical(codes[i], Arrays.asList(levels[i])));
        }
        Map<String, String[]> st = new LinkedHashMap<>();
        for (int i = 0; i < staticNames.length; i++) {
            st.put(staticNames[i], statics[i]);
        }
        TimeAxis axis = new TimeAxis(Frequency.valueOf(frequency), LocalDate.ofEpochDay(anchorDay));
        return new Panel(axis, seriesIds.clone(), offsets.clone(), periods.clone(), target.clone(), num, cat, st);
    }
}
