package io.demandcast.core.model.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.demandcast.core.data.Frequency;
import io.demandcast.core.model.ModelContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MlMonotoneConfigTest {
    private static final ModelContext CONTEXT = new ModelContext(Frequency.WEEKLY, 52, 4, List.of());

    @Test
    void xgboostTakesTheMonotoneConstraint() {
        MlForecaster f = (MlForecaster) new MlFamily("xgboost", false, Learners.standard())
                .create(MlForecastTest.yaml("{monotone: {price: decreasing}}"), CONTEXT);
        assertEquals(Map.of("price", "decreasing"), f.parameters().get("monotone"));
    }

    @Test
    void smileLearnersRefuseItWithAClearMessage() {
        for (String learner : List.of("gbm", "random_forest", "ridge")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MlFamily(learner, false,
                    Learners.standard()).create(MlForecastTest.yaml("{monotone: {price: decreasing}}"), CONTEXT));
            assertEquals("model.params.monotone: " + learner + " has no monotone constraint (Smile's learners support none);"
                    + " use family xgboost, whose gradient boosting does (e.g. monotone: {price: decreasing})", e.getMessage());
        }
    }
}
