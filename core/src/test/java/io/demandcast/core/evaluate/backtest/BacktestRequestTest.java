package io.demandcast.core.evaluate.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.Progress;
import io.demandcast.core.config.BacktestConfig;
import io.demandcast.core.data.Categorical;
import io.demandcast.core.data.Panel;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.Forecaster;
import io.demandcast.core.model.UpdateMode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the engine hands a family to forecast with: for every window, the known covariates of exactly
 * the {@code horizon} periods after each series' cutoff, with NaN targets and no past-only column.
 */
class BacktestRequestTest {
    static final int H = BacktestLeakageTest.H;

    /** The noise panel with a known price, a past-only traffic and a past-only categorical; each holds its row's period. */
    static Panel withCovariates() {
        Panel p = BacktestLeakageTest.noise();
        double[] period = new double[p.rowCount()];
        int[] codes = new int[p.rowCount()];
        for (int r = 0; r < period.length; r++) {
            period[r] = p.period(r);
            codes[r] = p.period(r) % 2;
        }
        return p.withNumeric("price", period).withNumeric("traffic", period.clone())
                .withCategorical("weather", new Categorical(codes, List.of("dry", "wet")));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, BacktestConfig.NEVER})
    void eachRequestHoldsTheHorizonAfterEachCutoffWithoutPastOnlyColumns(int refitEvery) {
        Panel panel = withCovariates();
        BacktestPlan plan = BacktestPlan.of(panel, panel, BacktestLeakageTest.config(1), H);
        Recorder recorder = new Recorder(BacktestLeakageTest.forecaster("naive"));
        BacktestModel model = new BacktestModel("recorder", BacktestModel.Role.CANDIDATE, recorder, null);
        BacktestEngine.run(model, panel, plan, refitEvery, new double[] {0.5}, UnaryOperator.identity(), Progress.NONE,
                List.of("traffic", "weather"));

        assertEquals(plan.windows(), recorder.calls.size(), "one request per window");
        for (Call call : recorder.calls) {
            Panel future = call.request().futureCovariates();
            assertNotNull(future);
            assertEquals(List.of("price"), future.numericNames(), "past-only numeric columns are dropped");
            assertEquals(List.of(), future.categoricalNames(), "past-only categorical columns are dropped");
            assertEquals(call.forecast().seriesIds(), future.seriesIds(), "one entry per series forecast, in order");
            for (int i = 0; i < future.seriesCount(); i++) {
                int first = call.forecast().firstPeriod(i);
                assertEquals(H, future.length(i));
                assertEquals(first, future.firstPeriod(i), "starts the period after the cutoff");
                for (int r = future.rowStart(i); r < future.rowEnd(i); r++) {
                    assertTrue(Double.isNaN(future.target(r)), "no target over the forecast periods");
                    assertEquals(future.period(r), future.numeric("price", r), "the known covariate of that very period");
                }
            }
        }
        List<Integer> starts = recorder.calls.stream().map(c -> c.forecast().firstPeriod(0)).sorted().toList();
        int s0 = plan.indexOf(panel.seriesId(0));
        for (int w = 0; w < plan.windows(); w++) {
            assertTrue(starts.contains(plan.cutoff(w, s0) + 1), "window " + w + " was requested after its cutoff");
        }
    }

    record Call(ForecastRequest request, Forecast forecast) {
    }

    /** Records every request and the forecast it got; fits and updates go to the inner forecaster. */
    static final class Recorder implements Forecaster {
        final Forecaster inner;
        final Queue<Call> calls = new ConcurrentLinkedQueue<>();

        Recorder(Forecaster inner) {
            this.inner = inner;
        }

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
            assertFalse(Arrays.stream(history.targetColumn()).allMatch(Double::isNaN), "fit gets history with its target");
            return new Fit(inner.fit(history));
        }

        final class Fit implements FittedModel {
            final FittedModel fitted;

            Fit(FittedModel fitted) {
                this.fitted = fitted;
            }

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
                Forecast f = fitted.forecast(request);
                calls.add(new Call(request, f));
                return f;
            }

            @Override
            public FittedModel update(Panel history) {
                return new Fit(fitted.update(history));
            }

            @Override
            public UpdateMode updateMode() {
                return fitted.updateMode();
            }

            @Override
            public void save(Path directory) {
                throw new UnsupportedOperationException();
            }
        }
    }
}
