package io.demandcast.core.model.ml;

import io.demandcast.core.data.Categorical;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.TimeAxis;
import io.demandcast.core.model.ml.features.Coding;
import io.demandcast.core.model.ml.features.FeatureSchema;
import io.demandcast.core.model.ml.features.SeriesState;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The known covariates of the forecast periods, read from a request's future panel for each series
 * of the model: per series, {@code known[c][step]}, {@code price[c][step]} and
 * {@code categorical[c][step]} (codes of the model's coding).
 */
public record FutureInputs(double[][][] known, double[][][] price, int[][][] categorical) {

    /**
     * @throws IllegalArgumentException naming the first column with a missing value (a column, a row or
     *                                  a numeric value the panel lacks), up to 5 series and the dates
     */
    static FutureInputs read(Panel future, FeatureSchema schema, List<SeriesState> states, TimeAxis axis, int h) {
        return read(future, schema, states.stream().map(SeriesState::id).toList(),
                states.stream().mapToInt(SeriesState::lastPeriod).toArray(), axis, h);
    }

    /**
     * The known covariates of the {@code h} periods after each series' {@code lastPeriods[s]} (on
     * {@code axis}), for any global model whose columns {@code schema} names.
     *
     * @throws IllegalArgumentException as {@link #read(Panel, FeatureSchema, List, TimeAxis, int)}
     */
    public static FutureInputs read(Panel future, FeatureSchema schema, List<String> ids, int[] lastPeriods, TimeAxis axis, int h) {
        int n = ids.size();
        double[][][] known = new double[n][schema.known().size()][];
        double[][][] price = new double[n][schema.price().size()][];
        int[][][] categorical = new int[n][schema.categorical().size()][];
        if (schema.futureColumns().isEmpty()) {
            return new FutureInputs(known, price, categorical);
        }
        int shift = future == null ? 0 : shift(future.axis(), axis);
        // rows[s][step]: the future panel's row for the series' forecast period, or -1
        int[][] rows = new int[n][h];
        for (int s = 0; s < n; s++) {
            Arrays.fill(rows[s], -1);
            int fs = future == null ? -1 : future.indexOf(ids.get(s));
            if (fs < 0) {
                continue;
            }
            int[] periods = future.periods(fs);
            for (int k = 0; k < h; k++) {
                int i = Arrays.binarySearch(periods, lastPeriods[s] + 1 + k - shift);
                rows[s][k] = i < 0 ? -1 : future.rowStart(fs) + i;
            }
        }
        Missing missing = new Missing();
        for (int c = 0; c < schema.known().size(); c++) {
            fillNumeric(future, schema.known().get(c), rows, ids, lastPeriods, axis, h, missing, known, c);
        }
        for (int c = 0; c < schema.price().size(); c++) {
            fillNumeric(future, schema.price().get(c), rows, ids, lastPeriods, axis, h, missing, price, c);
        }
        for (int c = 0; c < schema.categorical().size(); c++) {
            Coding coding = schema.categorical().get(c);
            boolean present = future != null && future.categoricalNames().contains(coding.name());
            Categorical col = present ? future.categorical(coding.name()) : null;
            int[] remap = present ? coding.remap(col.levels()) : null;
            for (int s = 0; s < n; s++) {
                int[] codes = new int[h];
                for (int k = 0; k < h; k++) {
                    int r = rows[s][k];
                    if (!present || r < 0) {
                        missing.add(coding.name(), ids.get(s), lastPeriods[s], axis, k);
                        codes[k] = -1;
                    } else {
                        int code = col.codes()[r];
                        codes[k] = code < 0 ? -1 : remap[code];
                    }
                }
                categorical[s][c] = codes;
            }
            missing.throwIfAny();
        }
        return new FutureInputs(known, price, categorical);
    }

    private static void fillNumeric(Panel future, String name, int[][] rows, List<String> ids, int[] lastPeriods, TimeAxis axis, int h,
                                    Missing missing, double[][][] into, int c) {
        boolean present = future != null && future.hasNumeric(name);
        for (int s = 0; s < ids.size(); s++) {
            double[] values = new double[h];
            for (int k = 0; k < h; k++) {
                int r = rows[s][k];
                values[k] = present && r >= 0 ? future.numeric(name, r) : Double.NaN;
                if (!Double.isFinite(values[k])) {
                    missing.add(name, ids.get(s), lastPeriods[s], axis, k);
                }
            }
            into[s][c] = values;
        }
        missing.throwIfAny();
    }

    private static int shift(TimeAxis futureAxis, TimeAxis axis) {
        if (futureAxis.frequency() != axis.frequency()) {
            throw new IllegalArgumentException("the future covariates are " + futureAxis.frequency().label() + ", the model was fitted on "
                    + axis.frequency().label() + " data");
        }
        return futureAxis.equals(axis) ? 0 : axis.period(futureAxis.anchor());
    }

    /** The missing cells of one column, reported together. */
    private static final class Missing {
        private String column;
        private final List<String> series = new ArrayList<>();
        private final TreeSet<LocalDate> dates = new TreeSet<>();

        void add(String name, String id, int lastPeriod, TimeAxis axis, int step) {
            column = name;
            if (series.isEmpty() || !series.get(series.size() - 1).equals(id)) {
                series.add(id);
            }
            dates.add(axis.date(lastPeriod + 1 + step));
        }

        void throwIfAny() {
            if (column == null) {
                return;
            }
            String names = String.join(", ", series.stream().limit(5).map(id -> "'" + id + "'").toList())
                    + (series.size() > 5 ? " and " + (series.size() - 5) + " more" : "");
            String when = dates.size() == 1 ? "on " + dates.first()
                    : "on " + dates.size() + " dates from " + dates.first() + " to " + dates.last();
            throw new IllegalArgumentException("known covariate '" + column + "' is missing over the forecast periods for series "
                    + names + " " + when + " (the model uses it as a feature: the future covariates must give it for every"
                    + " series and forecast period)");
        }
    }
}
