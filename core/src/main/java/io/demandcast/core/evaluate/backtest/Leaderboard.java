package io.demandcast.core.evaluate.backtest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The models of one backtest ranked by one metric (lower first; undefined last), each with its
 * leaderboard values and its skill against the seasonal-naive baseline: {@code skill_<m> = 1 −
 * m(model) / m(seasonal naive)} for the lower-is-better metrics of {@link MetricNames#SKILL}, so
 * 0.1 means 10 % lower error than seasonal naive and a negative skill means worse.
 */
public final class Leaderboard {
    private final String rankedBy;
    private final List<Entry> entries;

    /** One model's row: rank from 1, its scores, and its values including skills. */
    public record Entry(int rank, ModelScores scores, Map<String, Double> values) {
        public String name() {
            return scores.name();
        }

        public BacktestModel.Role role() {
            return scores.run().model().role();
        }

        public double value(String metric) {
            Double v = values.get(metric);
            return v == null ? Double.NaN : v;
        }
    }

    private Leaderboard(String rankedBy, List<Entry> entries) {
        this.rankedBy = rankedBy;
        this.entries = List.copyOf(entries);
    }

    /**
     * @param rankBy metric to sort by
     * @throws IllegalArgumentException when no model is the baseline
     */
    public static Leaderboard of(List<ModelScores> scores, String rankBy) {
        ModelScores baseline = scores.stream().filter(s -> s.run().model().role() == BacktestModel.Role.BASELINE)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("a leaderboard needs the seasonal naive baseline"));
        List<ModelScores> sorted = new ArrayList<>(scores);
        sorted.sort(Comparator.comparingDouble((ModelScores s) -> {
            double v = s.metric(rankBy);
            return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
        }));
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            ModelScores s = sorted.get(i);
            Map<String, Double> values = new LinkedHashMap<>(s.overall());
            for (String m : MetricNames.SKILL) {
                double own = s.metric(m);
                double base = baseline.metric(m);
                if (s.overall().containsKey(m) && baseline.overall().containsKey(m)) {
                    values.put("skill_" + m, Double.isFinite(own) && base > 0 ? 1 - own / base : Double.NaN);
                }
            }
            values.put("wall_seconds", s.run().wallSeconds());
            entries.add(new Entry(i + 1, s, values));
        }
        return new Leaderboard(rankBy, entries);
    }

    public String rankedBy() {
        return rankedBy;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Every value name any row holds, in first-seen order. */
    public List<String> valueNames() {
        LinkedHashMap<String, Boolean> names = new LinkedHashMap<>();
        entries.forEach(e -> e.values().keySet().forEach(k -> names.put(k, true)));
        return List.copyOf(names.keySet());
    }

    /** The row of a model, or null. */
    public Entry entry(String model) {
        return entries.stream().filter(e -> e.name().equals(model)).findFirst().orElse(null);
    }
}
