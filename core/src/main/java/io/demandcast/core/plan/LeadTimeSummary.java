package io.demandcast.core.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code predict --lead-time} wrote: the interval, how many paths, and how many series each
 * method estimated.
 *
 * @param methods series count per method, in first-seen order
 */
public record LeadTimeSummary(int leadTime, int reviewPeriod, int paths, long seed, List<Double> quantiles, Map<String, Integer> methods) {

    public LeadTimeSummary {
        quantiles = List.copyOf(quantiles);
        methods = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(methods));
    }

    /** Counts the methods of {@code rows}. */
    public static LeadTimeSummary of(LeadTimeRequest request, double[] levels, List<LeadTimeForecast> rows) {
        Map<String, Integer> methods = new LinkedHashMap<>();
        rows.forEach(r -> methods.merge(r.method(), 1, Integer::sum));
        return new LeadTimeSummary(request.leadTime(), request.reviewPeriod(), request.paths(), request.seed(),
                java.util.Arrays.stream(levels).boxed().toList(), methods);
    }

    /** e.g. {@code lead time 7 + review 0 periods, 1000 paths (seed 42): ets_simulation 12, willemain_bootstrap 8}. */
    public String text() {
        StringBuilder sb = new StringBuilder("lead time ").append(leadTime).append(" + review ").append(reviewPeriod)
                .append(" periods, ").append(paths).append(" paths (seed ").append(seed).append(")");
        String sep = ": ";
        for (Map.Entry<String, Integer> e : methods.entrySet()) {
            sb.append(sep).append(e.getKey()).append(' ').append(e.getValue());
            sep = ", ";
        }
        return sb.toString();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lead_time", leadTime);
        m.put("review_period", reviewPeriod);
        m.put("paths", paths);
        m.put("seed", seed);
        m.put("quantiles", quantiles);
        m.put("methods", methods);
        return m;
    }
}
