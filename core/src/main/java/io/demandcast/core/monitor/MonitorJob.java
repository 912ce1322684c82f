package io.demandcast.core.monitor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.demandcast.core.AtomicFiles;
import io.demandcast.core.Progress;
import io.demandcast.core.artifact.Artifact;
import io.demandcast.core.artifact.ArtifactException;
import io.demandcast.core.artifact.ArtifactStore;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.config.MonitorConfig;
import io.demandcast.core.data.DataException;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.TimeAxis;
import io.demandcast.core.evaluate.ConformalCalibration;
import io.demandcast.core.evaluate.ForecastCalibration;
import io.demandcast.core.evaluate.report.CoveragePoint;
import io.demandcast.core.evaluate.report.GateLine;
import io.demandcast.core.evaluate.report.LeaderboardRow;
import io.demandcast.core.evaluate.report.ReportData;
import io.demandcast.core.evaluate.report.ReportHeading;
import io.demandcast.core.evaluate.report.ReportWriter;
import io.demandcast.core.evaluate.report.SeriesTrace;
import io.demandcast.core.model.ForecastCsvWriter;
import io.demandcast.core.model.Forecaster;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelFactory;
import io.demandcast.core.model.ModelRegistry;
import io.demandcast.core.prepare.PrepareJob;
import io.demandcast.core.prepare.PreparedSplits;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code monitor} verb: the forecasts earlier {@code predict} runs logged ({@link ForecastLog})
 * against the actuals that have since arrived in the prepared data, over the last
 * {@code monitor.window} periods: rolling scaled error against each version's backtest error at the
 * same steps ({@link ReferenceError}), bias, interval coverage and instability between runs
 * ({@link MonitorMetrics}); thresholds of the {@code monitor} section checked on the overall figures;
 * a report in the backtest report's format.
 */
public final class MonitorJob {
    public static final String JSON_FILE = "monitor.json";
    public static final String PER_SERIES_FILE = "per_series.csv";
    private static final String OVERALL = "overall";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MonitorJob() {
    }

    /** Where the report goes: {@code monitor.output}, else {@code build/monitor/<name>}. */
    public static Path outputDirectory(ExperimentConfig config) {
        String out = config.monitor().output();
        return out == null ? Path.of("build", "monitor", config.name()) : Path.of(out);
    }

    public static MonitorSummary run(ExperimentConfig config, Progress progress) throws IOException {
        return run(config, ModelRegistry.standard(), progress);
    }

