package io.demandcast.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One family's sub-space of a {@code tune.space}: the family and, per parameter, the values it
 * may take. Spaces are conditional by construction: a parameter belongs to its family's entry.
 *
 * @param family model family, e.g. {@code tsb}
 * @param params per parameter its domain, in the order written (an empty map for the family's defaults)
 */
public record TuneSpaceEntry(String family, Map<String, ParamDomain> params) {

    public TuneSpaceEntry {
        if (family == null || family.isBlank()) {
            throw new IllegalArgumentException("a space entry needs a family, e.g. {family: ses} or {family: tsb, params: {alpha_d: [0.1, 0.2]}}");
        }
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Number of points of this entry's grid ({@code Long.MAX_VALUE} when it overflows). */
    public long gridSize(Integer defaultPoints) {
        long n = 1;
        for (ParamDomain d : params.values()) {
            n = Math.multiplyExact(n, d.gridValues(defaultPoints).size());
        }
        return n;
    }
}
