package io.demandcast.core.data;

import java.util.Set;

/**
 * Which columns to load from a panel file: the target, periods, ids and statics always; numeric
 * and categorical columns by name, or all of them. A model family that reads only the target
 * (every local statistical method) loads {@link #targetOnly()}, so the memory of train and
 * evaluate does not grow with the number of prepared features.
 *
 * @param numeric     names of numeric columns to load (absent names are ignored); null = all
 * @param categorical names of categorical columns to load (absent names are ignored); null = all
 */
public record PanelColumns(Set<String> numeric, Set<String> categorical) {
    /** Every column. */
    public static final PanelColumns ALL = new PanelColumns(null, null);

    public PanelColumns {
        numeric = numeric == null ? null : Set.copyOf(numeric);
        categorical = categorical == null ? null : Set.copyOf(categorical);
    }

    /** The target (and periods, ids, statics) only. */
    public static PanelColumns targetOnly() {
        return new PanelColumns(Set.of(), Set.of());
    }

    /** The target plus the named numeric columns (no categorical ones). */
    public static PanelColumns targetAnd(Set<String> numeric) {
        return new PanelColumns(numeric, Set.of());
    }

    public boolean all() {
        return numeric == null && categorical == null;
    }

    public boolean numeric(String name) {
        return numeric == null || numeric.contains(name);
    }

    public boolean categorical(String name) {
        return categorical == null || categorical.contains(name);
    }
}
