package io.demandcast.core.model.stat.combine;

import com.fasterxml.jackson.databind.JsonNode;
import io.demandcast.core.model.Forecaster;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelFamily;
import io.demandcast.core.model.stat.LocalForecaster;
import io.demandcast.core.model.stat.SeriesMethod;
import java.util.function.Function;

/**
 * Builds the members of the families that hold other models (combination, auto selection) from
 * the registered families, and finds a family to load a saved member with.
 */
public interface MemberResolver {

    /**
     * The family of that name.
     *
     * @throws IllegalArgumentException when the family is unknown
     */
    ModelFamily family(String family);

    /**
     * The forecaster of any registered family, local or global.
     *
     * @param family  family name as written in configs
     * @param params  the member's params (an empty object for the family's defaults)
     * @param context the data context (frequency, season length, horizon, past-only columns)
     * @throws IllegalArgumentException when the family is unknown or a parameter is invalid
     */
    default Forecaster forecaster(String family, JsonNode params, ModelContext context) {
        return family(family).create(params, context);
    }

    /**
     * The local (per-series) method of a registered family.
     *
     * @throws IllegalArgumentException when the family is unknown or not a local (per-series) method,
     *                                  or a parameter is invalid
     */
    default SeriesMethod resolve(String family, JsonNode params, ModelContext context) {
        Forecaster f = forecaster(family, params, context);
        if (!(f instanceof LocalForecaster local)) {
            throw new IllegalArgumentException("member '" + family
                    + "' is not a local (per-series) statistical family and cannot be a member here");
        }
        return local.method();
    }

    /**
     * Resolves members through a family lookup (e.g. {@code ModelRegistry::family}).
     */
    static MemberResolver fromFamilies(Function<String, ModelFamily> lookup) {
        return lookup::apply;
    }
}
