package io.demandcast.core.prepare;

import java.util.Locale;

/**
 * Syntetos–Boylan demand classes (Syntetos, Boylan &amp; Croston 2005), cut-offs ADI 1.32 and
 * CV² 0.49, plus {@link #NO_DEMAND} for a series without a single non-zero value, which has
 * neither an interval nor a size to classify.
 */
public enum DemandClass {
    SMOOTH, ERRATIC, INTERMITTENT, LUMPY, NO_DEMAND;

    public static final double ADI_CUTOFF = 1.32;
    public static final double CV2_CUTOFF = 0.49;

    /** Class of a series with at least one non-zero demand. */
    public static DemandClass of(double adi, double cv2) {
        boolean frequent = adi < ADI_CUTOFF;
        boolean steady = cv2 < CV2_CUTOFF;
        if (frequent) {
            return steady ? SMOOTH : ERRATIC;
        }
        return steady ? INTERMITTENT : LUMPY;
    }

    /** Lower-case name as written in reports: {@code smooth}, {@code no_demand}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
