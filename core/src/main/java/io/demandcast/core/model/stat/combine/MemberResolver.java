package io.demandcast.core.model.stat.combine;

import com.fasterxml.jackson.databind.JsonNode;
import io.demandcast.core.model.Forecaster;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelFamily;
import io.demandcast.core.model.stat.LocalForecaster;
import io.demandcast.core.model.stat.SeriesMethod;
import java.util.function.Function;

/**
 * Builds a combination member: the local method of a registered family from its
 * {@code model.params} and the data context.
 */
@FunctionalInterface
public interface MemberResolver {

    /**
     * @param family  family name as written in configs
     * @param params  the member's params (an empty object for the family's defaults)
     * @param context frequency and season length of the data
     * @throws IllegalArgumentException when the family is unknown or not a local (per-series) method,
     *                                  or a parameter is invalid
     */
    SeriesMethod resolve(String family, JsonNode params, ModelContext context);

    /**
     * Resolves members through a family lookup (e.g. {@code ModelRegistry::family}); only families
     * whose forecaster is a {@link LocalForecaster} qualify.
     */
    static MemberResolver fromFamilies(Function<String, ModelFamily> lookup) {
        return (family, params, context) -> {
            Forecaster f = lookup.apply(family).create(params, context);
            if (!(f instanceof LocalForecaster local)) {
                throw new IllegalArgumentException("combination member '" + family
                        + "' is not a local (per-series) statistical family and cannot be combined");
            }
            return local.method();
        };
    }
}
