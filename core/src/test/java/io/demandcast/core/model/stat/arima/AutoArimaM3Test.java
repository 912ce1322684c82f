package io.demandcast.core.model.stat.arima;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.SharedData;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import io.demandcast.core.config.SchemaConfig;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelCsvReader;
import io.demandcast.core.evaluate.AggregateMetrics;
import io.demandcast.core.evaluate.ScoreOptions;
import io.demandcast.core.evaluate.Scorer;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.stat.LocalForecaster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * auto ARIMA on the 1428 M3 monthly series (h = 18, m = 12): sMAPE, MASE, wall and CPU time, and
 * one line per series in {@code target/arima-m3-monthly.csv}. Slow, so off by default: run with
 * {@code -Ddemandcast.m3=true}.
 */
@EnabledIfSystemProperty(named = "demandcast.m3", matches = "true")
class AutoArimaM3Test {

    record Series(String id, double[] train, double[] test) {
    }

    static List<Series> monthly(Path dir) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("meta.csv")).subList(1, Files.readAllLines(dir.resolve("meta.csv")).size())) {
            String[] f = line.split(",");
            if (f[2].replace("\"", "").equals("monthly")) {
                ids.add(f[0].replace("\"", ""));
            }
        }
        Map<String, List<Double>> train = read(dir.resolve("train.csv"));
        Map<String, List<Double>> test = read(dir.resolve("test.csv"));
        List<Series> out = new ArrayList<>();
        for (String id : ids) {
            out.add(new Series(id, train.get(id).stream().mapToDouble(Double::doubleValue).toArray(),
                    test.get(id).stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return out;
    }

    private static Map<String, List<Double>> read(Path file) throws IOException {
        Map<String, List<Double>> map = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            map.computeIfAbsent(f[0].replace("\"", ""), k -> new ArrayList<>()).add(Double.parseDouble(f[2]));
        }
        return map;
    }

    /**
     * The same measurement through the framework as {@code io.demandcast.cli.bench.M3Benchmark} runs
     * it: panel CSV reader, {@link io.demandcast.core.model.stat.LocalForecaster} (parallel over the
     * common pool), the core {@link Scorer}. Wall time covers fit and forecast of all series.
     */
    @Test
    void monthlyThroughTheFramework() throws Exception {
        Path folder = SharedData.folder("m3-competition");
        java.util.Set<String> ids = new java.util.HashSet<>();
        List<String> meta = Files.readAllLines(folder.resolve("meta.csv"));
        for (String line : meta.subList(1, meta.size())) {
            String[] f = line.split(",");
            if (f[2].replace("\"", "").equals("monthly")) {
                ids.add(f[0].replace("\"", ""));
            }
        }
        SchemaConfig schema = new SchemaConfig(null, null, null, null, null, null);
        Panel train = new PanelCsvReader(schema, Frequency.MONTHLY, ids::contains).read(List.of(folder.resolve("train.csv")));
        Panel test = new PanelCsvReader(schema, Frequency.MONTHLY, ids::contains).read(List.of(folder.resolve("test.csv")));
        LocalForecaster forecaster = new LocalForecaster(ArimaMethod.automatic(AutoArima.Options.defaults(12)));
        long t0 = System.nanoTime();
        Forecast forecast = forecaster.fit(train).forecast(new ForecastRequest(18, 0.1, 0.9));
        double seconds = (System.nanoTime() - t0) / 1e9;
        AggregateMetrics m = new Scorer(ScoreOptions.of(12)).score(forecast, test, train).aggregate();
        String summary = String.format(Locale.ROOT, "auto_arima M3 monthly via framework: %d series, sMAPE %.3f, MASE %.4f, wall %.1f s on %d cores",
                train.seriesCount(), m.smape(), m.mase(), seconds, Runtime.getRuntime().availableProcessors());
        System.out.println(summary);
        Files.writeString(Path.of("target/arima-m3-framework.summary.txt"), summary + "\n");
        assertTrue(Double.isFinite(m.smape()));
    }

    @Test
    void monthlyAccuracyAndTime() throws IOException {
        List<Series> series = monthly(SharedData.folder("m3-competition"));
        int limit = Integer.getInteger("demandcast.m3.limit", series.size());
        List<Series> run = series.subList(0, Math.min(limit, series.size()));
        int h = 18;
        double[] smape = new double[run.size()];
        double[] mase = new double[run.size()];
        String[] lines = new String[run.size()];
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        AtomicLong cpu = new AtomicLong();
        AutoArima auto = new AutoArima(AutoArima.Options.defaults(12));
        long t0 = System.nanoTime();
        IntStream.range(0, run.size()).parallel().forEach(i -> {
            Series s = run.get(i);
            long c0 = mx.getCurrentThreadCpuTime();
            ArimaModel model = auto.fit(s.train());
            double[] fc = model.forecast(h)[0];
            long c1 = mx.getCurrentThreadCpuTime();
            cpu.addAndGet(c1 - c0);
            double sm = 0;
            double err = 0;
            for (int k = 0; k < h; k++) {
                sm += 200 * Math.abs(s.test()[k] - fc[k]) / (Math.abs(s.test()[k]) + Math.abs(fc[k]));
                err += Math.abs(s.test()[k] - fc[k]);
            }
            double scale = 0;
            for (int t = 12; t < s.train().length; t++) {
                scale += Math.abs(s.train()[t] - s.train()[t - 12]);
            }
            scale /= s.train().length - 12;
            smape[i] = sm / h;
            mase[i] = err / h / scale;
            ArimaOrder o = model.order();
            StringBuilder f = new StringBuilder();
            for (double v : fc) {
                f.append(f.length() == 0 ? "" : ";").append(String.format(Locale.ROOT, "%.6f", v));
            }
            lines[i] = String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%d,%d,%d,%.6f,%.4f,%.4f,%.1f,%s", s.id(), o.p(), o.d(), o.q(), o.seasonalP(),
                    o.seasonalD(), o.seasonalQ(), o.constant() ? 1 : 0, model.aicc(), smape[i], mase[i], (c1 - c0) / 1e6, f);
        });
        double wall = (System.nanoTime() - t0) / 1e9;
        double meanSmape = IntStream.range(0, run.size()).mapToDouble(i -> smape[i]).average().orElse(Double.NaN);
        double meanMase = IntStream.range(0, run.size()).mapToDouble(i -> mase[i]).average().orElse(Double.NaN);
        Path out = Path.of(System.getProperty("demandcast.m3.out", "target/arima-m3-monthly.csv"));
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println("series_id,p,d,q,P,D,Q,constant,aicc,smape,mase,cpu_ms,fc");
            for (String l : lines) {
                w.println(l);
            }
        }
        String summary = String.format(Locale.ROOT, "auto_arima M3 monthly: %d series, sMAPE %.3f, MASE %.4f, wall %.1f s, cpu %.1f s",
                run.size(), meanSmape, meanMase, wall, cpu.get() / 1e9);
        System.out.println(summary);
        Files.writeString(Path.of(out + ".summary.txt"), summary + "\n");
        assertTrue(Double.isFinite(meanSmape));
    }
}
