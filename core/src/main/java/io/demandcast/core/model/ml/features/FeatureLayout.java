package io.demandcast.core.model.ml.features;

import io.demandcast.core.data.TimeAxis;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The feature row of one model: the schema's columns plus target lags and rolling statistics that
 * only reach values at least {@code minLag} periods before the target period. The one-step
 * (recursive) model has {@code minLag} 1; a direct or hybrid model whose steps end at {@code k}
 * has {@code minLag} k, so every lag it reads is known at the cutoff.
 *
 * <p>Lags of a model with {@code minLag} m: the configured lags that are {@code >= m}, and every
 * configured lag shifted to {@code L + m - 1} (the values nearest the cutoff, in the same pattern).
 * Rolling windows of length w cover the w periods ending m periods before the target.
 *
 * <p>Price momentum (opt-in) is the price at the target period over the price's mean in each rolling
 * window ending the period before: prices are known covariates, so it needs no lag, and the window
 * never reaches further back than the target's own windows (the state's tails hold it).
 */
public final class FeatureLayout {
    private final FeatureSchema schema;
    private final TimeAxis axis;
    private final int minLag;
    private final int[] lags;
    private final int[] windows;
    private final boolean mean;
    private final boolean std;
    private final boolean nonzero;
    private final boolean sinceNonzero;
    private final boolean priceMomentum;
    private final int[][] oneHotCategorical;
    private final int[][] oneHotStatic;
    private final List<String> names;

    public FeatureLayout(FeatureSchema schema, TimeAxis axis, int[] configuredLags, int[] windows, List<String> stats, boolean priceMomentum,
                         int minLag) {
        this.schema = schema;
        this.axis = axis;
        this.minLag = minLag;
        this.lags = lagsFor(configuredLags, minLag);
        this.windows = windows.clone();
        this.mean = stats.contains("mean");
        this.std = stats.contains("std");
        this.nonzero = stats.contains("nonzero");
        this.sinceNonzero = stats.contains("since_nonzero");
        this.priceMomentum = priceMomentum;
        this.oneHotCategorical = schema.categorical().stream().map(Coding::oneHotIndexByCode).toArray(int[][]::new);
        this.oneHotStatic = schema.statics().stream().map(Coding::oneHotIndexByCode).toArray(int[][]::new);
        List<String> n = new ArrayList<>();
        for (int lag : lags) {
            n.add("lag_" + lag);
        }
        String suffix = minLag == 1 ? "" : "_lag_" + minLag;
        for (int w : windows) {
            if (mean) {
                n.add("roll_mean_" + w + suffix);
            }
            if (std) {
                n.add("roll_std_" + w + suffix);
            }
            if (nonzero) {
                n.add("roll_nonzero_" + w + suffix);
            }
            if (sinceNonzero) {
                n.add("roll_since_nonzero_" + w + suffix);
            }
        }
        n.addAll(schema.calendar());
        n.addAll(schema.known());
        for (String p : schema.price()) {
            n.add(p + "_change");
            n.add(p + "_relative");
            if (priceMomentum) {
                for (int w : windows) {
                    n.add(p + "_momentum_" + w);
                }
            }
        }
        for (Coding c : schema.categorical()) {
            if (schema.linear()) {
                c.oneHot().forEach(level -> n.add(c.name() + "=" + level));
            } else {
                n.add(c.name());
            }
        }
        if (!schema.categorical().isEmpty()) {
            n.add("any_event");
        }
        for (Coding c : schema.statics()) {
            if (schema.linear()) {
                c.oneHot().forEach(level -> n.add(c.name() + "=" + level));
            } else {
                n.add(c.name());
            }
        }
        n.add("log_scale");
        for (String c : schema.pastOnly()) {
            n.add(c + "_lag_" + schema.pastLag());
        }
        if (new TreeSet<>(n).size() != n.size()) {
            throw new IllegalArgumentException("feature names collide: " + n + "; rename the covariate columns or choose them with model.params.covariates");
        }
        this.names = List.copyOf(n);
    }

    static int[] lagsFor(int[] configured, int minLag) {
        TreeSet<Integer> set = new TreeSet<>();
        for (int l : configured) {
            if (l >= minLag) {
                set.add(l);
            }
            set.add(l + minLag - 1);
        }
        return set.stream().mapToInt(Integer::intValue).toArray();
    }

    public List<String> names() {
        return names;
    }

    public int size() {
        return names.size();
    }

    public int minLag() {
        return minLag;
    }

    /** The periods before the target period this layout reads the target at, at most. */
    public int reach() {
        int r = lags.length == 0 ? minLag : lags[lags.length - 1];
        for (int w : windows) {
            r = Math.max(r, minLag + w - 1);
        }
        return r;
    }

