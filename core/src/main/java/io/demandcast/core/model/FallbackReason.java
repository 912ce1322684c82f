package io.demandcast.core.model;

import java.util.Locale;

/**
 * Why a fit used a simpler family than the one asked for: the documented set of {@code reason}
 * codes of {@code fit_report.csv} (README, "Fit report").
 */
public enum FallbackReason {
    /** The series has no observed value at all. */
    NO_DATA,
    /** Too few observations for the family asked (e.g. fewer than four for ETS). */
    TOO_SHORT,
    /** Every observation has the same value: nothing to estimate. */
    CONSTANT,
    /** The season asked for is longer than the series allows (one season, or the two a seasonal fit needs). */
    SEASON_LONGER_THAN_DATA,
    /** The family cannot fit a season of this length at all (ETS: above 24 periods, as R). */
    UNSUPPORTED_SEASON,
    /** The estimation failed (optimiser did not converge, no admissible model, a numerical breakdown). */
    NON_CONVERGENCE;

    /** The code written in reports, e.g. {@code too_short}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the known codes when {@code code} is none of them */
    public static FallbackReason ofCode(String code) {
        for (FallbackReason r : values()) {
            if (r.code().equals(code)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown fallback reason '" + code + "' (known: no_data, too_short, constant, "
                + "season_longer_than_data, unsupported_season, non_convergence)");
    }
}
