package io.demandcast.core.evaluate.backtest;

import io.demandcast.core.config.GateRule;
import io.demandcast.core.evaluate.gate.GateOutcome;
import io.demandcast.core.model.FitOutcome;
import io.demandcast.core.model.FitReport;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The fit reports of an evaluation: per model, the outcomes of the model fitted on the last refit
 * window (the most recent data, the fit {@code train} would make next), written as one
 * {@code fit_report.csv} with a leading {@code model} column, and checked against
 * {@code train.max_fallback_share} as gate checks of the candidates.
 *
 * @param byModel per leaderboard model name, in the run's model order
 */
public record FitReports(Map<String, FitReport> byModel) {
    /** The rule text of the fallback check in gate lines, JUnit and summaries. */
    static final String RULE_KEY = "max_fallback_share";

    public FitReports {
        byModel = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byModel));
    }

    /** The reports of the runs, in {@code models} order (models without a run are left out). */
    static FitReports of(List<BacktestModel> models, List<ModelRun> runs) {
        Map<String, FitReport> m = new LinkedHashMap<>();
        for (BacktestModel model : models) {
            runs.stream().filter(r -> r.model().name().equals(model.name())).findFirst()
                    .ifPresent(r -> m.put(model.name(), new FitReport(r.lastFit())));
        }
        return new FitReports(m);
    }

    /**
     * One gate check per candidate: its share of series that fell back against {@code maxShare};
     * none when {@code maxShare} is null.
     */
    List<GateOutcome> check(Double maxShare, List<BacktestModel> models) {
        List<GateOutcome> out = new ArrayList<>();
        if (maxShare == null) {
            return out;
        }
        String ruleText = "{" + RULE_KEY + ": " + plain(maxShare) + "}";
        for (BacktestModel model : models) {
            FitReport report = byModel.get(model.name());
            if (model.role() != BacktestModel.Role.CANDIDATE || report == null) {
                continue;
            }
            double share = report.fallbackShare();
            boolean passed = share <= maxShare;
            String reason = String.format(Locale.ROOT, "%d of %d series fell back (share %s %s max %s)", report.fallbackCount(),
                    report.seriesCount(), plain(share), passed ? "<=" : ">", plain(maxShare));
            out.add(new GateOutcome(new GateRule("fallback_share", maxShare, null, null, null, null, null, model.name(), null),
                    ruleText, model.name(), passed, reason));
        }
        return out;
    }

    /** Writes {@value FitReport#FILE}: {@code model,series_id,family_asked,family_used,reason}. */
    void write(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                     .setHeader(FitReport.header("model")).setRecordSeparator('\n').get())) {
            for (Map.Entry<String, FitReport> e : byModel.entrySet()) {
                for (FitOutcome o : e.getValue().outcomes()) {
                    List<String> row = new ArrayList<>(FitReport.row(o));
                    row.add(0, e.getKey());
                    csv.printRecord(row);
                }
            }
        }
    }

    /** Per model that fell back at all: {@code <model>: <FitReport#summary>}. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        byModel.forEach((name, r) -> {
            if (r.fallbackCount() > 0) {
                out.add(name + ": " + r.summary());
            }
        });
        return out;
    }

    /** For {@code --json}: per model, {@code {count, share, by_reason}}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        byModel.forEach((name, r) -> m.put(name, r.toMap()));
        return m;
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
