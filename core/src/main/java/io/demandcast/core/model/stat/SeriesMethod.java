package io.demandcast.core.model.stat;

import com.fasterxml.jackson.databind.JsonNode;
import io.demandcast.core.model.UpdateMode;
import java.util.Map;

/**
 * A univariate forecasting method with fixed hyper-parameters (a local model): it fits one series
 * at a time. {@link LocalForecaster} runs it over every series of a panel, in parallel.
 */
public interface SeriesMethod {

    /** Family name as written in configs. */
    String family();

    /** Hyper-parameters, recorded in manifests. */
    Map<String, Object> parameters();

    /**
     * Fits one series.
     *
     * @param y the series, regular, finite (gaps already filled), possibly empty or very short;
     *          methods must still return a usable fit (falling back to simpler forecasts)
     */
    SeriesFit fit(double[] y);

    /**
     * Brings one series' fit up to a longer series without re-estimating its parameters, as
     * {@link #updateMode()} says: {@link UpdateMode#REFORECAST} methods return {@code fit(y)};
     * {@link UpdateMode#FILTER} methods keep the fitted parameters and filter their state through
     * {@code y}. Either way {@code update(fit(y), y)} forecasts exactly as {@code fit(y)}. The given
     * fit is unchanged.
     *
     * @param fitted a fit this method made or loaded
     * @param y      the series from the same first value {@code fitted} was fitted on, extended by
     *               newer values, cleaned as {@link #fit} gets it
     * @throws IllegalArgumentException when {@code fitted} was not made by this method, or was
     *                                  loaded from a state lacking what the update needs
     */
    SeriesFit update(SeriesFit fitted, double[] y);

    /** How {@link #update} treats this method. */
    UpdateMode updateMode();

    /**
     * The family {@code fit}, which this method made from {@code y}, really used when it is not this
     * method's own: a simpler one it fell back to (too short, constant, season longer than the data,
     * failed estimation) with the reason, or the member a selection chose (no reason); null when it
     * fitted as asked (the default, for methods that never fall back).
     *
     * @param y   the cleaned series the fit was made from
     * @param fit what {@link #fit} returned for {@code y}
     */
    default io.demandcast.core.model.FamilyUsed familyUsed(double[] y, SeriesFit fit) {
        return null;
    }

    /** Reads a fit back from what {@link SeriesFit#state()} wrote. */
    SeriesFit load(JsonNode state);
}
