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
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.Forecaster;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelRegistry;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Fits model families on the M3 series of one frequency (monthly by default: 1428 series,
 * h = 18, m = 12), scores the official test horizon with sMAPE and MASE, and prints one line per
 * model with its wall time. Run by {@code scripts/bench/m3.sh}; not part of the CLI.
 *
 * <p>Usage: {@code M3Benchmark <m3-folder> <family>[=<json params>]...}
 */
public final class M3Benchmark {
    private M3Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: M3Benchmark <m3-competition folder> <family>[=<json params>] ...");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        String subset = System.getProperty("m3.subset", "monthly");
        Set<String> ids = seriesOf(folder.resolve("meta.csv"), subset);
        Frequency frequency = Frequency.parse(subset.equals("other") ? "daily" : subset);
        int season = Integer.getInteger("m3.season", frequency.defaultSeasonLength());
        SchemaConfig schema = new SchemaConfig(null, null, null, null, null, null);
        Panel train = new PanelCsvReader(schema, frequency, ids::contains).read(List.of(folder.resolve("train.csv")));
        Panel test = new PanelCsvReader(schema, frequency, ids::contains).read(List.of(folder.resolve("test.csv")));
        int horizon = test.length(0);
        ModelRegistry registry = ModelRegistry.standard();
        ModelContext context = new ModelContext(frequency, season);
        ObjectMapper json = new ObjectMapper();
        System.out.printf(Locale.ROOT, "# M3 %s: %d series, h = %d, m = %d, %d cores%n", subset, train.seriesCount(), horizon, season,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-24s %8s %8s %10s%n", "model", "sMAPE", "MASE", "seconds");
        for (int a = 1; a < args.length; a++) {
            String spec = args[a];
            int eq = spec.indexOf('=');
            String family = eq < 0 ? spec : spec.substring(0, eq);
            ObjectNode params = eq < 0 ? json.createObjectNode() : (ObjectNode) json.readTree(spec.substring(eq + 1));
            Forecaster forecaster = registry.family(family).create(params, context);
            long t0 = System.nanoTime();
            Forecast forecast = forecaster.fit(train).forecast(new ForecastRequest(horizon, 0.1, 0.9));
            double seconds = (System.nanoTime() - t0) / 1e9;
            ScoreResult result = new Scorer(ScoreOptions.of(season)).score(forecast, test, train);
            AggregateMetrics m = result.aggregate();
            System.out.printf(Locale.ROOT, "%-24s %8.3f %8.4f %10.2f%n", spec.length() > 24 ? family : spec, m.smape(), m.mase(), seconds);
            System.out.flush();
        }
    }

    /** Series ids of the M3 meta file with the given {@code frequency} column value. */
    private static Set<String> seriesOf(Path meta, String frequency) throws Exception {
        Set<String> ids = new LinkedHashSet<>();
        try (BufferedReader in = Files.newBufferedReader(meta)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                if (r.get("frequency").equals(frequency)) {
                    ids.add(r.get("series_id"));
                }
            }
        }
        return ids;
    }
}
