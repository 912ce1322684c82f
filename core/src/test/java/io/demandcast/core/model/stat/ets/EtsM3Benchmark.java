package io.demandcast.core.model.stat.ets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Auto ETS on the 1428 M3 monthly series (h = 18, m = 12): sMAPE, MASE (seasonal-naive in-sample
 * scale, m = 12) and wall time, the M3 figures of the shared data's SOURCE.md.
 * Run: {@code java -cp <test classpath> io.demandcast.core.model.stat.ets.EtsM3Benchmark [m3 folder] [per-series csv out]}.
 * {@link EtsM3BenchmarkTest} runs it when {@code -Ddemandcast.bench=true}.
 */
public final class EtsM3Benchmark {
    /** Series in file order with their train and test values. */
    record Series(String id, double[] train, double[] test) {
    }

    /** Aggregate result. */
    record Result(int series, double smape, double mase, double seconds, List<String> rows) {
    }

    private EtsM3Benchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "../shared/data/m3-competition");
        Result r = run(folder);
        if (args.length > 1) {
            Files.write(Path.of(args[1]), r.rows());
        }
        System.out.printf("M3 monthly auto_ets: series=%d sMAPE=%.3f MASE=%.4f wall=%.1fs%n", r.series(), r.smape(), r.mase(), r.seconds());
    }

    static List<Series> monthly(Path folder) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve("meta.csv"))) {
            String[] f = line.split(",");
            if (f.length > 2 && f[2].replace("\"", "").equals("monthly")) {
                ids.add(f[0].replace("\"", ""));
            }
        }
        Map<String, List<Double>> train = read(folder.resolve("train.csv"));
        Map<String, List<Double>> test = read(folder.resolve("test.csv"));
        List<Series> out = new ArrayList<>();
        for (String id : ids) {
            out.add(new Series(id, unbox(train.get(id)), unbox(test.get(id))));
        }
        return out;
    }

    static Result run(Path folder) throws IOException {
        List<Series> series = monthly(folder);
        int n = series.size();
        double[] smape = new double[n];
        double[] mase = new double[n];
        String[] rows = new String[n];
        EtsMethod method = new EtsMethod(EtsFamilies.AUTO_ETS, "ZZZ", EtsMethod.Damping.AUTO, 12, EtsMethod.Criterion.AICC);
        long t0 = System.nanoTime();
        IntStream.range(0, n).parallel().forEach(i -> {
            Series s = series.get(i);
            EtsFit fit = method.fit(s.train());
            double[] f = fit.forecast(s.test().length, new double[] {0.5}).point();
            double sm = 0;
            double ae = 0;
            for (int k = 0; k < f.length; k++) {
                double y = s.test()[k];
                sm += 200 * Math.abs(y - f[k]) / (Math.abs(y) + Math.abs(f[k]));
                ae += Math.abs(y - f[k]);
            }
            double scale = 0;
            for (int t = 12; t < s.train().length; t++) {
                scale += Math.abs(s.train()[t] - s.train()[t - 12]);
            }
            scale /= s.train().length - 12;
            smape[i] = sm / f.length;
            mase[i] = ae / f.length / scale;
            rows[i] = s.id() + "," + fit.model().label() + "," + fit.stats().aicc() + "," + smape[i] + "," + mase[i];
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Result(n, mean(smape), mean(mase), seconds, List.of(rows));
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static Map<String, List<Double>> read(Path csv) throws IOException {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(csv);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            out.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Double.parseDouble(f[2]));
        }
        return out;
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
