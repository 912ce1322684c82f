package io.demandcast.core.model;

import java.util.Objects;

/**
 * The family a series' fit really used, when it is not simply the family asked: a simpler one it
 * fell back to, with the reason, or (reason null) the member a selection chose by design, as
 * {@code auto} chooses {@code auto_ets} for a smooth series.
 *
 * @param family a family name ({@code naive}, {@code mean}, {@code auto_ets}, ...) or a short
 *               description of the simpler form (e.g. {@code holt_winters(AAN)})
 * @param reason why it fell back; null when it did not fall back
 */
public record FamilyUsed(String family, FallbackReason reason) {
    public FamilyUsed {
        Objects.requireNonNull(family, "family");
    }

    /** A fallback to {@code family} for {@code reason}. */
    public static FamilyUsed fallback(String family, FallbackReason reason) {
        return new FamilyUsed(family, Objects.requireNonNull(reason, "reason"));
    }

    /** {@code family} chosen by design (a selection's member), not a fallback. */
    public static FamilyUsed chosen(String family) {
        return new FamilyUsed(family, null);
    }
}
