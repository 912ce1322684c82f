package io.demandcast.cli.bench;

import io.demandcast.core.config.PrepareConfig.Fill;
import io.demandcast.core.config.PrepareConfig.GapConfig;
import io.demandcast.core.config.SchemaConfig;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelCsvReader;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.Forecaster;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelRegistry;
import io.demandcast.core.prepare.GapFiller;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The demandcast side of {@code scripts/bench/percore.sh}: fits one statistical family on every
 * series of one data set's reference history, forecasts the test horizon, writes the point
 * forecasts ({@code series_id,step,forecast}) for the script to score against R's, and prints the
 * process CPU seconds and the wall seconds of the fit + forecast loop (data loading excluded; JIT
 * and GC threads count, since the process CPU time includes them). Not part of the CLI.
 *
 * <p>The histories are the ones R sees in {@code percore.R}: m5-aggregates train + test_validation
 * (h = 28, m = 7); aus-retail train (h = 24, m = 12); Dominick's train weeks 40-148 (h = 12,
 * m = 52), each series on a regular weekly index from its first week to week 148 with the missing
 * weeks left missing, which the local families fill as R's {@code approx(rule = 2)} does
 * ({@code SeriesCleaner}: interior gaps interpolated, a trailing gap carries the last value).
 *
 * <p>Usage: {@code PerCoreBenchmark <data set> <data folder> <family> <forecasts.csv> [repeat [series]]}:
 * with {@code repeat} > 1 the loop runs that many times in the same JVM and one line is printed per
 * pass, so JIT warm-up shows as the difference between the first pass and the later ones; with
 * {@code series} > 0 only the first that many series of the file are fitted (R's auto.arima needs
 * minutes per long daily series).
 */
public final class PerCoreBenchmark {
    private PerCoreBenchmark() {
    }

    /** One data set's reference protocol: the history files, frequency, season and horizon. */
    private record Protocol(List<String> historyFiles, Frequency frequency, int season, int horizon, LocalDate extendTo) {
    }

    private static Protocol protocol(String dataset) {
        return switch (dataset) {
            case "m5-aggregates" -> new Protocol(List.of("train.csv", "test_validation.csv"), Frequency.DAILY, 7, 28, null);
            case "aus-retail" -> new Protocol(List.of("train.csv"), Frequency.MONTHLY, 12, 24, null);
            // week 148, the last train week: every series' history ends there, as in R
            case "dominicks-orange-juice" -> new Protocol(List.of("train.csv"), Frequency.WEEKLY, 52, 12, LocalDate.of(1992, 7, 9));
            default -> throw new IllegalArgumentException("unknown data set " + dataset
                    + " (m5-aggregates, aus-retail, dominicks-orange-juice)");
        };
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            System.err.println("usage: PerCoreBenchmark <data set> <data folder> <family> <forecasts.csv> [repeat]");
            System.exit(2);
        }
        Protocol p = protocol(args[0]);
        Path folder = Path.of(args[1]);
        String family = args[2];
        Path out = Path.of(args[3]);
        int repeat = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        int series = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        Panel history = history(p, folder, series);
        ModelContext context = new ModelContext(p.frequency(), p.season(), p.horizon(), List.of());
        Forecaster forecaster = ModelRegistry.standard().family(family).create(
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode(), context);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Forecast forecast = null;
        for (int pass = 1; pass <= repeat; pass++) {
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            forecast = forecaster.fit(history).forecast(new ForecastRequest(p.horizon(), 0.1, 0.5, 0.9));
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            double wall = (System.nanoTime() - wall0) / 1e9;
            System.out.printf(Locale.ROOT, "DC\t%s\t%s\tpass=%d\tseries=%d\tcpu_seconds=%.3f\twall_seconds=%.3f%n",
                    args[0], family, pass, history.seriesCount(), cpu, wall);
        }
        write(forecast, out);
    }

    private static Panel history(Protocol p, Path folder, int series) {
        SchemaConfig schema = new SchemaConfig(null, null, null, null, null, null);
        Set<String> kept = new HashSet<>();
        // the first `series` ids met in file order, as R's head(unique(series_id), n)
        Predicate<String> first = id -> series <= 0 || kept.contains(id) || kept.size() < series && kept.add(id);
        Panel raw = new PanelCsvReader(schema, p.frequency(), first).read(p.historyFiles().stream().map(folder::resolve).toList());
        GapConfig missing = new GapConfig(Fill.missing, Fill.ffill);
        return p.extendTo() == null
                ? GapFiller.fill(raw, missing).panel()
                : GapFiller.fill(raw, missing, raw.axis().period(p.extendTo())).panel();
    }

    private static void write(Forecast forecast, Path out) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(out)) {
            w.write("series_id,step,forecast\n");
            for (int s = 0; s < forecast.seriesCount(); s++) {
                for (int h = 0; h < forecast.horizon(); h++) {
                    // 17 significant digits: the scorer compares forecasts to 1e-9, not just sMAPE
                    w.write(forecast.seriesId(s) + "," + (h + 1) + "," + String.format(Locale.ROOT, "%.17g", forecast.point(s, h)) + "\n");
                }
            }
        }
    }
}
