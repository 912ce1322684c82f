package io.demandcast.core.model.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelFamily;
import io.demandcast.core.model.ModelRegistry;
import io.demandcast.core.model.ml.regressor.Regressor;
import io.demandcast.core.model.ml.regressor.RegressorSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MlFamiliesTest {

    /** The test learners under the shipped learner names. */
    private static final Learners NAMED = new Learners() {
        private final TestLearners inner = new TestLearners();

        @Override
        public Set<String> names() {
            return Set.of("ridge", "gbm", "random_forest", "lasso", "elastic_net");
        }

        @Override
        public Set<String> keys(String learner) {
            return inner.keys("ols");
        }

        @Override
        public RegressorSpec parse(String learner, JsonNode params) {
            return inner.parse("ols", params);
        }

        @Override
        public Regressor read(Path directory) throws IOException {
            return inner.read(directory);
        }
    };

    @Test
    void oneFamilyPerProvidedLearnerInRegistryOrderLinearOnesOneHot() {
        List<ModelFamily> families = MlFamilies.families(NAMED);
        assertEquals(List.of("gbm", "random_forest", "ridge", "lasso", "elastic_net"), families.stream().map(ModelFamily::name).toList());
        Panel panel = TestPanels.daily(3, 40, MlForecastTest::seasonal, Map.of(), Map.of("store", new String[] {"a", "b", "a"}));
        ModelContext context = new ModelContext(Frequency.DAILY, 7);
        FittedMlModel ridge = (FittedMlModel) families.get(2).create(MlForecastTest.yaml("{lags: [1]}"), context).fit(panel);
        FittedMlModel gbm = (FittedMlModel) families.get(0).create(MlForecastTest.yaml("{lags: [1]}"), context).fit(panel);
        assertTrue(ridge.regressors().get(0).get(0).featureNames().containsAll(List.of("store=a", "store=b")));
        assertTrue(gbm.regressors().get(0).get(0).featureNames().contains("store"));
        assertEquals("ridge", ridge.family());
    }

    @Test
    void withoutBoundLearnersTheRegistryHasNoMlFamily() {
        assertTrue(MlFamilies.families(Learners.NONE).isEmpty());
        Set<String> names = Set.copyOf(ModelRegistry.standard().families().stream().map(ModelFamily::name).toList());
        for (String learner : MlFamilies.LEARNERS) {
            assertEquals(Learners.standard().names().contains(learner), names.contains(learner), learner);
        }
        assertThrows(IllegalArgumentException.class, () -> Learners.NONE.parse("gbm", null));
    }
}
