package io.demandcast.core.evaluate.backtest;

import io.demandcast.core.evaluate.gate.GateOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code evaluate} did: the run, where its files are, which series fell back to a simpler
 * family per model ({@code fitReports}), the table for people and the JSON summary.
 */
public record BacktestSummary(BacktestRun run, Path output, List<Path> files, FitReports fitReports,
                              Map<String, Object> elasticity) {

    public BacktestSummary {
        files = List.copyOf(files);
        fitReports = fitReports == null ? new FitReports(Map.of()) : fitReports;
    }

    /** A summary without fit reports. */
    public BacktestSummary(BacktestRun run, Path output, List<Path> files) {
        this(run, output, files, null, null);
    }

    /** True when there is no gate or every rule passed. */
    public boolean gatePassed() {
        return run.gate() == null || run.gate().passed();
    }

    /** The failed rules, one line each: {@code <model>: <rule>: <reason>}. */
    public List<String> gateFailures() {
        return run.gate() == null ? List.of()
                : run.gate().failures().stream().map(o -> o.model() + ": " + o.ruleText() + ": " + o.reason()).toList();
    }

    /** The leaderboard table, then one line on what ran and where it went. */
    public String text() {
        BacktestPlan plan = run.plan();
        StringBuilder out = new StringBuilder(LeaderboardTable.render(run.leaderboard()));
        out.append("evaluate: ").append(run.leaderboard().entries().size()).append(" models, ").append(plan.windows())
                .append(" window(s) x ").append(plan.seriesCount()).append(" series, horizon ").append(plan.horizon())
                .append(", ranked by ").append(run.leaderboard().rankedBy());
        if (run.censored() >= 0) {
            out.append("; ").append(run.censored()).append(" out-of-stock period(s) left out of every metric");
        }
        out.append("; wrote ").append(output);
        for (String line : fitReports.lines()) {
            out.append("\nfit: ").append(line).append("; see ").append(output.resolve(io.demandcast.core.model.FitReport.FILE));
        }
        if (run.gate() != null) {
            long failed = run.gate().failures().size();
            out.append("\ngate: ").append(failed == 0 ? "passed (" + run.gate().outcomes().size() + " checks)"
                    : failed + " of " + run.gate().outcomes().size() + " checks failed");
            if (run.gate().note() != null) {
                out.append("; ").append(run.gate().note());
            }
        }
        return out.toString();
    }

    /** The {@code --json} summary (snake_case keys; undefined numbers are null). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("experiment", run.experiment());
        m.put("series", run.plan().seriesCount());
        m.put("horizon", run.plan().horizon());
        m.put("windows", run.plan().windows());
        m.put("ranked_by", run.leaderboard().rankedBy());
        if (run.censored() >= 0) {
            m.put("censored_periods_excluded", run.censored());
        }
        m.put("output", output.toString());
        m.put("files", files.stream().map(Path::toString).toList());
        List<Map<String, Object>> board = new ArrayList<>();
        for (Leaderboard.Entry e : run.leaderboard().entries()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", e.rank());
            row.put("model", e.name());
            row.put("family", e.scores().run().model().forecaster().family());
            row.put("role", e.role().label());
            Map<String, Object> values = new LinkedHashMap<>();
            e.values().forEach((k, v) -> values.put(k, Double.isFinite(v) ? v : null));
            row.put("metrics", values);
            board.add(row);
        }
        m.put("leaderboard", board);
        if (run.gate() == null) {
            m.put("gate", null);
        } else {
            Map<String, Object> gate = new LinkedHashMap<>();
            gate.put("passed", run.gate().passed());
            List<Map<String, Object>> rules = new ArrayList<>();
            for (GateOutcome o : run.gate().outcomes()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("rule", o.ruleText());
                r.put("model", o.model());
                r.put("passed", o.passed());
                r.put("reason", o.reason());
                rules.add(r);
            }
            gate.put("rules", rules);
            gate.put("note", run.gate().note());
            m.put("gate", gate);
        }
        m.put("fallbacks", fitReports.toMap());
        if (elasticity != null) {
            m.put("elasticity", elasticity);
        }
        return m;
    }
}
