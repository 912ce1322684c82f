package io.demandcast.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.data.Panel;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.Forecaster;
import io.demandcast.core.model.ModelFactory;
import io.demandcast.core.model.ModelRegistry;
import io.demandcast.core.prepare.PrepareJob;
import io.demandcast.core.prepare.PreparedSplits;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times, in one JVM and on one loaded panel, the model work of the two ways to forecast from
 * {@code cut} newer periods: a refit on the whole history against {@link FittedModel#update} of
 * the model fitted without them. The whole-process comparison of {@code scripts/bench/update.sh}
 * adds what both pay alike (JVM start, reading the data); this isolates the part the update saves.
 * Not part of the CLI.
 */
public final class UpdateBenchmark {
    private UpdateBenchmark() {
    }

    /** {@code <prepared config.yaml> <cut> <repeats> family=params-yaml ...}, e.g. {@code auto_ets='{season_length: 7}'}. */
    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: UpdateBenchmark <config.yaml> <cut> <repeats> <family>=<params yaml> ...");
            System.exit(2);
        }
        ExperimentConfig config = ConfigLoader.load(Path.of(args[0]), List.of());
        int cut = Integer.parseInt(args[1]);
        int repeats = Integer.parseInt(args[2]);
        PreparedSplits data = PreparedSplits.open(PrepareJob.outputDirectory(config));
        Panel full = data.all();
        int end = Integer.MIN_VALUE;
        for (int s = 0; s < full.seriesCount(); s++) {
            end = Math.max(end, full.lastPeriod(s));
        }
        Panel old = full.sliceUntil(end - cut);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ModelRegistry registry = ModelRegistry.standard();
        System.out.printf(Locale.ROOT, "%-16s %10s %10s %10s %10s %9s %9s %12s%n", "family", "refit_w", "refit_c",
                "update_w", "update_c", "wall x", "cpu x", "max reldiff");
        for (int a = 3; a < args.length; a++) {
            String family = args[a].substring(0, args[a].indexOf('='));
            JsonNode params = yaml.readTree(args[a].substring(args[a].indexOf('=') + 1));
            Forecaster forecaster = ModelFactory.create(registry, family, params,
                    ModelFactory.context(config, full.frequency(), 28, data.pastOnly()), "bench");
            FittedModel fittedOld = forecaster.fit(old);
            double[][] refit = new double[repeats][];
            double[][] update = new double[repeats][];
            FittedModel refitted = null;
            FittedModel updated = null;
            // Alternate refit and update so machine noise hits both alike; the first round warms the JIT.
            for (int i = -1; i < repeats; i++) {
                double[] t = clock();
                refitted = forecaster.fit(full);
                double[] u = clock();
                updated = fittedOld.update(full);
                double[] v = clock();
                if (i >= 0) {
                    refit[i] = new double[] {u[0] - t[0], u[1] - t[1]};
                    update[i] = new double[] {v[0] - u[0], v[1] - u[1]};
                }
            }
            double rw = median(refit, 0);
            double rc = median(refit, 1);
            double uw = median(update, 0);
            double uc = median(update, 1);
            ForecastRequest request = new ForecastRequest(28);
            double diff = maxRelativeDifference(refitted.forecast(request), updated.forecast(request));
            System.out.printf(Locale.ROOT, "%-16s %10.3f %10.3f %10.3f %10.3f %9s %9s %12.4f%n", family, rw, rc, uw, uc,
                    ratio(rw, uw), ratio(rc, uc), diff);
        }
        System.out.printf(Locale.ROOT, "(%d series, %d newer periods; seconds are medians of %d rounds after one warm-up; cpu = the process's CPU seconds, all threads)%n",
                full.seriesCount(), cut, repeats);
    }

    /** {@code a / b} as {@code 12.3x}, or {@code -} when {@code b} is below the clocks' resolution. */
    private static String ratio(double a, double b) {
        return b < 0.001 ? "-" : String.format(Locale.ROOT, "%.1fx", a / b);
    }

    /** Wall and process CPU seconds now. */
    private static double[] clock() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new double[] {System.nanoTime() / 1e9, os.getProcessCpuTime() / 1e9};
    }

    private static double median(double[][] runs, int column) {
        double[] v = Arrays.stream(runs).mapToDouble(r -> r[column]).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** Largest |update − refit| / max(|refit|, 1) over every point forecast: how far re-estimating moves them. */
    private static double maxRelativeDifference(Forecast refit, Forecast update) {
        double max = 0;
        for (int s = 0; s < refit.seriesCount(); s++) {
            for (int h = 0; h < 28; h++) {
                double a = refit.point(s, h);
                max = Math.max(max, Math.abs(update.point(s, h) - a) / Math.max(Math.abs(a), 1));
            }
        }
        return max;
    }
}
