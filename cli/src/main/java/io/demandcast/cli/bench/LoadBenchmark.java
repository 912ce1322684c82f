package io.demandcast.cli.bench;

import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelCsvReader;
import io.demandcast.core.data.PreparedDataset;
import io.demandcast.core.prepare.PrepareJob;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times, in one JVM, parsing an experiment's raw CSV into a panel against loading the prepared
 * dataset that {@code prepare} wrote from it, and prints both and their ratio. Run by
 * {@code scripts/bench/prepared_load.sh}; not part of the CLI.
 */
public final class LoadBenchmark {
    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: LoadBenchmark <config.yaml> [repeats]");
            System.exit(2);
        }
        ExperimentConfig config = ConfigLoader.load(Path.of(args[0]), List.of());
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Path> files = config.data().files().stream().map(Path::of).toList();
        Frequency frequency = config.data().frequency() == null ? null : Frequency.parse(config.data().frequency());
        Path prepared = PrepareJob.outputDirectory(config);

        double[] csv = new double[repeats];
        double[] bin = new double[repeats];
        long rows = 0;
        long preparedRows = 0;
        // Alternate the two so machine noise hits both alike; the first round warms the JIT for both.
        for (int i = -1; i < repeats; i++) {
            long t0 = System.nanoTime();
            Panel raw = new PanelCsvReader(config.data().schema(), frequency).read(files);
            long t1 = System.nanoTime();
            Panel loaded = PreparedDataset.open(prepared).readPanel();
            long t2 = System.nanoTime();
            rows = raw.rowCount();
            preparedRows = loaded.rowCount();
            if (i >= 0) {
                csv[i] = (t1 - t0) / 1e9;
                bin[i] = (t2 - t1) / 1e9;
            }
        }
        double csvMedian = median(csv);
        double binMedian = median(bin);
        System.out.printf(Locale.ROOT, "csv_parse   rows=%d  median=%.3f s  min=%.3f s  (%d runs)%n", rows, csvMedian, min(csv), repeats);
        System.out.printf(Locale.ROOT, "prepared    rows=%d  median=%.3f s  min=%.3f s  (%d runs, %s)%n", preparedRows, binMedian, min(bin), repeats, prepared);
        System.out.printf(Locale.ROOT, "speed-up    %.1fx (median csv / median prepared)%n", csvMedian / binMedian);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }
}
