package io.demandcast.core.evaluate.report;

import io.demandcast.core.model.FeatureImportance;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The report as Markdown: title, run facts, the leaderboard table (four significant digits, "–" for
 * an undefined value), the gate outcomes when there is a gate, the feature importance of the models
 * that have one, and the notes.
 */
final class MarkdownReport {
    private static final String DASH = "–";
    /** Features listed per model. */
    static final int TOP_FEATURES = 15;
    static final String IMPORTANCE_TEXT = "What drives each model that can explain itself (the global ML families), as fitted on"
            + " the last backtest window (the most recent data). Share: the feature's part of the model's importance (trees:"
            + " total split gain; linear models: |standardised coefficient|), averaged over the model's regressors."
            + " Standardised coefficient: the change of the model's scaled target for one standard deviation of the feature.";
    private static final Pattern TAG_START = Pattern.compile("<(?=[A-Za-z/!?])");

    private MarkdownReport() {
    }

    static String render(ReportData data) {
        return render(data, ReportHeading.backtest(data));
    }

    static String render(ReportData data, ReportHeading heading) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(text(heading.title())).append(": ").append(text(data.experiment())).append("\n\n");
        if (heading.lead() != null) {
            md.append(text(heading.lead())).append("\n\n");
        }
        for (ReportHeading.Fact fact : heading.facts()) {
            md.append("- **").append(fact.label()).append(":** ").append(text(fact.value())).append('\n');
        }
        md.append('\n');

        md.append("## Leaderboard\n\n");
        if (data.leaderboard().isEmpty()) {
            md.append("No model was scored.\n\n");
        } else {
            leaderboard(data, md);
        }

        if (!data.gate().isEmpty()) {
            long failed = data.gate().stream().filter(g -> !g.passed()).count();
            md.append("## ").append(text(heading.checks())).append(": ").append(failed == 0 ? "passed" : "failed (" + failed + " of " + data.gate().size()
                    + " checks)").append("\n\n");
            for (GateLine line : data.gate()) {
                md.append("- ").append(line.passed() ? "✅" : "❌").append(" `").append(code(line.rule()))
                        .append("` on ").append(text(line.model()));
                if (!line.detail().isBlank()) {
                    md.append(": ").append(text(line.detail()));
                }
                md.append('\n');
            }
            md.append('\n');
        }

        if (!data.policies().isEmpty()) {
            serviceLevels(data, md);
        }

        if (!data.importance().isEmpty()) {
            importance(data, md);
        }

        data.sections().forEach(section -> section(section, md));

