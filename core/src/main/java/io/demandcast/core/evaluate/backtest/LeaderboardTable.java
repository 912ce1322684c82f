package io.demandcast.core.evaluate.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The leaderboard as an aligned plain-text table for people (stderr): rank, model, role and the
 * columns that say most, in this order when the run has them: the ranking metric, RMSSE, WRMSSE,
 * MASE, sMAPE, the 80 % (else first) interval's coverage for model and conformal intervals, scaled
 * CRPS, skill in the ranking metric and wall time. Undefined values show {@code n/a}.
 */
public final class LeaderboardTable {
    private LeaderboardTable() {
    }

    /** The columns shown for a leaderboard. */
    public static List<String> columns(Leaderboard board) {
        List<String> names = board.valueNames();
        List<String> cols = new ArrayList<>();
        for (String c : List.of(board.rankedBy(), "rmsse", "wrmsse", "mase", "smape")) {
            if (names.contains(c) && !cols.contains(c)) {
                cols.add(c);
            }
        }
        String coverage = names.contains("coverage_80") ? "coverage_80"
                : names.stream().filter(n -> n.startsWith("coverage_") && !n.endsWith("_conformal")).findFirst().orElse(null);
        if (coverage != null) {
            cols.add(coverage);
            if (names.contains(coverage + "_conformal")) {
                cols.add(coverage + "_conformal");
            }
        }
        for (String c : List.of("crps_scaled", "skill_" + board.rankedBy(), "wall_seconds")) {
            if (names.contains(c) && !cols.contains(c)) {
                cols.add(c);
            }
        }
        return cols;
    }

    public static String render(Leaderboard board) {
        List<String> cols = columns(board);
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("#", "model", "role"));
        header.addAll(cols);
        rows.add(header.toArray(String[]::new));
        for (Leaderboard.Entry e : board.entries()) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(e.rank()), e.name(), e.role().label()));
            for (String c : cols) {
                double v = e.value(c);
                row.add(!Double.isFinite(v) ? "n/a" : c.equals("wall_seconds") ? String.format(Locale.ROOT, "%.1f", v)
                        : String.format(Locale.ROOT, "%.4f", v));
            }
            rows.add(row.toArray(String[]::new));
        }
        int[] width = new int[header.size()];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                String cell = i == 1 || i == 2 ? String.format(Locale.ROOT, "%-" + width[i] + "s", r[i])
                        : String.format(Locale.ROOT, "%" + width[i] + "s", r[i]);
                line.append(i == 0 ? "" : "  ").append(cell);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
