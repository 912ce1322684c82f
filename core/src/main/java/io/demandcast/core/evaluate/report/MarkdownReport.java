package io.demandcast.core.evaluate.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The report as Markdown: title, run facts, the leaderboard table (four significant digits, "–" for
 * an undefined value), the gate outcomes when there is a gate, and the notes.
 */
final class MarkdownReport {
    private static final String DASH = "–";
    private static final Pattern TAG_START = Pattern.compile("<(?=[A-Za-z/!?])");

    private MarkdownReport() {
    }

    static String render(ReportData data) {
        StringBuilder md = new StringBuilder();
        md.append("# Backtest report: ").append(text(data.experiment())).append("\n\n");
        for (RunFacts.Fact fact : RunFacts.of(data)) {
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
            md.append("## Gate: ").append(failed == 0 ? "passed" : "failed (" + failed + " of " + data.gate().size()
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

        if (!data.notes().isEmpty()) {
            md.append("## Notes\n\n");
            data.notes().forEach(note -> md.append("- ").append(text(note)).append('\n'));
            md.append('\n');
        }
        md.append("Charts of example series, errors and interval coverage are in `report.html`.\n");
        return md.toString();
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
