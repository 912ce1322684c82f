package io.demandcast.core.evaluate.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.demandcast.core.Progress;
import io.demandcast.core.data.Panel;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.Forecaster;
import io.demandcast.core.model.UpdateMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The engine keeps each refit window's fit summary, in window order, and nothing for updated windows. */
class BacktestFitSummaryTest {

    @Test
    void eachRefitWindowKeepsItsFitsSummary() {
        Panel panel = BacktestLeakageTest.noise();
        BacktestPlan plan = BacktestPlan.of(panel, panel, BacktestLeakageTest.config(1), BacktestLeakageTest.H);
        BacktestModel model = new BacktestModel("reporting", BacktestModel.Role.CANDIDATE,
                new Reporting(BacktestLeakageTest.forecaster("naive")), null);
        ModelRun run = BacktestEngine.run(model, panel, plan, 2, new double[] {0.5}, UnaryOperator.identity(), Progress.NONE, List.of());
        assertEquals(plan.windows(), run.fits().size());
        for (int w = 0; w < plan.windows(); w++) {
            if (run.refitted().get(w)) {
                int rows = plan.training(panel, w, w).rowCount();
                assertEquals(Map.of("rows", rows), run.fits().get(w), "window " + w + ": the summary of its own fit");
            } else {
                assertEquals(Map.of(), run.fits().get(w), "window " + w + " was updated, not fitted");
            }
        }
    }

    /** A forecaster whose fitted models report the number of rows they were fitted on. */
    record Reporting(Forecaster inner) implements Forecaster {
        @Override
        public String family() {
            return inner.family();
        }

        @Override
        public Map<String, Object> parameters() {
            return inner.parameters();
        }

        @Override
        public FittedModel fit(Panel history) {
            return new Fit(inner.fit(history), history.rowCount());
        }

        record Fit(FittedModel fitted, int rows) implements FittedModel {
            @Override
            public String family() {
                return fitted.family();
            }

            @Override
            public List<String> seriesIds() {
                return fitted.seriesIds();
            }

            @Override
            public Forecast forecast(ForecastRequest request) {
                return fitted.forecast(request);
            }

            @Override
            public FittedModel update(Panel history) {
                return fitted.update(history);
            }

            @Override
            public UpdateMode updateMode() {
                return fitted.updateMode();
            }

            @Override
            public Map<String, Object> fitSummary() {
                return Map.of("rows", rows);
            }

            @Override
            public void save(Path directory) {
                throw new UnsupportedOperationException();
            }
        }
    }
}
