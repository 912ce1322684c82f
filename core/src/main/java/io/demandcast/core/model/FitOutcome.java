package io.demandcast.core.model;

import java.util.List;
import java.util.Objects;

/**
 * How one series' fit went: the family asked, the family really used, and why they differ (null
 * when the asked family was used). One row of {@code fit_report.csv}.
 */
public record FitOutcome(String seriesId, String familyAsked, String familyUsed, FallbackReason reason) {
    public FitOutcome {
        Objects.requireNonNull(seriesId, "seriesId");
        Objects.requireNonNull(familyAsked, "familyAsked");
        Objects.requireNonNull(familyUsed, "familyUsed");
    }

    /** The asked family was used. */
    public static FitOutcome asAsked(String seriesId, String family) {
        return new FitOutcome(seriesId, family, family, null);
    }

    /** {@code used} null: as asked. */
    public static FitOutcome of(String seriesId, String family, FamilyUsed used) {
        return used == null ? asAsked(seriesId, family) : new FitOutcome(seriesId, family, used.family(), used.reason());
    }

    public boolean fellBack() {
        return reason != null;
    }

    /**
     * One series of a combination from its members' outcomes: as asked when no member fell back;
     * otherwise the members' used families joined by {@code +} (in member order) and the first
     * fallen member's reason, so a combination of auto_ets, auto_arima and theta whose ETS and ARIMA
     * members fell back on a constant series reads {@code naive+mean+theta, constant}.
     */
    public static FitOutcome ofMembers(String seriesId, String family, List<FitOutcome> members) {
        FallbackReason reason = null;
        StringBuilder used = new StringBuilder();
        for (FitOutcome m : members) {
            if (reason == null && m.fellBack()) {
                reason = m.reason();
            }
            used.append(used.length() == 0 ? "" : "+").append(m.familyUsed());
        }
        return reason == null ? asAsked(seriesId, family) : new FitOutcome(seriesId, family, used.toString(), reason);
    }
}
