package io.demandcast.core.model.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.ModelContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quantiles: loss} with Smile's gradient boosting and XGBoost on heteroscedastic demand: the
 * noise is 5 times larger on promotion days, a known covariate. Quantile regressors see the
 * promotion and widen; in-sample residual quantiles are one width for every day.
 */
class MlLossQuantilesLearnersTest {
    private static final int SERIES = 40;
    private static final int HISTORY = 240;
    private static final int H = 28;
    private static final ModelContext CONTEXT = new ModelContext(Frequency.DAILY, 7, H, List.of());
    /** One model that never recurses: residual quantiles are then one width at every step (recursive ones widen by √step). */
    private static final String FEATURES = "scale: none, lags: [1, 7], rolling: [], calendar: false, strategy: hybrid, blocks: 1";

    /** Sales of 30 ± 2 (sd), or ± 10 on promotion days (one day in three, at random). */
    private record Data(Panel history, Panel future, double[][] actual, boolean[][] promoted) {
        static Data generate(long seed) {
            Random random = new Random(seed);
            int n = HISTORY + H;
            double[][] y = new double[SERIES][n];
            double[][] promo = new double[SERIES][n];
            for (int s = 0; s < SERIES; s++) {
                for (int t = 0; t < n; t++) {
                    promo[s][t] = random.nextInt(3) == 0 ? 1 : 0;
                    y[s][t] = 30 + (promo[s][t] == 1 ? 10 : 2) * random.nextGaussian();
                }
            }
            Map<String, TestPanels.Cell> cov = Map.of("promo", (s, t) -> promo[s][t]);
            double[][] actual = new double[SERIES][H];
            boolean[][] promoted = new boolean[SERIES][H];
            for (int s = 0; s < SERIES; s++) {
                for (int k = 0; k < H; k++) {
                    actual[s][k] = y[s][HISTORY + k];
                    promoted[s][k] = promo[s][HISTORY + k] == 1;
                }
            }
            return new Data(TestPanels.daily(SERIES, HISTORY, (s, t) -> y[s][t], cov, Map.of()),
                    TestPanels.future(SERIES, HISTORY - 1, H, null, cov, Map.of(), Map.of()), actual, promoted);
        }
    }

    /** Coverage and mean width of the 0.1–0.9 interval, on promotion days ({@code [0]}) and on the others ({@code [1]}). */
    private static double[][] interval(Forecast f, Data d) {
        double[][] out = new double[2][2];
        int[] count = new int[2];
        for (int s = 0; s < SERIES; s++) {
            for (int k = 0; k < H; k++) {
                int g = d.promoted()[s][k] ? 0 : 1;
                double lo = f.quantile(0, s, k);
                double hi = f.quantile(2, s, k);
                assertTrue(lo <= f.quantile(1, s, k) && f.quantile(1, s, k) <= hi, "non-crossing");
                out[g][0] += lo <= d.actual()[s][k] && d.actual()[s][k] <= hi ? 1 : 0;
                out[g][1] += hi - lo;
                count[g]++;
            }
        }
        for (int g = 0; g < 2; g++) {
            out[g][0] /= count[g];
            out[g][1] /= count[g];
        }
        return out;
    }

    private static void lossQuantilesCoverNominallyWhereResidualOnesCannot(String learner, String params, Path dir) throws Exception {
        Data d = Data.generate(11);
        ForecastRequest request = new ForecastRequest(H, new double[] {0.1, 0.5, 0.9}, d.future());
        Learners learners = Learners.standard();
        MlFamily family = new MlFamily(learner, false, learners);
        FittedModel loss = family.create(MlForecastTest.yaml("{" + FEATURES + ", " + params + ", quantiles: loss}"), CONTEXT).fit(d.history());
        FittedModel residual = family.create(MlForecastTest.yaml("{" + FEATURES + ", " + params + "}"), CONTEXT).fit(d.history());
        Forecast lf = loss.forecast(request);
        double[][] l = interval(lf, d);
        double[][] r = interval(residual.forecast(request), d);
        String report = learner + ": loss coverage promo/other " + l[0][0] + "/" + l[1][0] + " width " + l[0][1] + "/" + l[1][1]
                + "; residual coverage " + r[0][0] + "/" + r[1][0] + " width " + r[0][1] + "/" + r[1][1];
        // nominal 0.8; about 370 promotion and 750 other points: a few points of sampling error
        assertEquals(0.8, l[0][0], 0.07, report);
        assertEquals(0.8, l[1][0], 0.07, report);
        assertTrue(l[0][1] > 3 * l[1][1], "loss quantiles widen with the noise: " + report);
        // residual quantiles are one width for all days: too narrow on promotions, too wide otherwise
        assertEquals(r[0][1], r[1][1], 1e-9 * r[1][1], report);
        assertTrue(r[0][0] < 0.65 && r[1][0] > 0.95, report);

        Path saved = Files.createDirectories(dir.resolve(learner));
        ((FittedMlModel) loss).save(saved);
        MlLossQuantilesTest.assertForecastsEqual(lf, family.load(saved).forecast(request));
    }

    @Test
    void xgboostQuantileLossCoversNominallyOnNoisyAndQuietDays(@TempDir Path dir) throws Exception {
        lossQuantilesCoverNominallyWhereResidualOnesCannot("xgboost", "trees: 100, max_depth: 3, shrinkage: 0.1, threads: 2", dir);
    }

    @Test
    void gbmQuantileLossCoversNominallyOnNoisyAndQuietDays(@TempDir Path dir) throws Exception {
        lossQuantilesCoverNominallyWhereResidualOnesCannot("gbm", "trees: 30, max_depth: 2, shrinkage: 0.3", dir);
    }
}
