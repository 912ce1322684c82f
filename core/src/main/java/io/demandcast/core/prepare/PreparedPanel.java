package io.demandcast.core.prepare;

import io.demandcast.core.data.NumericColumnSource;
import io.demandcast.core.data.Panel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The prepared panel as prepare holds it: the cleaned panel (read columns, the outlier flag or the
 * raw target) unscaled, the derived features as recipes ({@link FeatureColumn}), and the fitted
 * scalers. Its numeric columns, in order, are the cleaned panel's, then the features (a feature
 * named as a read column takes its place).
 *
 * <p>Why not one panel with every column: at full M5 size (59 M rows) the 17 float features of the
 * quickstart take 4 GB beside the 2.8 GB of the cleaned panel. {@link #sources()} hands each column
 * to the panel writer when it is reached: a feature is computed, scaled in place and written, then
 * dropped; a scaled read column is scaled and written series by series. So only one feature is in
 * memory at a time, and no column is held twice. {@link #materialise()} builds the whole panel,
 * from the same sources, for callers that need it in memory (small data, {@code predict --data}).
 * Immutable.
 */
public final class PreparedPanel {
    private final Panel base;
    private final List<String> numericNames;
    private final Map<String, FeatureColumn> features;
    private final List<ScalerParams> scalers;

    private PreparedPanel(Panel base, List<String> numericNames, Map<String, FeatureColumn> features, List<ScalerParams> scalers) {
        this.base = Objects.requireNonNull(base, "base");
        this.numericNames = List.copyOf(numericNames);
        this.features = features;
        this.scalers = List.copyOf(scalers);
    }

    /** The cleaned panel with {@code features} to derive from it, unscaled. */
    static PreparedPanel of(Panel base, List<FeatureColumn> features) {
        Set<String> names = new LinkedHashSet<>(base.numericNames());
        Map<String, FeatureColumn> byName = new LinkedHashMap<>();
        for (FeatureColumn f : features) {
            names.add(f.name());
            byName.put(f.name(), f);
        }
        return new PreparedPanel(base, new ArrayList<>(names), java.util.Collections.unmodifiableMap(byName), List.of());
    }

    /** This panel with its columns scaled by {@code fitted} (applied in that order). */
    PreparedPanel withScalers(List<ScalerParams> fitted) {
        return new PreparedPanel(base, numericNames, features, fitted);
    }

    /** This panel over {@code newBase}: the same rows and columns under other series ids (anonymisation). */
    PreparedPanel withBase(Panel newBase) {
        return new PreparedPanel(newBase, numericNames, features, scalers);
    }

    /**
     * The cleaned panel: series, ids, periods, target, categorical and static columns as prepared,
     * its numeric columns the read ones (and the outlier flag or raw target), unscaled, without the
     * derived features.
     */
    public Panel base() {
        return base;
    }

    /** The prepared panel's numeric columns, in order. */
    public List<String> numericNames() {
        return numericNames;
    }

    public boolean hasNumeric(String name) {
        return numericNames.contains(name);
    }

    /** True when a column is stored as float values (every derived feature is). */
    public boolean isFloat(String name) {
        return features.containsKey(name) || base.isFloat(name);
    }

    public List<ScalerParams> scalers() {
        return scalers;
    }

    /**
     * A column before scaling, series by series as doubles, for fitting a scaler. A derived feature
     * is computed once for the returned function and held by it (4 bytes a row) until it is dropped.
     */
    IntFunction<double[]> unscaledSeries(String name) {
        FeatureColumn feature = features.get(name);
        if (feature == null) {
            return s -> base.numericValues(name, s);
        }
        float[] values = feature.values().apply(base);
        return s -> {
            double[] out = new double[base.length(s)];
            int start = base.rowStart(s);
            for (int i = 0; i < out.length; i++) {
                out[i] = values[start + i];
            }
            return out;
        };
    }

    /** The numeric columns, in order, as the panel writer takes them: scaled, each feature computed when written. */
    public List<NumericColumnSource> sources() {
        List<NumericColumnSource> out = new ArrayList<>();
        for (String name : numericNames) {
            List<ScalerParams> own = scalers.stream().filter(p -> p.column().equals(name)).toList();
            FeatureColumn feature = features.get(name);
            if (feature != null) {
                out.add(new Source(name, true, sink -> {
                    float[] values = feature.values().apply(base);
                    for (ScalerParams p : own) {
                        FeatureScaler.scale(p, values, 0, values.length);
                    }
                    sink.floats(values, 0, values.length);
                }));
            } else if (own.isEmpty()) {
                out.add(NumericColumnSource.of(base, name));
            } else {
                boolean isFloat = base.isFloat(name);
                out.add(new Source(name, isFloat, sink -> {
                    // Series by series, so a scaled read column is never held twice.
                    for (int s = 0; s < base.seriesCount(); s++) {
                        double[] values = base.numericValues(name, s);
                        if (isFloat) {
                            float[] floats = new float[values.length];
                            for (int i = 0; i < values.length; i++) {
                                floats[i] = (float) values[i];
                            }
                            for (ScalerParams p : own) {
                                FeatureScaler.scale(p, floats, 0, floats.length);
                            }
                            sink.floats(floats, 0, floats.length);
                        } else {
                            for (ScalerParams p : own) {
                                FeatureScaler.scale(p, values, 0, values.length);
                            }
                            sink.doubles(values, 0, values.length);
                        }
                    }
                }));
            }
        }
        return out;
    }

    /**
     * The whole prepared panel in memory: every feature computed and every column scaled, from the
     * same {@link #sources()} the writer takes, so it holds what {@code panel.bin} holds. Each call
     * computes the features again.
     */
    public Panel materialise() {
        Panel out = base;
        int rows = base.rowCount();
        for (NumericColumnSource source : sources()) {
            if (base.hasNumeric(source.name()) && !features.containsKey(source.name())
                    && scalers.stream().noneMatch(p -> p.column().equals(source.name()))) {
                continue; // the base column as it is
            }
            Collect collect = new Collect(rows, source.isFloat());
            try {
                source.writeTo(collect);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e); // a collecting sink does no I/O
            }
            out = source.isFloat() ? out.withFloatNumeric(source.name(), collect.floats) : out.withNumeric(source.name(), collect.doubles);
        }
        return out;
    }

    private interface Writer {
        void writeTo(NumericColumnSource.ValueSink sink) throws java.io.IOException;
    }

    private record Source(String name, boolean isFloat, Writer writer) implements NumericColumnSource {
        @Override
        public void writeTo(ValueSink sink) throws java.io.IOException {
            writer.writeTo(sink);
        }
    }

    /** A sink that gathers a column's chunks into one array. */
    private static final class Collect implements NumericColumnSource.ValueSink {
        private final float[] floats;
        private final double[] doubles;
        private int at;

        Collect(int rows, boolean isFloat) {
            floats = isFloat ? new float[rows] : null;
            doubles = isFloat ? null : new double[rows];
        }

        @Override
        public void floats(float[] values, int from, int count) {
            System.arraycopy(values, from, floats, at, count);
            at += count;
        }

        @Override
        public void doubles(double[] values, int from, int count) {
            System.arraycopy(values, from, doubles, at, count);
            at += count;
        }
    }
}
