package io.demandcast.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.Progress;
import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.evaluate.backtest.BacktestJob;
import io.demandcast.core.evaluate.backtest.BacktestSummary;
import io.demandcast.core.evaluate.backtest.Leaderboard;
import io.demandcast.core.prepare.PrepareJob;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered family goes through prepare, train, predict and evaluate by name from YAML, on
 * a panel of awkward series: constant, all zeros, shorter than two seasons, a single non-zero
 * value, negative values, intermittent, and a normal seasonal one.
 */
class EveryFamilyTest {
    @TempDir
    static Path dir;

    /** Families that need a parameter to be usable at all, or to be quick on this tiny panel (a small network). */
    private static final java.util.Map<String, String> REQUIRED_PARAMS = java.util.Map.of("arima", "{order: [1, 1, 1]}",
            "lstm", "{units: 8, epochs: 2, ensemble: 2}", "attention", "{units: 8, heads: 2, epochs: 2, ensemble: 1}");

    static Stream<String> families() {
        return ModelRegistry.standard().families().stream().map(ModelFamily::name);
    }

    private static Path data() throws Exception {
        Path csv = dir.resolve("sales.csv");
        if (Files.exists(csv)) {
            return csv;
        }
        StringBuilder sb = new StringBuilder("series_id,date,value\n");
        LocalDate start = LocalDate.of(2024, 1, 1);
        int n = 84;
        for (int t = 0; t < n; t++) {
            LocalDate d = start.plusDays(t);
            sb.append("constant,").append(d).append(",5\n");
            sb.append("zeros,").append(d).append(",0\n");
            sb.append("single,").append(d).append(',').append(t == 40 ? 7 : 0).append('\n');
            sb.append("negative,").append(d).append(',').append((t % 7) - 3).append('\n');
            sb.append("sparse,").append(d).append(',').append(t % 9 == 0 ? 4 : 0).append('\n');
            sb.append("seasonal,").append(d).append(',').append(20 + 5 * Math.sin(2 * Math.PI * t / 7) + t * 0.1).append('\n');
            if (t >= n - 24) {
                sb.append("short,").append(d).append(',').append(3 + t % 2).append('\n');
            }
        }
        Files.writeString(csv, sb.toString());
        return csv;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void trainsPredictsAndEvaluatesFromYaml(String family) throws Exception {
        Path csv = data();
        Path out = dir.resolve(family);
        String yaml = """
                name: every
                data:
                  files: [%s]
                  frequency: daily
                prepare:
                  output: %s/prepared
                  split: {test: 7}
                model:
                  family: %s
                  params: %s
                train:
                  store: %s/store
                predict:
                  horizon: 7
                  output: %s/forecast.csv
                evaluate:
                  output: %s/evaluation
                """.formatted(csv, out, family, REQUIRED_PARAMS.getOrDefault(family, "{}"), out, out, out);
        ExperimentConfig config = ConfigLoader.parse(yaml, "every.yaml", List.of());
        PrepareJob.run(config, Progress.NONE, name -> null);
        TrainJob.run(config, Progress.NONE);
        PredictSummary predicted = PredictJob.run(config, new StringWriter(), Progress.NONE);
        assertEquals(7, predicted.seriesCount());
        List<String> lines = Files.readAllLines(out.resolve("forecast.csv"));
        assertEquals(1 + 7 * 7, lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            double lo = Double.parseDouble(cells[4]);
            double mid = Double.parseDouble(cells[5]);
            double hi = Double.parseDouble(cells[6]);
            assertTrue(lo <= mid + 1e-9 && mid <= hi + 1e-9, family + ": quantiles out of order in " + line);
        }
        assertLeadTimeDemand(config, family, out);
        BacktestSummary evaluated = BacktestJob.run(config, Progress.NONE);
        Leaderboard.Entry entry = evaluated.run().leaderboard().entry(config.model().name());
        assertEquals(7, entry.scores().byWindow().get(0).aggregate().series());
    }

    /** predict.lead_time: one row per series, a method, finite quantiles in order (clipped at 0 unless the data is negative). */
    private static void assertLeadTimeDemand(ExperimentConfig config, String family, Path out) throws Exception {
        Path file = out.resolve("lead-time.csv");
        ExperimentConfig leadTime = config.withPredict(config.predict().withOutput(file.toString()).withLeadTime(5, 2, 200, 7L));
        PredictSummary summary = PredictJob.run(leadTime, new StringWriter(), Progress.NONE);
        assertEquals(7, summary.leadTime().methods().values().stream().mapToInt(Integer::intValue).sum(), family);
        List<String> lines = Files.readAllLines(file);
        assertEquals(1 + 7, lines.size(), family);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            assertTrue(!cells[4].isEmpty(), family + ": a method in " + line);
            double previous = Double.NEGATIVE_INFINITY;
            for (int c = 7; c < cells.length; c++) {
                double q = Double.parseDouble(cells[c]);
                assertTrue(Double.isFinite(q) && q >= previous - 1e-9, family + ": lead-time quantiles out of order in " + line);
                previous = q;
            }
        }
    }
}