    /**
     * @throws DataException when the model has no forecast log yet, or the prepared data is missing
     */
    public static MonitorSummary run(ExperimentConfig config, ModelRegistry registry, Progress progress) throws IOException {
        MonitorConfig mc = config.monitor();
        String name = config.model().name();
        Path log = ForecastLog.directory(config);
        if (ForecastLog.isEmpty(config)) {
            throw new DataException(log + ": no forecast log of model '" + name + "' yet: every predict appends its forecasts there"
                    + " (monitor.log, monitor.log_forecasts); run predict first");
        }
        PreparedSplits data = PreparedSplits.open(PrepareJob.outputDirectory(config));
        Panel panel = data.all();
        Panel actuals = data.actuals();
        TimeAxis axis = actuals.axis();
        int season = config.data().seasonLength() != null ? config.data().seasonLength() : panel.frequency().defaultSeasonLength();
        int end = actuals.maxPeriod();
        int start = end - mc.window() + 1;
        LocalDate startDate = axis.date(start);
        LocalDate endDate = axis.date(end);
        List<LoggedRun> runs = ForecastLog.read(log, row -> !row.date().isBefore(startDate) && axis.fits(row.date()) && axis.fits(row.origin()));
        progress.report("monitor: " + name + ": " + runs.size() + " logged run(s), actuals " + startDate + " .. " + endDate);

        // A forecast logged twice for the same origin and version (predict re-run on the same data) counts once: the latest.
        Map<String, Entry> latest = new LinkedHashMap<>();
        for (LoggedRun run : runs) {
            for (LoggedRow row : run.rows()) {
                latest.put(row.seriesId() + '\u0000' + row.date() + '\u0000' + row.origin() + '\u0000' + row.version(),
                        new Entry(row, run.levels()));
            }
        }
        List<Entry> entries = new ArrayList<>(latest.values());
        entries.sort(Comparator.comparing((Entry e) -> e.row().runTime()));

        List<String> notes = new ArrayList<>();
        Map<String, ReferenceError> references = references(config, registry, data, entries, season, log, notes, progress);

        MonitorStats overall = new MonitorStats();
        Map<String, MonitorStats> byVersion = new LinkedHashMap<>();
        Map<String, MonitorStats> bySeries = new LinkedHashMap<>();
        Map<Long, Double> scales = new HashMap<>();
        int maxStep = 1;
        for (Entry e : entries) {
            LoggedRow r = e.row();
            maxStep = Math.max(maxStep, r.step());
            int s = actuals.indexOf(r.seriesId());
            int p = axis.period(r.date());
            if (s < 0 || p > end) {
                continue;
            }
            double y = SeriesValues.at(actuals, s, p);
            if (!Double.isFinite(y)) {
                continue;
            }
            int origin = axis.period(r.origin());
            double scale = scales.computeIfAbsent(((long) s << 32) | (origin & 0xffffffffL),
                    k -> ConformalCalibration.scaleOf(SeriesValues.until(actuals, s, origin), season));
            ReferenceError ref = references.get(r.version());
            double reference = ref == null ? Double.NaN : ref.at(r.step());
            for (MonitorStats stats : List.of(overall, byVersion.computeIfAbsent(r.version(), v -> new MonitorStats()),
                    bySeries.computeIfAbsent(r.seriesId(), v -> new MonitorStats()))) {
                stats.addPair(y, r.forecast(), scale, reference, r.step(), e.levels(), r.quantiles());
            }
        }
        instability(entries, actuals, season, end, overall, byVersion, bySeries);

        List<MonitorCheck> checks = checks(mc, overall);
        Map<String, Double> overallMetrics = overall.metrics();
        Map<String, Map<String, Double>> versionMetrics = new LinkedHashMap<>();
        byVersion.forEach((v, stats) -> versionMetrics.put(v, stats.metrics()));
        if (overall.pairCount() == 0) {
            notes.add("nothing to compare yet: no logged forecast has an actual in " + startDate + " .. " + endDate
                    + "; thresholds are checked once actuals arrive (prepare the newer data: monitor --prepare)");
        }
        Path output = outputDirectory(config);
        MonitorSummary summary = new MonitorSummary(name, log, output, runs.size(), startDate.toString(), endDate.toString(),
                overall.pairCount(), overallMetrics, versionMetrics, checks, notes);

        String latestVersion = latestVersion(config);
        Map<String, Double> seriesErrors = new LinkedHashMap<>();
        bySeries.forEach((series, stats) -> seriesErrors.put(series, stats.scaledError()));
        List<SeriesTrace> traces = MonitorTraces.of(seriesErrors,
                entries.stream().map(e -> new MonitorTraces.Row(e.row(), e.levels())).toList(), actuals, start, end, mc.window());
        ReportData report = report(config, panel.frequency().label(), summary, overall, latestVersion, maxStep, runs.size(), traces,
                notes);
        ReportHeading heading = new ReportHeading("Monitor report", List.of(
                new ReportHeading.Fact("Model", name),
                new ReportHeading.Fact("Created", report.createdAt()),
                new ReportHeading.Fact("Frequency", report.frequency()),
                new ReportHeading.Fact("Rolling window", startDate + " .. " + endDate + " (" + mc.window() + " periods)"),
                new ReportHeading.Fact("Runs logged", Integer.toString(runs.size())),
                new ReportHeading.Fact("Forecasts compared", Integer.toString(overall.pairCount())),
                new ReportHeading.Fact("Reference", "rolling-origin backtest of each version on the data up to its forecast origin"),
                new ReportHeading.Fact("Forecast log", log.toString())),
                summary.crossed() ? summary.crossedChecks().size() + " threshold(s) crossed: "
                        + String.join("; ", summary.crossedChecks().stream().map(MonitorCheck::line).toList()) + "."
                        : overall.pairCount() == 0 ? "Nothing to compare yet." : "All thresholds held.", "Thresholds");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schema_version", 1);
        json.putAll(summary.toMap());
        Map<String, Object> refs = new LinkedHashMap<>();
        references.forEach((v, ref) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("origin", ref.origin().toString());
            m.put("windows", ref.windows());
            m.put("per_step", java.util.Arrays.stream(ref.perStep()).boxed().map(d -> Double.isFinite(d) ? d : null).toList());
            refs.put(v, m);
        });
        json.put("references", refs);
        String perSeries = perSeriesCsv(bySeries, overallMetrics.keySet());
        AtomicFiles.replaceDirectory(output, JSON_FILE, "a monitor report", dir -> {
            AtomicFiles.writeText(dir.resolve(JSON_FILE), JSON.writeValueAsString(json) + "\n");
            AtomicFiles.writeText(dir.resolve(PER_SERIES_FILE), perSeries);
            ReportWriter.write(report, heading, dir);
        });
        return summary;
    }

    /** A logged row with the quantile levels of its run. */
    private record Entry(LoggedRow row, double[] levels) {
    }

    /** Each version's reference: cached in the log, else backtested (and cached); a version the store no longer has gets none. */
    private static Map<String, ReferenceError> references(ExperimentConfig config, ModelRegistry registry, PreparedSplits data,
                                                          List<Entry> entries, int season, Path log, List<String> notes,
                                                          Progress progress) throws IOException {
        Map<String, LocalDate> origin = new LinkedHashMap<>();
        Map<String, Instant> first = new HashMap<>();
        Map<String, Integer> horizon = new HashMap<>();
        for (Entry e : entries) {
            LoggedRow r = e.row();
            horizon.merge(r.version(), r.step(), Math::max);
            Instant t = first.get(r.version());
            if (t == null || r.runTime().isBefore(t)) {
                first.put(r.version(), r.runTime());
                origin.put(r.version(), r.origin());
            } else if (r.runTime().equals(t) && r.origin().isAfter(origin.get(r.version()))) {
                // The version's first run: its latest series end is the end of the data it was fitted on.
                origin.put(r.version(), r.origin());
            }
        }
        Panel panel = data.all();
        boolean clip = ForecastCalibration.clipsAtZero(config.predict().clipNegative(), panel);
        ArtifactStore store = new ArtifactStore(Path.of(config.train().store()));
        Map<String, ReferenceError> out = new LinkedHashMap<>();
        for (Map.Entry<String, LocalDate> v : origin.entrySet()) {
            String version = v.getKey();
            int h = horizon.get(version);
            Path cache = log.resolve(ForecastLog.REFERENCE).resolve(version + ".json");
            ReferenceError cached = ReferenceError.read(cache);
            if (cached != null && cached.horizon() >= h && cached.origin().equals(v.getValue())) {
                out.put(version, cached);
                continue;
            }
            Artifact artifact;
            try {
                artifact = store.load(config.model().name(), version);
            } catch (ArtifactException e) {
                notes.add("version " + version + ": no reference error (" + e.getMessage() + ")");
                continue;
            }
            ModelContext context = new ModelContext(panel.frequency(), season, h, data.pastOnly())
                    .withQuantileLevels(config.predict().levels());
            Forecaster forecaster = ModelFactory.create(registry, artifact.manifest().modelFamily(), artifact.manifest().parameters(),
                    context, "monitor reference (" + artifact.name() + "@" + version + ")");
            int originPeriod = panel.axis().period(v.getValue());
            ReferenceError ref = ReferenceError.compute(artifact.manifest(), forecaster, panel, data.actuals(), originPeriod,
                    config.backtest(), config.monitor().referenceWindows(), h, season, config.predict().levels(), clip,
                    data.pastOnly(), progress);
            ref.write(cache);
            out.put(version, ref);
        }
        return out;
    }

    /** Changes of each target date's forecast between consecutive runs, from the window's start on (future dates included). */
    private static void instability(List<Entry> entries, Panel actuals, int season, int end, MonitorStats overall,
                                    Map<String, MonitorStats> byVersion, Map<String, MonitorStats> bySeries) {
        Map<String, List<LoggedRow>> byTarget = new LinkedHashMap<>();
        for (Entry e : entries) {
            byTarget.computeIfAbsent(e.row().seriesId() + '\u0000' + e.row().date(), k -> new ArrayList<>()).add(e.row());
        }
        Map<String, Double> scales = new HashMap<>();
        for (List<LoggedRow> rows : byTarget.values()) {
            if (rows.size() < 2) {
                continue;
            }
            String series = rows.get(0).seriesId();
            int s = actuals.indexOf(series);
            double scale = scales.computeIfAbsent(series, k -> ConformalCalibration.scaleOf(SeriesValues.until(actuals, s, end), season));
            for (int k = 1; k < rows.size(); k++) {
                double[] change = MonitorMetrics.changes(new double[] {rows.get(k - 1).forecast(), rows.get(k).forecast()}, scale);
                overall.addChanges(change);
                byVersion.computeIfAbsent(rows.get(k).version(), v -> new MonitorStats()).addChanges(change);
                bySeries.computeIfAbsent(series, v -> new MonitorStats()).addChanges(change);
            }
        }
    }

    static List<MonitorCheck> checks(MonitorConfig mc, MonitorStats overall) {
        List<MonitorCheck> checks = new ArrayList<>();
        checks.add(MonitorCheck.atMost("monitor.max_error_ratio", "error_ratio", overall.errorRatio(), mc.maxErrorRatio()));
        checks.add(MonitorCheck.atMost("monitor.max_abs_bias", "|relative_bias|", Math.abs(overall.bias()), mc.maxAbsBias()));
        overall.coverage().forEach((nominal, c) -> checks.add(MonitorCheck.atLeast("monitor.coverage_tolerance",
                MonitorStats.coverageName(nominal), c, nominal - mc.coverageTolerance())));
        checks.add(MonitorCheck.atMost("monitor.max_instability", "instability", overall.instability(), mc.maxInstability()));
        return checks;
    }

    private static String latestVersion(ExperimentConfig config) {
        try {
            return new ArtifactStore(Path.of(config.train().store())).resolve(config.model().name(), ArtifactStore.LATEST).version();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static ReportData report(ExperimentConfig config, String frequency, MonitorSummary summary, MonitorStats overall,
                                     String latestVersion, int horizon, int runs, List<SeriesTrace> traces,
                                     List<String> notes) {
        Set<String> names = new LinkedHashSet<>(summary.overall().keySet());
        summary.byVersion().values().forEach(m -> names.addAll(m.keySet()));
        List<LeaderboardRow> rows = new ArrayList<>();
        rows.add(new LeaderboardRow(1, OVERALL, "all versions", LeaderboardRow.CANDIDATE, summary.overall()));
        int rank = 2;
        for (Map.Entry<String, Map<String, Double>> v : summary.byVersion().entrySet()) {
            rows.add(new LeaderboardRow(rank++, v.getKey(), config.model().name(),
                    v.getKey().equals(latestVersion) ? LeaderboardRow.PRODUCTION : LeaderboardRow.CANDIDATE, v.getValue()));
        }
        Map<String, double[]> byStep = new LinkedHashMap<>();
        double[][] steps = overall.byStep(horizon);
        byStep.put("logged forecasts", steps[0]);
        byStep.put("backtest reference", steps[1]);
        Map<String, List<CoveragePoint>> coverage = new LinkedHashMap<>();
        List<CoveragePoint> points = new ArrayList<>();
        overall.coverage().forEach((nominal, c) -> {
            if (Double.isFinite(c)) {
                points.add(new CoveragePoint(nominal, c, Double.NaN));
            }
        });
        if (!points.isEmpty()) {
            coverage.put(OVERALL, points);
        }
        List<GateLine> gate = summary.checks().stream()
                .map(c -> new GateLine(c.key() + " " + c.rule(), OVERALL, !c.crossed(), c.detail())).toList();
        return new ReportData(config.name(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                frequency, Math.max(1, horizon), Math.max(1, runs),
                "n/a", "logged quantiles", List.copyOf(names), rows, traces, Map.of(OVERALL, overall.scaledErrors()), byStep,
                coverage, gate, notes);
    }

    private static String perSeriesCsv(Map<String, MonitorStats> bySeries, Set<String> overallNames) {
        Set<String> names = new LinkedHashSet<>(overallNames);
        bySeries.values().forEach(s -> names.addAll(s.metrics().keySet()));
        StringBuilder csv = new StringBuilder("series_id");
        names.forEach(n -> csv.append(',').append(n));
        csv.append('\n');
        bySeries.forEach((series, stats) -> {
            Map<String, Double> m = stats.metrics();
            csv.append(ForecastCsvWriter.csvCell(series));
            for (String n : names) {
                csv.append(',');
                Double v = m.get(n);
                if (v != null && Double.isFinite(v)) {
                    ForecastCsvWriter.appendNumber(csv, v);
                }
            }
            csv.append('\n');
        });
        return csv.toString();
    }
}
