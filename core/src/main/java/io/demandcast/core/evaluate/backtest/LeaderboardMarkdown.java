package io.demandcast.core.evaluate.backtest;

import java.util.List;
import java.util.Locale;

/** The leaderboard as a Markdown table (the columns of {@link LeaderboardTable}), for CI job summaries. */
public final class LeaderboardMarkdown {
    private LeaderboardMarkdown() {
    }

    public static String render(Leaderboard board) {
        List<String> cols = LeaderboardTable.columns(board);
        StringBuilder out = new StringBuilder("| # | model | role |");
        StringBuilder rule = new StringBuilder("|---:|---|---|");
        for (String c : cols) {
            out.append(' ').append(c).append(" |");
            rule.append("---:|");
        }
        out.append('\n').append(rule).append('\n');
        for (Leaderboard.Entry e : board.entries()) {
            out.append("| ").append(e.rank()).append(" | ").append(e.name().replace("|", "\\|")).append(" | ")
                    .append(e.role().label()).append(" |");
            for (String c : cols) {
                double v = e.value(c);
                out.append(' ').append(!Double.isFinite(v) ? "n/a" : c.equals("wall_seconds")
                        ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.4f", v)).append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }
}
