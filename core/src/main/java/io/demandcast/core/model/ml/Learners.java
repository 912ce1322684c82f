package io.demandcast.core.model.ml;

import com.fasterxml.jackson.databind.JsonNode;
import io.demandcast.core.model.ml.regressor.Regressor;
import io.demandcast.core.model.ml.regressor.RegressorSpec;
import io.demandcast.core.model.ml.regressor.RegressorSpecs;
import io.demandcast.core.model.ml.regressor.Regressors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The regressors the global ML families can use, by learner name ({@code gbm}, {@code ridge}, ...):
 * how to build one from its hyper-parameters and how to read one back. The families depend on this
 * small interface rather than on the Smile code, so the feature and forecasting logic is tested with
 * simple learners and the Smile learners are plugged in at one place ({@link #standard()}).
 */
public interface Learners {

    /** The learner names this binding provides; the registry registers one family per name. */
    Set<String> names();

    /** The hyper-parameter keys {@code learner} accepts in {@code model.params}. */
    Set<String> keys(String learner);

    /**
     * @param params an object holding only keys of {@link #keys}
     * @throws IllegalArgumentException naming the key and value when one is invalid
     */
    RegressorSpec parse(String learner, JsonNode params);

    /** Reads a regressor written by {@link Regressor#write}. */
    Regressor read(Path directory) throws IOException;

    /** The learners shipped with demandcast: Smile's, converted to plain data ({@link RegressorSpecs}). */
    static Learners standard() {
        return SMILE;
    }

    /** Smile's gradient boosting, random forest, ridge, lasso and elastic net. */
    Learners SMILE = new Learners() {
        @Override
        public Set<String> names() {
            return new LinkedHashSet<>(RegressorSpecs.LEARNERS);
        }

        @Override
        public Set<String> keys(String learner) {
            return RegressorSpecs.keys(learner);
        }

        @Override
        public RegressorSpec parse(String learner, JsonNode params) {
            return RegressorSpecs.parse(learner, params);
        }

        @Override
        public Regressor read(Path directory) throws IOException {
            return Regressors.read(directory);
        }
    };

    /** A binding with no learner. */
    Learners NONE = new Learners() {
        @Override
        public Set<String> names() {
            return Set.of();
        }

        @Override
        public Set<String> keys(String learner) {
            throw new IllegalArgumentException("no regressor learner '" + learner + "' in this build");
        }

        @Override
        public RegressorSpec parse(String learner, JsonNode params) {
            throw new IllegalArgumentException("no regressor learner '" + learner + "' in this build");
        }

        @Override
        public Regressor read(Path directory) throws IOException {
            throw new IOException(directory + ": no regressor learner in this build can read it");
        }
    };
}
