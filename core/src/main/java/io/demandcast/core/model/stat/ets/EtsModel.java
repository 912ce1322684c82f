package io.demandcast.core.model.stat.ets;

import java.util.Locale;

/**
 * The form of an ETS state-space model (Hyndman et al. 2008): error, trend (with or without
 * damping) and season, written as R's {@code ets()} writes it, e.g. {@code ANN} (simple exponential
 * smoothing), {@code AAdN} (damped Holt), {@code MAM} (multiplicative Holt-Winters).
 * All 30 combinations can be written; {@link EtsMethod} applies R's restrictions when it selects.
 *
 * @param error  {@link Component#A} or {@link Component#M}
 * @param trend  {@link Component#N}, {@link Component#A} or {@link Component#M}
 * @param damped whether the trend is damped (only with a trend)
 * @param season {@link Component#N}, {@link Component#A} or {@link Component#M}
 */
public record EtsModel(Component error, Component trend, boolean damped, Component season) {

    /** A component's kind: none, additive, multiplicative. */
    public enum Component { N, A, M }

    public EtsModel {
        if (error == Component.N) {
            throw new IllegalArgumentException("the error of an ETS model is A or M (got N)");
        }
        if (damped && trend == Component.N) {
            throw new IllegalArgumentException("a damped model needs a trend (got " + error + "Nd" + season + ")");
        }
    }

    /**
     * Reads a model code: three letters error/trend/season with an optional {@code d} after the
     * trend, e.g. {@code ANN}, {@code AAdN}, {@code MAM}.
     *
     * @throws IllegalArgumentException naming the code when it is malformed
     */
    public static EtsModel parse(String code) {
        String c = code.trim().toUpperCase(Locale.ROOT);
        boolean damped = c.length() == 4 && c.charAt(2) == 'D';
        if (c.length() != (damped ? 4 : 3)) {
            throw new IllegalArgumentException("ETS model code must look like ANN, AAdN or MAM (got '" + code + "')");
        }
        return new EtsModel(component(c.charAt(0), code), component(c.charAt(1), code), damped,
                component(c.charAt(damped ? 3 : 2), code));
    }

    private static Component component(char ch, String code) {
        return switch (ch) {
            case 'N' -> Component.N;
            case 'A' -> Component.A;
            case 'M' -> Component.M;
            default -> throw new IllegalArgumentException("ETS model code letters are N, A or M (got '" + code + "')");
        };
    }

    public boolean hasTrend() {
        return trend != Component.N;
    }

    public boolean hasSeason() {
        return season != Component.N;
    }

    /** Whether the model needs strictly positive data (a multiplicative component). */
    public boolean multiplicative() {
        return error == Component.M || trend == Component.M || season == Component.M;
    }

    /** The code, e.g. {@code MAdM}. */
    public String code() {
        return "" + error + trend + (damped ? "d" : "") + season;
    }

    /** R's label, e.g. {@code ETS(M,Ad,M)}. */
    public String label() {
        return "ETS(" + error + "," + trend + (damped ? "d" : "") + "," + season + ")";
    }

    /** The same model without its season. */
    EtsModel withoutSeason() {
        return new EtsModel(error, trend, damped, Component.N);
    }

    /** The same model without its trend. */
    EtsModel withoutTrend() {
        return new EtsModel(error, Component.N, false, season);
    }

    /** The additive counterpart (every multiplicative component made additive). */
    EtsModel additive() {
        return new EtsModel(Component.A, trend == Component.M ? Component.A : trend, damped,
                season == Component.M ? Component.A : season);
    }

    @Override
    public String toString() {
        return code();
    }
}