        if (!data.notes().isEmpty()) {
            md.append("## Notes\n\n");
            data.notes().forEach(note -> md.append("- ").append(text(note)).append('\n'));
            md.append('\n');
        }
        md.append("Charts of example series, errors and interval coverage are in `report.html`.\n");
        return md.toString();
    }

    /**
     * The top {@link #TOP_FEATURES} features of each model that can explain itself, with their share
     * and, for linear models, standardised coefficient.
     */
    private static void importance(ReportData data, StringBuilder md) {
        md.append("## Feature importance\n\n");
        md.append(IMPORTANCE_TEXT).append("\n\n");
        for (Map.Entry<String, List<FeatureImportance>> e : data.importance().entrySet()) {
            List<FeatureImportance> features = e.getValue();
            boolean linear = features.stream().anyMatch(f -> Double.isFinite(f.coefficient()));
            md.append("### ").append(text(e.getKey())).append("\n\n");
            md.append(linear ? "| rank | feature | share | standardised coefficient |\n| ---: | --- | ---: | ---: |\n"
                    : "| rank | feature | share |\n| ---: | --- | ---: |\n");
            for (int i = 0; i < Math.min(TOP_FEATURES, features.size()); i++) {
                FeatureImportance f = features.get(i);
                md.append("| ").append(i + 1).append(" | ").append(text(f.feature())).append(" | ").append(share(f.share()))
                        .append(" |");
                if (linear) {
                    md.append(' ').append(Numbers.readable(f.coefficient(), DASH)).append(" |");
                }
                md.append('\n');
            }
            if (features.size() > TOP_FEATURES) {
                md.append("\n").append(features.size() - TOP_FEATURES).append(" more features in `")
                        .append(ReportWriter.IMPORTANCE_CSV).append("`.\n");
            }
            md.append('\n');
        }
    }

    /** A further section: heading, paragraphs, tables. */
    private static void section(ReportSection section, StringBuilder md) {
        md.append("## ").append(text(section.title())).append("\n\n");
        section.paragraphs().forEach(p -> md.append(text(p)).append("\n\n"));
        for (ReportSection.Table table : section.tables()) {
            if (!table.caption().isBlank()) {
                md.append(text(table.caption())).append("\n\n");
            }
            table(md, table.header(), table.rows(), table.textColumns());
        }
    }

    /** The policy outcomes per model with the normal baseline, and per demand class for the best model. */
    private static void serviceLevels(ReportData data, StringBuilder md) {
        md.append("## Service levels\n\n").append(ServiceLevelTable.EXPLANATION).append("\n\n");
        table(md, ServiceLevelTable.HEADER, ServiceLevelTable.overall(data), 3);
        List<List<String>> byClass = ServiceLevelTable.byClass(data);
        if (!byClass.isEmpty()) {
            md.append("By demand class, ").append(text(ServiceLevelTable.bestModel(data))).append(":\n\n");
            table(md, ServiceLevelTable.CLASS_HEADER, byClass, 3);
        }
    }

    /** A Markdown table whose first {@code textColumns} columns are left-aligned, the rest right-aligned. */
    private static void table(StringBuilder md, List<String> header, List<List<String>> rows, int textColumns) {
        md.append('|');
        header.forEach(h -> md.append(' ').append(text(h)).append(" |"));
        md.append("\n|");
        for (int i = 0; i < header.size(); i++) {
            md.append(i < textColumns ? " --- |" : " ---: |");
        }
        md.append('\n');
        for (List<String> row : rows) {
            md.append('|');
            row.forEach(c -> md.append(' ').append(text(c)).append(" |"));
            md.append('\n');
        }
        md.append('\n');
    }

    /** A share as a percentage with one decimal, e.g. {@code 12.3%}. */
    static String share(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** The leaderboard table (and the skill note) alone, e.g. for a CI job summary. */
    static String leaderboard(ReportData data) {
        StringBuilder md = new StringBuilder();
        leaderboard(data, md);
        return md.toString();
    }

    private static void leaderboard(ReportData data, StringBuilder md) {
        List<String> header = new ArrayList<>(List.of("rank", "model", "family", "role"));
        header.addAll(data.metricNames());
        md.append('|');
        header.forEach(h -> md.append(' ').append(text(h)).append(" |"));
        md.append("\n|");
        for (int i = 0; i < header.size(); i++) {
            md.append(i == 0 || i >= 4 ? " ---: |" : " --- |");
        }
        md.append('\n');
        int[] decimals = Numbers.metricDecimals(data);
        for (LeaderboardRow row : data.leaderboard()) {
            md.append("| ").append(row.rank()).append(" | ").append(text(row.model())).append(" | ")
                    .append(text(row.family())).append(" | ")
                    .append(row.role().equals(LeaderboardRow.CANDIDATE) ? "" : row.role()).append(" |");
            for (int m = 0; m < decimals.length; m++) {
                md.append(' ').append(Numbers.fixed(row.metric(data.metricNames().get(m)), decimals[m], DASH))
                        .append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
        if (data.metricNames().stream().anyMatch(MetricGuide::isSkill)) {
            md.append("Skill = 1 − model error / seasonal naive error: positive beats the seasonal naive baseline,"
                    + " negative is worse.\n\n");
        }
    }

    /**
     * Text for a table cell or a list item: one line, pipes escaped, and a {@code <} that could open
     * an HTML tag written as {@code &lt;} (so {@code 0.74 < 0.75} stays readable as it is).
     */
    static String text(String s) {
        return TAG_START.matcher(s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " "))
                .replaceAll("&lt;");
    }

    /** Text inside backticks: backticks and line breaks cannot appear there. */
    private static String code(String s) {
        return s.replace('`', '\'').replace("\r", " ").replace("\n", " ");
    }
}
