package io.demandcast.core.tune;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One point of a search space: a model family with concrete parameters.
 *
 * @param id     leaderboard name, {@code c001}, {@code c002}, ... in generation order ({@code e1}, {@code e2} for ensembles)
 * @param family model family
 * @param params the family's parameters
 * @param entry  index of the {@code tune.space} entry it came from; -1 for an ensemble
 */
public record Candidate(String id, String family, ObjectNode params, int entry) {
    public Candidate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(family, "family");
        params = params.deepCopy();
    }

    /** {@code params} as compact JSON, e.g. {@code {"alpha":0.1}}. */
    public String paramsJson() {
        return params.toString();
    }
}
