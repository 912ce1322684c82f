package io.demandcast.core.model.ml.features;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Integer codes of a text column (a categorical covariate or a static attribute), fixed at fit so
 * forecasts and updates encode a value as the training data did. A value not seen in training
 * codes as -1, like "no value".
 *
 * @param name   the column
 * @param levels the training values; a value's code is its index
 * @param oneHot the values given a 0/1 column of their own for linear learners (the most frequent
 *               ones, at most {@link FeatureSchema#MAX_ONE_HOT}); others have all those columns 0
 */
public final class Coding {
    private final String name;
    private final List<String> levels;
    private final List<String> oneHot;
    private final Map<String, Integer> index;

    public Coding(String name, List<String> levels, List<String> oneHot) {
        this.name = name;
        this.levels = List.copyOf(levels);
        this.oneHot = List.copyOf(oneHot);
        this.index = new HashMap<>(levels.size() * 2);
        for (int i = 0; i < this.levels.size(); i++) {
            index.put(this.levels.get(i), i);
        }
    }

    public String name() {
        return name;
    }

    public List<String> levels() {
        return levels;
    }

    public List<String> oneHot() {
        return oneHot;
    }

    /** The code of a value, -1 for null or a value unseen in training. */
    public int code(String value) {
        if (value == null) {
            return -1;
        }
        Integer c = index.get(value);
        return c == null ? -1 : c;
    }

    /** For each code, its one-hot column index, or -1 when it has none. */
    public int[] oneHotIndexByCode() {
        int[] out = new int[levels.size()];
        java.util.Arrays.fill(out, -1);
        for (int i = 0; i < oneHot.size(); i++) {
            int c = code(oneHot.get(i));
            if (c >= 0) {
                out[c] = i;
            }
        }
        return out;
    }

    /** Codes of another column's levels in this coding ({@code remap[theirCode]}), so a panel with its own dictionary can be read. */
    public int[] remap(List<String> theirLevels) {
                int[] out = new int[theirLevels.size()];
        for (int i = 0; i < out.length; i++) {
            Integer c = index.get(theirLevels.get(i));
            out[i] = c == null ? -1 : c;
        }
        return out;
    }
}
