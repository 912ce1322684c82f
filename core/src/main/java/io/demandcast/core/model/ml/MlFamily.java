package io.demandcast.core.model.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecaster;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelFamily;
import io.demandcast.core.model.ml.regressor.RegressorSpec;
import io.demandcast.core.model.stat.Params;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * A global ML family: the learner of the same name with the feature, transform and strategy
 * parameters of {@link MlSpec}, all in one {@code model.params} map.
 */
public final class MlFamily implements ModelFamily {
    private final String name;
    private final boolean linear;
    private final Learners learners;

    public MlFamily(String name, boolean linear, Learners learners) {
        this.name = name;
        this.linear = linear;
        this.learners = learners;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "global " + name + " regressor over all series on lags, rolling statistics, calendar, price, promotion, event"
                + " and static features; strategy recursive|direct|hybrid, scale none|mean|last_window, transform none|log1p, group_by";
    }

    /**
     * @throws IllegalArgumentException naming the key when one is unknown (listing the allowed ones) or invalid
     */
    @Override
    public Forecaster create(JsonNode params, ModelContext context) {
        Set<String> learnerKeys = learners.keys(name);
        if (params != null && params.has("monotone") && !learnerKeys.contains("monotone")) {
            throw new IllegalArgumentException("model.params.monotone: " + name + " has no monotone constraint (Smile's learners"
                    + " support none); use family xgboost, whose gradient boosting does (e.g. monotone: {price: decreasing})");
        }
        Set<String> allowed = new HashSet<>(MlSpec.KEYS);
        allowed.addAll(learnerKeys);
        Params p = Params.of(name, params, allowed);
        ObjectNode learnerParams = JsonNodeFactory.instance.objectNode();
        if (params != null && params.isObject()) {
            for (Iterator<String> it = params.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!MlSpec.KEYS.contains(key)) {
                    learnerParams.set(key, params.get(key));
                }
            }
        }
        RegressorSpec regressor = learners.parse(name, learnerParams);
        return new MlForecaster(name, MlSpec.parse(p, context), regressor, linear);
    }

    @Override
    public FittedModel load(Path directory) throws IOException {
        return FittedMlModel.load(directory, name, learners);
    }
}
