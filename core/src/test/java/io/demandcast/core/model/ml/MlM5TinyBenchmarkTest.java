package io.demandcast.core.model.ml;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.demandcast.core.SharedData;
import io.demandcast.core.config.SchemaConfig;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelCsvReader;
import io.demandcast.core.evaluate.AggregateMetrics;
import io.demandcast.core.evaluate.ScoreOptions;
import io.demandcast.core.evaluate.Scorer;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelRegistry;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Measures target transforms and strategies of the global model on the 280 m5-tiny item-store
 * series (fit on train + test_validation with sell_price, snap and events; forecast the 28 days of
 * test_evaluation), with the least-squares test learner: mean RMSSE, MASE and wall time.
 * Runs only with {@code -Ddemandcast.bench=true} and the shared data.
 */
class MlM5TinyBenchmarkTest {

    @Test
    void transformsAndStrategiesOnM5Tiny() throws Exception {
        assumeTrue(Boolean.getBoolean("demandcast.bench"), "benchmark: run with -Ddemandcast.bench=true");
        Path folder = SharedData.folder("m5-tiny");
        SchemaConfig schema = new SchemaConfig(null, null, null, List.of("sell_price", "snap"),
                List.of("event_name_1", "event_type_1"), null);
        PanelCsvReader reader = new PanelCsvReader(schema, Frequency.DAILY);
        Panel raw = reader.read(List.of(folder.resolve("train.csv"), folder.resolve("test_validation.csv")));
        Panel actuals = reader.read(List.of(folder.resolve("test_evaluation.csv")));
        // prices are missing before an item is sold and in the validation file: carry them forward, then
        // the first known price back, as prepare's covariate gap filling would
        Panel history = raw.withNumeric("sell_price", filled(raw, "sell_price"));
        double[] nan = new double[actuals.rowCount()];
        Arrays.fill(nan, Double.NaN);
        // the evaluation file has no prices: carry each series' last price forward, as prepare's gap filling would
        double[] price = new double[actuals.rowCount()];
        for (int s = 0; s < actuals.seriesCount(); s++) {
            int hs = history.indexOf(actuals.seriesId(s));
            Arrays.fill(price, actuals.rowStart(s), actuals.rowEnd(s), history.numeric("sell_price", history.rowEnd(hs) - 1));
        }
        Panel future = actuals.withTarget(nan).withNumeric("sell_price", price);
        ModelContext context = new ModelContext(Frequency.DAILY, 7, 28, List.of());
        System.out.printf(Locale.ROOT, "# m5-tiny: %d series, h = 28; least-squares test learner%n", history.seriesCount());
        System.out.printf(Locale.ROOT, "%-60s %8s %8s %8s%n", "model", "RMSSE", "MASE", "seconds");
        for (String family : List.of("seasonal_naive", "sba")) {
            long t0 = System.nanoTime();
            Forecast f = ModelRegistry.standard().family(family).create(MlForecastTest.yaml(""), context).fit(history)
                    .forecast(new ForecastRequest(28, 0.1, 0.9));
            report(family, f, actuals, history, t0);
        }
        for (String params : System.getProperty("demandcast.bench.params") != null
                ? List.of(System.getProperty("demandcast.bench.params").split(";")) : List.of("{l2: 0.001}", "{l2: 0.001, transform: log1p}", "{l2: 0.001, scale: none}",
                "{l2: 0.001, scale: last_window, scale_window: 28}", "{l2: 0.001, scale: last_window, scale_window: 28, transform: log1p}",
                "{l2: 0.001, strategy: hybrid}", "{l2: 0.001, strategy: hybrid, transform: log1p}", "{l2: 0.001, strategy: direct}")) {
            long t0 = System.nanoTime();
            String learner = params.contains("l2") ? "ols" : "last_value";
            Forecast f = MlForecastTest.forecaster(learner, params, context, new TestLearners()).fit(history)
                    .forecast(new ForecastRequest(28, new double[] {0.1, 0.9}, future));
            report(learner + " " + params, f, actuals, history, t0);
        }
    }

    private static void report(String name, Forecast f, Panel actuals, Panel history, long t0) {
        double seconds = (System.nanoTime() - t0) / 1e9;
        AggregateMetrics m = new Scorer(ScoreOptions.of(7)).score(clipNegative(f), actuals, history).aggregate();
        System.out.printf(Locale.ROOT, "%-60s %8.4f %8.4f %8.2f%n", name, m.rmsse(), m.mase(), seconds);
    }

    /** Sales are never negative: clip as {@code predict.clip_negative: auto} does. */
    private static Forecast clipNegative(Forecast f) {
        int h = f.horizon();
        double[] point = new double[f.seriesCount() * h];
        double[] levels = f.levels();
        double[][] q = new double[levels.length][point.length];
        int[] first = new int[f.seriesCount()];
        for (int s = 0; s < f.seriesCount(); s++) {
            first[s] = f.firstPeriod(s);
            for (int k = 0; k < h; k++) {
                point[s * h + k] = Math.max(0, f.point(s, k));
                for (int l = 0; l < levels.length; l++) {
                    q[l][s * h + k] = Math.max(0, f.quantile(l, s, k));
                }
            }
        }
        return new Forecast(f.model(), f.axis(), f.seriesIds().toArray(String[]::new), first, h, point, levels, q);
    }

    private static double[] filled(Panel panel, String column) {
        double[] col = panel.numericColumn(column);
        for (int s = 0; s < panel.seriesCount(); s++) {
            double last = Double.NaN;
            for (int r = panel.rowStart(s); r < panel.rowEnd(s); r++) {
                if (Double.isNaN(col[r])) {
                    col[r] = last;
                } else {
                    last = col[r];
                }
            }
            double next = Double.NaN;
            for (int r = panel.rowEnd(s) - 1; r >= panel.rowStart(s); r--) {
                if (Double.isNaN(col[r])) {
                    col[r] = next;
                } else {
                    next = col[r];
                }
            }
        }
        return col;
    }
}
