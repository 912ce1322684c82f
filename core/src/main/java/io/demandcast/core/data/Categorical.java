package io.demandcast.core.data;

import java.util.List;
import java.util.Objects;

/**
 * A time-varying categorical column (event names, event types) dictionary-encoded: one code per
 * row into {@code levels}; {@link #MISSING} where the cell was empty.
 */
public record Categorical(int[] codes, List<String> levels) {
    public static final int MISSING = -1;

    public Categorical {
        Objects.requireNonNull(codes, "codes");
        levels = List.copyOf(levels);
    }

    /** Level of a row, or null where missing. */
    public String level(int row) {
        int code = codes[row];
        return code == MISSING ? null : levels.get(code);
    }
}
