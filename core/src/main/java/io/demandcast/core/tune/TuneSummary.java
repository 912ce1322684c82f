package io.demandcast.core.tune;

import io.demandcast.core.model.TrainSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code tune} did.
 *
 * @param name       experiment name
 * @param output     directory of the leaderboard
 * @param metric     ranking metric
 * @param windows    backtest windows
 * @param ranked     every candidate's result, best first
 * @param notes      how candidates were drawn and which budgets stopped the search
 * @param published  the best model's artifact
 * @param seconds    wall time of the whole search
 */
public record TuneSummary(String name, Path output, String metric, int windows, List<CandidateResult> ranked, List<String> notes,
                          TrainSummary published, double seconds) {

    /** Rows of the leaderboard shown in {@link #text()}. */
    static final int SHOWN = 5;

    public TuneSummary {
        ranked = List.copyOf(ranked);
        notes = List.copyOf(notes);
    }

    public CandidateResult best() {
        return ranked.get(0);
    }

    public long count(String statusPrefix) {
        return ranked.stream().filter(r -> r.status().startsWith(statusPrefix)).count();
    }

    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "tune: %d candidates scored by %s over %d window(s) in %.1f s (%d complete, %d dropped by halving, "
                        + "%d stopped by the time budget, %d failed)%n", ranked.size(), metric, windows, seconds, count("complete"),
                count("dropped"), count("stopped"), count("failed")));
        for (String note : notes) {
            sb.append("tune: ").append(note).append(System.lineSeparator());
        }
        for (int i = 0; i < Math.min(SHOWN, ranked.size()); i++) {
            CandidateResult r = ranked.get(i);
            sb.append(String.format(Locale.ROOT, "tune: %2d. %-5s %-24s %s %s, %s on %d window(s) %s%n", i + 1, r.candidate().id(),
                    r.candidate().family(), metric, TuneFiles.readable(r.score()), r.status(), r.windows(), r.candidate().paramsJson()));
        }
        sb.append("tune: leaderboard: ").append(output.resolve(TuneFiles.LEADERBOARD_CSV)).append(" (and ")
                .append(TuneFiles.LEADERBOARD_MD).append(", ").append(TuneFiles.SEARCH_JSON).append(")").append(System.lineSeparator());
        sb.append("tune: best ").append(best().candidate().id()).append(" refitted and ").append(published.text().replaceFirst("^train: ", ""));
        return sb.toString();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("output", output.toString());
        m.put("metric", metric);
        m.put("windows", windows);
        m.put("seconds", seconds);
        m.put("notes", notes);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            CandidateResult r = ranked.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", i + 1);
            row.put("candidate", r.candidate().id());
            row.put("family", r.candidate().family());
            row.put("params", r.candidate().params());
            row.put("status", r.status());
            row.put("windows", r.windows());
            row.put(metric, Double.isFinite(r.score()) ? r.score() : null);
            row.put("fit_seconds", r.fitSeconds());
            rows.add(row);
        }
        m.put("leaderboard", rows);
        m.put("best", ranked.get(0).candidate().id());
        m.put("published", published.toMap());
        return m;
    }
}
