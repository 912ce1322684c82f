package io.demandcast.core.evaluate;

/**
 * Where the in-sample series used for a scaled metric's denominator begins.
 */
public enum ScaleStart {
    /** The whole training series (M3/M4 MASE). */
    FIRST_VALUE,
    /**
     * From the first non-zero value on (M5 RMSSE): leading zeros are periods before the product was
     * on sale, and counting them would shrink the scale of recently launched items.
     */
    FIRST_NON_ZERO
}
