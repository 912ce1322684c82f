package io.demandcast.core.model.ml;

import io.demandcast.core.data.Categorical;
import io.demandcast.core.data.Panel;
import io.demandcast.core.model.ml.features.Coding;
import io.demandcast.core.model.ml.features.FeatureSchema;
import io.demandcast.core.model.ml.features.SeriesFrame;
import io.demandcast.core.model.ml.features.SeriesState;
import java.util.Arrays;
import java.util.List;

/**
 * A panel series as the ML model sees it: its dense frame over its whole history (what training
 * rows are read from) and the state a forecast needs (its tail). Fit and update both go through
 * here, so an update's state is exactly a refit's. The deep families read their frames here too.
 */
public final class HistoryFrames {
    private HistoryFrames() {
    }

    public record Built(SeriesFrame frame, SeriesState state) {
    }

    /**
     * @param shift what to add to a period of {@code panel} to get the same date's period on the model's axis
     * @param tail  periods of the target, price and past-only columns the state keeps
     * @throws IllegalArgumentException naming the series when the transform needs a non-negative target and it has a negative one
     */
    public static Built of(Panel panel, int s, FeatureSchema schema, TargetTransform transform, int group, int shift, int tail) {
        String id = panel.seriesId(s);
        int len = panel.length(s) == 0 ? 0 : panel.lastPeriod(s) - panel.firstPeriod(s) + 1;
        int p0 = panel.length(s) == 0 ? 0 : panel.firstPeriod(s);
        // Whole-series reads: on a backtest window's view of the panel a row read looks its series up first.
        int[] pos = panel.periods(s);
        for (int i = 0; i < pos.length; i++) {
            pos[i] -= p0;
        }
        double[] y = dense(len, pos, panel, s, null);
        if (transform.needsNonNegative()) {
            for (int i = 0; i < len; i++) {
                if (y[i] < 0) {
                    throw new IllegalArgumentException("series '" + id + "' has a negative target (" + y[i] + " on "
                            + panel.axis().date(p0 + i) + "): model.params.transform: log1p needs a non-negative target");
                }
            }
        }
        double divisor = transform.divisor(y);
        double level = TargetTransform.meanAbs(y, 0);
        if (!Double.isFinite(level)) {
            level = 0;
        }
        double[] z = new double[len];
        for (int i = 0; i < len; i++) {
            z[i] = transform.forward(y[i], divisor);
        }
        double[][] known = columns(schema.known(), len, pos, panel, s);
        double[][] price = columns(schema.price(), len, pos, panel, s);
        double[] priceMean = new double[price.length];
        for (int c = 0; c < price.length; c++) {
            priceMean[c] = Arrays.stream(price[c]).filter(Double::isFinite).average().orElse(Double.NaN);
        }
        List<String> categoricalNames = panel.categoricalNames();
        int[][] categorical = new int[schema.categorical().size()][];
        for (int c = 0; c < categorical.length; c++) {
            Coding coding = schema.categorical().get(c);
            int[] codes = new int[len];
            Arrays.fill(codes, -1);
            if (categoricalNames.contains(coding.name())) {
                Categorical col = panel.categorical(coding.name());
                int[] remap = coding.remap(col.levels());
                for (int r = panel.rowStart(s), i = 0; r < panel.rowEnd(s); r++, i++) {
                    int code = col.codes()[r];
                    codes[pos[i]] = code < 0 ? -1 : remap[code];
                }
            }
            categorical[c] = codes;
        }
        double[][] past = columns(schema.pastOnly(), len, pos, panel, s);
        List<String> staticNames = panel.staticNames();
        int[] staticCodes = new int[schema.statics().size()];
        for (int c = 0; c < staticCodes.length; c++) {
            Coding coding = schema.statics().get(c);
            staticCodes[c] = staticNames.contains(coding.name()) ? coding.code(panel.staticValue(coding.name(), s)) : -1;
        }
        SeriesFrame frame = new SeriesFrame(p0 + shift, z, known, price, categorical, past, Math.log1p(level), priceMean, staticCodes);
        double[][] priceTail = Arrays.stream(price).map(col -> tailOf(col, tail)).toArray(double[][]::new);
        double[][] pastTail = Arrays.stream(past).map(col -> tailOf(col, tail)).toArray(double[][]::new);
        SeriesState state = new SeriesState(id, group, len == 0 ? -1 : p0 + shift + len - 1, divisor, level, priceMean, staticCodes,
                tailOf(z, tail), priceTail, pastTail);
        return new Built(frame, state);
    }

    private static double[][] columns(List<String> names, int len, int[] pos, Panel panel, int s) {
        double[][] out = new double[names.size()][];
        for (int c = 0; c < out.length; c++) {
            out[c] = dense(len, pos, panel, s, panel.hasNumeric(names.get(c)) ? names.get(c) : "");
        }
        return out;
    }

    /** A column (the target when {@code name} is null; all NaN when "" = absent) on consecutive periods. */
    private static double[] dense(int len, int[] pos, Panel panel, int s, String name) {
        double[] out = new double[len];
        Arrays.fill(out, Double.NaN);
        if (name != null && name.isEmpty()) {
            return out;
        }
        double[] values = name == null ? panel.values(s) : panel.numericValues(name, s);
        for (int i = 0; i < values.length; i++) {
            out[pos[i]] = values[i];
        }
        return out;
    }

    /** The last {@code n} values, NaN-padded in front when the array is shorter. */
    static double[] tailOf(double[] values, int n) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        int k = Math.min(n, values.length);
        System.arraycopy(values, values.length - k, out, n - k, k);
        return out;
    }
}
