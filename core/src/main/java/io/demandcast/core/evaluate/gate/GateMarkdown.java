package io.demandcast.core.evaluate.gate;

import io.demandcast.core.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The gate's outcomes as Markdown for a CI job summary (GitHub's {@code $GITHUB_STEP_SUMMARY},
 * a merge-request comment, or a file kept with the artifacts):
 * <pre>
 * ## Backtest gate: quickstart
 *
 * ❌ 1 of 2 gate checks failed
 *
 * | rule | model | result | detail |
 * |---|---|---|---|
 * | `{metric: rmsse, max: 0.9}` | `ets` | ❌ fail | rmsse 0.934 &gt; max 0.9 |
 * | `{metric: rmsse, max: 0.9}` | `theta` | ✅ pass | rmsse 0.85 &lt;= max 0.9 |
 *
 * ### Leaderboard
 *
 * (the leaderboard block, as given)
 * </pre>
 * A check is one rule on one model, so one rule on two candidates counts twice. Rows keep the
 * outcomes' order. Details are escaped so that they cannot break the table or start HTML.
 */
public final class GateMarkdown {

    private GateMarkdown() {
    }

    /**
     * Writes {@link #render} to {@code file} as UTF-8, atomically, creating the directory and
     * replacing an earlier file.
     */
    public static void write(Path file, String experiment, List<GateOutcome> outcomes, String leaderboard) throws IOException {
        AtomicFiles.writeText(file, render(experiment, outcomes, leaderboard));
    }

    /**
     * The summary.
     *
     * @param experiment  experiment name for the heading (null: none)
     * @param outcomes    the gate's outcomes; empty when no rule was given
     * @param leaderboard a Markdown block (usually a table, without heading) inserted verbatim under
     *                    {@code ### Leaderboard}; null or blank: no leaderboard section
     */
    public static String render(String experiment, List<GateOutcome> outcomes, String leaderboard) {
        StringBuilder md = new StringBuilder("## Backtest gate");
        if (experiment != null && !experiment.isBlank()) {
            md.append(": ").append(escape(experiment));
        }
        md.append("\n\n").append(verdict(outcomes)).append("\n");
        if (!outcomes.isEmpty()) {
            md.append("\n| rule | model | result | detail |\n|---|---|---|---|\n");
            for (GateOutcome o : outcomes) {
                md.append("| ").append(code(o.ruleText()))
                        .append(" | ").append(code(o.model()))
                        .append(" | ").append(o.passed() ? "✅ pass" : "❌ fail")
                        .append(" | ").append(escape(o.reason()))
                        .append(" |\n");
            }
        }
        if (leaderboard != null && !leaderboard.isBlank()) {
            md.append("\n### Leaderboard\n\n").append(leaderboard.strip()).append("\n");
        }
        return md.toString();
    }

    /** {@code ✅ all N gate checks passed}, {@code ❌ k of N gate checks failed}, or that none was made. */
    static String verdict(List<GateOutcome> outcomes) {
        int n = outcomes.size();
        long failed = outcomes.stream().filter(o -> !o.passed()).count();
        if (n == 0) {
            return "No gate rules were given: nothing was checked.";
        }
        String checks = n == 1 ? "gate check" : "gate checks";
        if (failed == 0) {
            return n == 1 ? "✅ the gate check passed" : "✅ all " + n + " " + checks + " passed";
        }
        return "❌ " + failed + " of " + n + " " + checks + " failed";
    }

    /** {@code s} as an inline code span that survives a table cell. */
    private static String code(String s) {
        String text = oneLine(s).replace("|", "\\|");
        String fence = text.contains("`") ? "``" : "`";
        String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
        return fence + pad + text + pad + fence;
    }

    /**
     * {@code s} as plain text in a table cell: {@code | \ ` * [ ]} escaped, {@code _} unless inside a
     * word, {@code <} and {@code &} where they could start a tag or an entity; the rest stays
     * readable ({@code 0.85 <= max 0.9}, {@code seasonal_naive}).
     */
    private static String escape(String s) {
        String text = oneLine(s);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
            char previous = i > 0 ? text.charAt(i - 1) : ' ';
            switch (c) {
                case '<' -> sb.append(Character.isLetter(next) || next == '/' || next == '!' || next == '?' ? "&lt;" : "<");
                case '&' -> sb.append(Character.isLetterOrDigit(next) || next == '#' ? "&amp;" : "&");
                case '_' -> sb.append(Character.isLetterOrDigit(previous) && Character.isLetterOrDigit(next) ? "_" : "\\_");
                case '\\', '|', '`', '*', '[', ']' -> sb.append('\\').append(c);
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
