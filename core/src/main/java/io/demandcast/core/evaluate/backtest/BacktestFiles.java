package io.demandcast.core.evaluate.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.evaluate.ProbabilisticSummary.IntervalSummary;
import io.demandcast.core.data.Panel;
import io.demandcast.core.evaluate.ProbabilisticScore;
import io.demandcast.core.evaluate.ProbabilisticSummary;
import io.demandcast.core.evaluate.ScoreResult;
import io.demandcast.core.model.FeatureImportance;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastCsvWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The machine-readable files of a backtest: {@code metrics.json} (schema below, versioned),
 * {@code per_series.csv} (one row per model × window × series) and {@code forecasts.csv} (every
 * forecast the scores come from, with its window and cutoff, so a number can be traced).
 *
 * <pre>
 * {"schema_version": 2, "experiment", "created_at", "frequency", "season_length", "horizon",
 *  "backtest": {"windows", "step", "cutoffs", "window", "refit_every", "intervals", "clip_negative", "ranked_by"},
 *  "windows": [{"window": 1, "cutoff": "2016-02-28" or a range, "series": n}],
 *  "models": [{"name", "family", "role", "source", "parameters", "rank", "wall_seconds",
 *              "metrics": {leaderboard values incl. skill_*}, "volume_weighted": {...}, "file_weighted": {...},
 *              "by_class": {"smooth": {...}}, "by_window": [{"window", "refitted", "metrics": {...},
 *              "wrmsse_by_level": {...}}], "error_by_step": [...],
 *              "intervals": {"model": {...}, "conformal": {...} or null},
 *              "importance": [{"feature", "share"}], "coefficients": [{"feature", "coefficient"}],
 *              "fits": [{"window", ...the fitted model's fit summary}]}],
 *  "gate": {"passed", "rules": [{"rule", "model", "passed", "reason"}]} or null}
 * </pre>
 * {@code importance} (models that can explain themselves: the global ML families) is the feature
 * importance of the model fitted on the last window, most important first; {@code coefficients}
 * (linear learners only) their standardised coefficients in the same order. {@code fits} (families
 * that report how their fit went, e.g. {@code lstm}: epochs run, best epoch, seconds per epoch,
 * backend) has one entry per refit window; absent when the family reports nothing.
 * An undefined number is {@code null}. Keys are added without bumping {@code schema_version};
 * renaming or removing one bumps it.
 */
public final class BacktestFiles {
    public static final int SCHEMA_VERSION = 2;
    public static final String METRICS = "metrics.json";
    public static final String PER_SERIES = "per_series.csv";
    public static final String FORECASTS = "forecasts.csv";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BacktestFiles() {
    }

    /** Writes {@code per_series.csv}. */
    public static void writePerSeries(Path file, BacktestPlan plan, Leaderboard board) throws IOException {
        writePerSeries(file, plan, board, false);
    }

    /**
     * As {@link #writePerSeries(Path, BacktestPlan, Leaderboard)}; with {@code censoredColumn} (the data has a
     * stock column) a {@code censored} column after {@code n}: the forecast periods left out as out of stock.
     */
    public static void writePerSeries(Path file, BacktestPlan plan, Leaderboard board, boolean censoredColumn) throws IOException {
        List<String> header = new ArrayList<>(List.of("model", "window", "cutoff", "series_id", "demand_class", "volume",
                "n", "mae", "rmse", "smape", "mase", "rmsse", "wape", "bias", "crps_scaled"));
        int censoredAt = header.indexOf("n") + 1;
        if (censoredColumn) {
            header.add(censoredAt, "censored");
        }
        double[] nominals = nominals(board);
        for (double nominal : nominals) {
            header.add(MetricNames.coverage(nominal));
        }
        boolean conformal = board.entries().stream().anyMatch(e -> e.scores().conformalIntervals() != null);
        if (conformal) {
            header.add("crps_scaled_conformal");
            for (double nominal : nominals) {
                header.add(MetricNames.coverage(nominal) + "_conformal");
            }
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                     .setRecordSeparator('\n').get())) {
            for (Leaderboard.Entry e : board.entries()) {
                for (SeriesWindow r : e.scores().rows()) {
                    int s = plan.indexOf(r.seriesId());
                    List<Object> row = new ArrayList<>(List.of(e.name(), r.window() + 1,
                            plan.axis().date(plan.cutoff(r.window(), s)).toString(), r.seriesId(), r.demandClass(),
                            cell(r.volume()), r.metrics().n(), cell(r.metrics().mae()), cell(r.metrics().rmse()),
                            cell(r.metrics().smape()), cell(r.metrics().mase()), cell(r.metrics().rmsse()),
                            cell(r.metrics().wape()), cell(r.metrics().bias()), cell(r.model() == null ? Double.NaN : r.model().scaledCrps())));
                    if (censoredColumn) {
                        row.add(censoredAt, r.censored());
                    }
                    addCoverage(row, r.model(), nominals);
                    if (conformal) {
                        row.add(cell(r.conformal() == null ? Double.NaN : r.conformal().scaledCrps()));
                        addCoverage(row, r.conformal(), nominals);
                    }
                    csv.printRecord(row);
                }
            }
        }
    }

    private static void addCoverage(List<Object> row, ProbabilisticScore score, double[] nominals) {
        for (double nominal : nominals) {
            double coverage = Double.NaN;
            if (score != null) {
                for (ProbabilisticScore.IntervalScore i : score.intervals()) {
                    if (Math.abs(i.nominal() - nominal) < 1e-9) {
                        coverage = i.coverage();
                    }
                }
            }
            row.add(cell(coverage));
        }
    }

    /**
     * Writes {@code forecasts.csv}: {@code series_id,date,model,window,cutoff,intervals,actual,forecast,q...},
     * the actual as scored (empty when missing), so every score can be recomputed from this file.
     */
    public static void writeForecasts(Path file, BacktestPlan plan, Panel actuals, Leaderboard board, boolean conformal)
            throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            boolean header = true;
            for (Leaderboard.Entry e : board.entries()) {
                for (int w = 0; w < plan.windows(); w++) {
                    Forecast f = e.scores().run().forecasts().get(w);
                    Forecast c = e.scores().conformalForecasts().get(w);
                    boolean useConformal = conformal && c != null;
                    writeWindow(out, plan, actuals, useConformal ? c : f, e.name(), w, useConformal ? "conformal" : "model", header);
                    header = false;
                }
            }
        }
    }

    private static void writeWindow(Writer out, BacktestPlan plan, Panel actuals, Forecast f, String model, int w,
                                    String intervals, boolean header) throws IOException {
        double[] levels = f.levels();
        StringBuilder line = new StringBuilder(160);
        if (header) {
            line.append("series_id,date,model,window,cutoff,intervals,actual,forecast");
            for (double level : levels) {
                line.append(',').append(ForecastCsvWriter.quantileColumn(level));
            }
            out.write(line.append('\n').toString());
        }
        for (int i = 0; i < f.seriesCount(); i++) {
            String id = ForecastCsvWriter.csvCell(f.seriesId(i));
            String cutoff = plan.axis().date(f.firstPeriod(i) - 1).toString();
            int a = actuals.indexOf(f.seriesId(i));
            for (int k = 0; k < f.horizon(); k++) {
                line.setLength(0);
                line.append(id).append(',').append(f.axis().date(f.firstPeriod(i) + k)).append(',').append(ForecastCsvWriter.csvCell(model))
                        .append(',').append(w + 1).append(',').append(cutoff).append(',').append(intervals).append(',');
                double y = actualAt(actuals, a, f.firstPeriod(i) + k);
                if (!Double.isNaN(y)) {
                    ForecastCsvWriter.appendNumber(line, y);
                }
                line.append(',');
                ForecastCsvWriter.appendNumber(line, f.point(i, k));
                for (int l = 0; l < levels.length; l++) {
                    line.append(',');
                    ForecastCsvWriter.appendNumber(line, f.quantile(l, i, k));
                }
                out.write(line.append('\n').toString());
            }
        }
    }

    /** The actual of series {@code s} at a period, NaN when it has none (the prepared panel is regular). */
    private static double actualAt(Panel actuals, int s, int period) {
        if (s < 0 || actuals.length(s) == 0) {
            return Double.NaN;
        }
        int r = actuals.rowStart(s) + period - actuals.firstPeriod(s);
        return r >= actuals.rowStart(s) && r < actuals.rowEnd(s) && actuals.period(r) == period ? actuals.target(r) : Double.NaN;
    }

    /** The {@code metrics.json} tree. */
    public static ObjectNode metricsJson(BacktestRun run) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema_version", SCHEMA_VERSION);
        root.put("experiment", run.experiment());
        root.put("created_at", run.createdAt());
        root.put("frequency", run.plan().axis().frequency().label());
        root.put("season_length", run.seasonLength());
        root.put("horizon", run.plan().horizon());
        if (run.censored() >= 0) {
            root.put("censored_periods_excluded", run.censored());
        }
        ObjectNode bt = root.putObject("backtest");
        run.settings().forEach((k, v) -> bt.set(k, JSON.valueToTree(v)));
        ArrayNode windows = root.putArray("windows");
        for (int w = 0; w < run.plan().windows(); w++) {
            ObjectNode one = windows.addObject();
            one.put("window", w + 1);
            one.put("cutoff", run.plan().cutoffRange(w));
            one.put("series", run.plan().seriesIn(w).length);
        }
        ArrayNode models = root.putArray("models");
        for (Leaderboard.Entry e : run.leaderboard().entries()) {
            ModelScores s = e.scores();
            BacktestModel m = s.run().model();
            ObjectNode one = models.addObject();
            one.put("name", m.name());
            one.put("family", m.forecaster().family());
            one.put("role", m.role().label());
            one.put("source", m.source());
            one.set("parameters", JSON.valueToTree(m.forecaster().parameters()));
            one.put("rank", e.rank());
            number(one, "wall_seconds", s.run().wallSeconds());
            one.set("metrics", numbers(e.values()));
            one.set("volume_weighted", numbers(s.volumeWeighted()));
            one.set("file_weighted", numbers(s.fileWeighted()));
            ObjectNode byClass = one.putObject("by_class");
            s.byClass().forEach((c, values) -> byClass.set(c, numbers(values)));
            ArrayNode byWindow = one.putArray("by_window");
            for (int w = 0; w < s.byWindow().size(); w++) {
                ScoreResult r = s.byWindow().get(w);
                ObjectNode win = byWindow.addObject();
                win.put("window", w + 1);
                win.put("refitted", s.run().refitted().get(w));
                ObjectNode metrics = win.putObject("metrics");
                for (String name : MetricNames.POINT) {
                    number(metrics, name, MetricNames.of(r.aggregate(), name));
                }
                number(metrics, "wrmsse", r.aggregate().wrmsse());
                win.set("wrmsse_by_level", numbers(r.aggregate().wrmsseByLevel()));
                win.set("intervals", probabilistic(s.intervalsByWindow().get(w)));
                ProbabilisticSummary c = s.conformalByWindow().get(w);
                win.set("conformal", c == null ? null : probabilistic(c));
            }
            ArrayNode steps = one.putArray("error_by_step");
            for (double v : s.errorByStep()) {
                if (Double.isFinite(v)) {
                    steps.add(v);
                } else {
                    steps.addNull();
                }
            }
            ObjectNode intervals = one.putObject("intervals");
            intervals.set("model", probabilistic(s.modelIntervals()));
            intervals.set("conformal", s.conformalIntervals() == null ? null : probabilistic(s.conformalIntervals()));
            importance(one, s.run().importance());
            fits(one, s.run().fits());
            if (!s.serviceLevels().outcomes().isEmpty()) {
                one.set("service_levels", serviceLevels(s.serviceLevels()));
            }
        }
        if (run.gate() == null) {
            root.putNull("gate");
        } else {
            ObjectNode gate = root.putObject("gate");
            gate.put("passed", run.gate().passed());
            ArrayNode rules = gate.putArray("rules");
            run.gate().outcomes().forEach(o -> {
                ObjectNode rule = rules.addObject();
                rule.put("rule", o.ruleText());
                rule.put("model", o.model());
                rule.put("passed", o.passed());
                rule.put("reason", o.reason());
            });
            if (run.gate().note() != null) {
                gate.put("note", run.gate().note());
            }
        }
        return root;
    }

    /** A model's {@code fits}: the fit summary of each window it was fitted on; nothing when none has one. */
    private static void fits(ObjectNode model, List<Map<String, Object>> fits) {
        if (fits.stream().allMatch(Map::isEmpty)) {
            return;
        }
        ArrayNode a = model.putArray("fits");
        for (int w = 0; w < fits.size(); w++) {
            if (!fits.get(w).isEmpty()) {
                ObjectNode o = a.addObject();
                o.put("window", w + 1);
                o.setAll((ObjectNode) JSON.valueToTree(fits.get(w)));
            }
        }
    }

    /** A model's {@code importance} and, for linear models, {@code coefficients}; nothing when it has none. */
    private static void importance(ObjectNode model, List<FeatureImportance> importance) {
        if (importance.isEmpty()) {
            return;
        }
        ArrayNode shares = model.putArray("importance");
        importance.forEach(f -> {
            ObjectNode one = shares.addObject();
            one.put("feature", f.feature());
            number(one, "share", f.share());
        });
        if (importance.stream().anyMatch(f -> Double.isFinite(f.coefficient()))) {
            ArrayNode coefficients = model.putArray("coefficients");
            importance.forEach(f -> {
                ObjectNode one = coefficients.addObject();
                one.put("feature", f.feature());
                number(one, "coefficient", f.coefficient());
            });
        }
    }

    /** Writes {@code metrics.json}. */
    public static void writeMetrics(Path file, BacktestRun run) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(metricsJson(run)) + "\n", StandardCharsets.UTF_8);
    }

    /**
     * The policy simulation's outcomes: one object per policy, method and demand class ({@code all}
     * first), with the policy's settings and what it achieved.
     */
    private static ArrayNode serviceLevels(ServiceLevels levels) {
        ArrayNode out = JSON.createArrayNode();
        for (PolicyOutcome o : levels.outcomes()) {
            ObjectNode one = out.addObject();
            one.put("policy", o.policy().label());
            one.put("target", o.policy().targetsFillRate() ? "fill_rate" : "service_level");
            number(one, "target_value", o.policy().target());
            one.put("lead_time", o.policy().leadTime());
            one.put("review", o.policy().review());
            one.put("method", o.method());
            one.put("demand_class", o.demandClass());
            one.put("cycles", o.cycles());
            number(one, "achieved_service_level", o.serviceLevel());
            number(one, "fill_rate", o.fillRate());
            number(one, "average_stock", o.averageStock());
            number(one, "stockout_periods", o.stockoutPeriods());
            number(one, "mean_order_up_to", o.meanLevel());
        }
        return out;
    }

    private static ObjectNode probabilistic(ProbabilisticSummary p) {
        ObjectNode node = JSON.createObjectNode();
        ObjectNode pinball = node.putObject("pinball");
        ObjectNode scaledPinball = node.putObject("pinball_scaled");
        for (ProbabilisticSummary.LevelSummary l : p.levels()) {
            number(pinball, ForecastCsvWriter.quantileColumn(l.level()), l.pinball());
            number(scaledPinball, ForecastCsvWriter.quantileColumn(l.level()), l.scaledPinball());
        }
        number(node, "crps", p.crps());
        number(node, "crps_scaled", p.scaledCrps());
        ArrayNode intervals = node.putArray("central_intervals");
        for (IntervalSummary i : p.intervals()) {
            ObjectNode one = intervals.addObject();
            number(one, "nominal", i.nominal());
            number(one, "coverage", i.coverage());
            number(one, "mean_width", i.meanWidth());
            number(one, "mean_scaled_width", i.meanScaledWidth());
            one.put("n", i.n());
        }
        return node;
    }

    private static double[] nominals(Leaderboard board) {
        ProbabilisticSummary p = board.entries().get(0).scores().modelIntervals();
        return p.intervals().stream().mapToDouble(IntervalSummary::nominal).toArray();
    }

    private static ObjectNode numbers(Map<String, Double> values) {
        ObjectNode node = JSON.createObjectNode();
        values.forEach((k, v) -> number(node, k, v));
        return node;
    }

    private static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    private static String cell(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "";
    }
}
