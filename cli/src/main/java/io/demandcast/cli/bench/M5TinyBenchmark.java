package io.demandcast.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.config.SchemaConfig;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelCsvReader;
import io.demandcast.core.evaluate.AggregateMetrics;
import io.demandcast.core.evaluate.ScoreOptions;
import io.demandcast.core.evaluate.ScoreResult;
import io.demandcast.core.evaluate.Scorer;
import io.demandcast.core.evaluate.SeriesWeightsCsv;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Fits model families on the 280 m5-tiny item-store series (train + test_validation), forecasts
 * the 28 days of test_evaluation and prints mean RMSSE (M5 scale), level-12 WRMSSE with the
 * official weights of these series, MASE (m = 7) and wall time. Run by
 * {@code scripts/bench/m5_tiny.sh}; not part of the CLI.
 *
 * <p>Usage: {@code M5TinyBenchmark <m5-tiny folder> <family>[=<json params>]...}
 */
public final class M5TinyBenchmark {
    private M5TinyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        SchemaConfig schema = new SchemaConfig(null, null, null, null, null, null);
        PanelCsvReader reader = new PanelCsvReader(schema, Frequency.DAILY);
        Panel history = reader.read(List.of(folder.resolve("train.csv"), folder.resolve("test_validation.csv")));
        Panel actuals = reader.read(List.of(folder.resolve("test_evaluation.csv")));
        var weights = SeriesWeightsCsv.read(folder.resolve("weights_level12.csv"), "weight_evaluation");
        ModelRegistry registry = ModelRegistry.standard();
        ModelContext context = ModelContext.of(Frequency.DAILY);
        ObjectMapper json = new ObjectMapper();
        System.out.printf(Locale.ROOT, "# m5-tiny: %d series, h = 28, m = 7%n", history.seriesCount());
        System.out.printf(Locale.ROOT, "%-28s %8s %8s %8s %9s%n", "model", "RMSSE", "WRMSSE", "MASE", "seconds");
        for (int a = 1; a < args.length; a++) {
            String spec = args[a];
            int eq = spec.indexOf('=');
            String family = eq < 0 ? spec : spec.substring(0, eq);
            ObjectNode params = eq < 0 ? json.createObjectNode() : (ObjectNode) json.readTree(spec.substring(eq + 1));
            long t0 = System.nanoTime();
            Forecast forecast = registry.family(family).create(params, context).fit(history).forecast(new ForecastRequest(28, 0.1, 0.9));
            double seconds = (System.nanoTime() - t0) / 1e9;
            ScoreResult r = new Scorer(ScoreOptions.of(7).withWeights(weights)).score(forecast, actuals, history);
            AggregateMetrics m = r.aggregate();
            System.out.printf(Locale.ROOT, "%-28s %8.4f %8.4f %8.4f %9.2f%n", spec.length() > 28 ? family : spec, m.rmsse(), m.wrmsse(), m.mase(), seconds);
        }
    }
}
