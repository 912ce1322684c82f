package io.demandcast.core.tune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.demandcast.core.AtomicFiles;
import io.demandcast.core.model.ForecastCsvWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The files of a search, rewritten whole after every candidate (the directory replaced as one, through
 * {@link AtomicFiles#replaceDirectory}), so an interrupted search leaves the leaderboard found so far:
 * {@code leaderboard.csv}, {@code leaderboard.md} and {@code search.json}.
 */
public final class TuneFiles {
    public static final String LEADERBOARD_CSV = "leaderboard.csv";
    public static final String LEADERBOARD_MD = "leaderboard.md";
    public static final String SEARCH_JSON = "search.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TuneFiles() {
    }

    /** Most windows first, then lower score, failures last, ties by candidate id. */
    public static List<CandidateResult> ranked(List<CandidateResult> results) {
        List<CandidateResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingInt(CandidateResult::windows).reversed()
                .thenComparingDouble(CandidateResult::sortScore)
                .thenComparing(r -> r.candidate().id()));
        return sorted;
    }

    /**
     * @param ranked  the results, best first
     * @param metric  the ranking metric
     * @param columns the other leaderboard values, in column order
     * @param windows windows of the backtest (one column of the metric per window)
     * @param search  the content of {@code search.json}
     */
    public static void write(Path dir, String title, List<CandidateResult> ranked, String metric, List<String> columns, int windows,
                             Map<String, Object> search) throws IOException {
        // The three files describe one state of the search: replaced together, never one new beside two old.
        AtomicFiles.replaceDirectory(dir, LEADERBOARD_CSV, "a tune output", tmp -> writeInto(tmp, title, ranked, metric, columns, windows,
                search));
    }

    private static void writeInto(Path dir, String title, List<CandidateResult> ranked, String metric, List<String> columns, int windows,
                                  Map<String, Object> search) throws IOException {
        AtomicFiles.write(dir.resolve(LEADERBOARD_CSV), out -> {
            List<String> header = new ArrayList<>(List.of("rank", "candidate", "family", "params", "status", "windows", metric));
            header.addAll(columns);
            for (int w = 1; w <= windows; w++) {
                header.add(metric + "_w" + w);
            }
            header.add("fit_seconds");
            header.add("note");
            out.write(String.join(",", header) + "\n");
            for (int i = 0; i < ranked.size(); i++) {
                CandidateResult r = ranked.get(i);
                List<String> row = new ArrayList<>(List.of(Integer.toString(i + 1), r.candidate().id(), r.candidate().family(),
                        ForecastCsvWriter.csvCell(r.candidate().paramsJson()), r.status(), Integer.toString(r.windows()), exact(r.score())));
                for (String c : columns) {
                    row.add(exact(r.values().getOrDefault(c, Double.NaN)));
                }
                for (int w = 0; w < windows; w++) {
                    row.add(w < r.perWindow().length ? exact(r.perWindow()[w]) : "");
                }
                row.add(String.format(Locale.ROOT, "%.3f", r.fitSeconds()));
                row.add(ForecastCsvWriter.csvCell(r.note()));
                out.write(String.join(",", row) + "\n");
            }
        });
        AtomicFiles.write(dir.resolve(LEADERBOARD_MD), out -> out.write(markdown(title, ranked, metric)));
        AtomicFiles.write(dir.resolve(SEARCH_JSON), out -> out.write(JSON.writeValueAsString(search) + "\n"));
    }

    /** The leaderboard as a Markdown table (also the top of the CLI summary). */
    public static String markdown(String title, List<CandidateResult> ranked, String metric) {
        StringBuilder sb = new StringBuilder("# " + title + "\n\n");
        String skill = "skill_" + metric;
        sb.append("| rank | candidate | family | params | status | windows | ").append(metric).append(" | ")
                .append(skill).append(" | fit s |\n");
        sb.append("|---:|---|---|---|---|---:|---:|---:|---:|\n");
        for (int i = 0; i < ranked.size(); i++) {
            CandidateResult r = ranked.get(i);
            sb.append("| ").append(i + 1).append(" | ").append(r.candidate().id()).append(" | ").append(r.candidate().family())
                    .append(" | `").append(r.candidate().paramsJson().replace("|", "\\|")).append("` | ").append(r.status())
                    .append(" | ").append(r.windows()).append(" | ").append(readable(r.score()))
                    .append(" | ").append(readable(r.values().getOrDefault(skill, Double.NaN)))
                    .append(" | ").append(String.format(Locale.ROOT, "%.2f", r.fitSeconds())).append(" |\n");
        }
        return sb.toString();
    }

    /** Four significant digits, or a dash. */
    static String readable(double v) {
        if (!Double.isFinite(v)) {
            return "-";
        }
        return v == 0 ? "0" : new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static String exact(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        return v == 0 ? "0" : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
