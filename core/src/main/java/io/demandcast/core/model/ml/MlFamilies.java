package io.demandcast.core.model.ml;

import io.demandcast.core.model.ModelFamily;
import java.util.List;
import java.util.Set;

/** The global ML families, one per learner, for the registry. */
public final class MlFamilies {
    /** The learners, in registry order. */
    public static final List<String> LEARNERS = List.of("gbm", "xgboost", "random_forest", "ridge", "lasso", "elastic_net");
    /** Learners fitted as linear models: categorical and static values one-hot instead of integer codes. */
    public static final Set<String> LINEAR = Set.of("ridge", "lasso", "elastic_net");

    private MlFamilies() {
    }

    /** A family for each learner of {@link #LEARNERS} that {@code learners} provides, plus any other it provides. */
    public static List<ModelFamily> families(Learners learners) {
        Set<String> provided = learners.names();
        java.util.ArrayList<ModelFamily> out = new java.util.ArrayList<>();
        LEARNERS.stream().filter(provided::contains).forEach(l -> out.add(new MlFamily(l, LINEAR.contains(l), learners)));
        provided.stream().filter(l -> !LEARNERS.contains(l)).sorted()
                .forEach(l -> out.add(new MlFamily(l, LINEAR.contains(l), learners)));
        return List.copyOf(out);
    }
}