    /** Writes the features of the target at {@code pos} into {@code row} (length {@link #size()}). */
    public void fill(SeriesFrame f, int pos, float[] row) {
        int i = 0;
        double[] z = f.z();
        for (int lag : lags) {
            int at = pos - lag;
            row[i++] = at >= 0 ? (float) z[at] : Float.NaN;
        }
        for (int w : windows) {
            int end = pos - minLag;
            int start = Math.max(0, end - w + 1);
            double sum = 0;
            double sumSq = 0;
            int count = 0;
            int nonzeros = 0;
            int lastNonzero = -1;
            for (int t = start; t <= end; t++) {
                double v = z[t];
                if (!Double.isNaN(v)) {
                    sum += v;
                    sumSq += v * v;
                    count++;
                    if (v != 0) {
                        nonzeros++;
                        lastNonzero = t;
                    }
                }
            }
            double m = count == 0 ? Double.NaN : sum / count;
            if (mean) {
                row[i++] = (float) m;
            }
            if (std) {
                row[i++] = count < 2 ? Float.NaN : (float) Math.sqrt(Math.max(0, (sumSq - count * m * m) / (count - 1)));
            }
            if (nonzero) {
                row[i++] = count == 0 ? Float.NaN : (float) nonzeros / count;
            }
            if (sinceNonzero) {
                // periods from the last demand to the window's end (0 = demand at its last period); the
                // window's length when it has none, so it reads no further back than the window
                row[i++] = count == 0 ? Float.NaN : (float) (lastNonzero < 0 ? w : end - lastNonzero);
            }
        }
        if (!schema.calendar().isEmpty()) {
            int period = f.firstPeriod() + pos;
            LocalDate date = axis.date(period);
            for (String field : schema.calendar()) {
                row[i++] = switch (field) {
                    case "day_of_week" -> date.getDayOfWeek().getValue();
                    case "day_of_month" -> date.getDayOfMonth();
                    case "week_of_year" -> date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                    case "month" -> date.getMonthValue();
                    case "quarter" -> (date.getMonthValue() - 1) / 3 + 1;
                    case "trend" -> period;
                    default -> throw new IllegalStateException("unknown calendar field " + field);
                };
            }
        }
        for (double[] col : f.known()) {
            row[i++] = (float) col[pos];
        }
        for (int p = 0; p < f.price().length; p++) {
            double[] col = f.price()[p];
            double now = col[pos];
            double before = pos > 0 ? col[pos - 1] : Double.NaN;
            row[i++] = before != 0 && Double.isFinite(before) ? (float) (now / before - 1) : Float.NaN;
            double m = f.priceMean()[p];
            row[i++] = m != 0 && Double.isFinite(m) ? (float) (now / m) : Float.NaN;
            if (priceMomentum) {
                for (int w : windows) {
                    double sum = 0;
                    int count = 0;
                    for (int t = Math.max(0, pos - w); t < pos; t++) {
                        if (Double.isFinite(col[t])) {
                            sum += col[t];
                            count++;
                        }
                    }
                    row[i++] = count > 0 && sum != 0 && Double.isFinite(now) ? (float) (now * count / sum) : Float.NaN;
                }
            }
        }
        boolean anyEvent = false;
        for (int c = 0; c < f.categorical().length; c++) {
            int code = f.categorical()[c][pos];
            anyEvent |= code >= 0;
            if (schema.linear()) {
                int width = schema.categorical().get(c).oneHot().size();
                int hot = code >= 0 ? oneHotCategorical[c][code] : -1;
                for (int k = 0; k < width; k++) {
                    row[i++] = k == hot ? 1f : 0f;
                }
            } else {
                row[i++] = code;
            }
        }
        if (f.categorical().length > 0) {
            row[i++] = anyEvent ? 1f : 0f;
        }
        for (int c = 0; c < f.staticCodes().length; c++) {
            int code = f.staticCodes()[c];
            if (schema.linear()) {
                int width = schema.statics().get(c).oneHot().size();
                int hot = code >= 0 ? oneHotStatic[c][code] : -1;
                for (int k = 0; k < width; k++) {
                    row[i++] = k == hot ? 1f : 0f;
                }
            } else {
                row[i++] = code;
            }
        }
        row[i++] = (float) f.logScale();
        for (double[] col : f.pastOnly()) {
            int at = pos - schema.pastLag();
            row[i++] = at >= 0 ? (float) col[at] : Float.NaN;
        }
    }

    @Override
    public String toString() {
        return "FeatureLayout[minLag=" + minLag + ", lags=" + Arrays.toString(lags) + ", " + names.size() + " features]";
    }
}
