package io.demandcast.core.data;

import java.io.IOException;

/**
 * A numeric column of a panel file that {@link PanelCodec#write(Panel, java.util.List, java.nio.file.Path)}
 * writes: its name, its storage, and its values, handed over only when the writer reaches the
 * column. So a prepared panel can be written with each derived feature computed, written and
 * dropped in turn, instead of holding every feature of every row in memory at once.
 */
public interface NumericColumnSource {
    /** The column name. */
    String name();

    /** True when the values are float (f32) values, false for double (f64). */
    boolean isFloat();

    /**
     * Hands the column's values, in row order, to {@code sink}: in one or more chunks, every row
     * once, all through {@link ValueSink#floats} when {@link #isFloat()}, else through
     * {@link ValueSink#doubles}. The sink copies what it is given.
     */
    void writeTo(ValueSink sink) throws IOException;

    /** Receives a column's values chunk by chunk. */
    interface ValueSink {
        void floats(float[] values, int from, int count) throws IOException;

        void doubles(double[] values, int from, int count) throws IOException;
    }

    /** A numeric column of {@code panel} as it is stored (not copied). */
    static NumericColumnSource of(Panel panel, String name) {
        boolean isFloat = panel.isFloat(name);
        return new NumericColumnSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean isFloat() {
                return isFloat;
            }

            @Override
            public void writeTo(ValueSink sink) throws IOException {
                if (isFloat) {
                    float[] values = panel.storedFloats(name);
                    sink.floats(values, 0, values.length);
                } else {
                    double[] values = panel.storedDoubles(name);
                    sink.doubles(values, 0, values.length);
                }
            }
        };
    }
}
