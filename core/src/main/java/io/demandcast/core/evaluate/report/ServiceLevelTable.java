package io.demandcast.core.evaluate.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The cells of the report's service-level tables, shared by the Markdown and HTML renderings: the
 * outcome of every policy over all cycles per model, the model's (bootstrap) row followed by its
 * normal-approximation baseline; and per demand class for the best-ranked model.
 */
final class ServiceLevelTable {
    static final List<String> HEADER = List.of("model", "policy", "level from", "cycles", "achieved CSL", "fill rate",
            "avg stock", "stockout periods / cycle", "mean S");
    static final List<String> CLASS_HEADER = List.of("demand class", "policy", "level from", "cycles", "achieved CSL", "fill rate",
            "avg stock", "stockout periods / cycle", "mean S");
    static final String EXPLANATION = "Each backtest window after the first starts one replenishment cycle per series with"
            + " stock at the order-up-to level S, set at the window's cutoff from the model's forecast over the protection"
            + " interval (lead time + review) and the errors of earlier windows known by then (bootstrap), or from the"
            + " normal approximation (forecast, sigma_1 sqrt(P)) as the baseline; the cycle is then replayed on the actual"
            + " demand. Achieved CSL: share of cycles whose demand did not exceed S (target in the policy's name). Fill rate:"
            + " 1 - units short / units demanded. Avg stock: mean on-hand units at the end of a period."
            + " Stockout periods: periods ending with unmet demand.";
    private static final String DASH = "–";

    private ServiceLevelTable() {
    }

    /** One row per model, policy and method over every cycle, models in rank order. */
    static List<List<String>> overall(ReportData data) {
        List<List<String>> rows = new ArrayList<>();
        for (PolicyRow r : data.policies()) {
            if (r.demandClass().equals("all")) {
                rows.add(cells(r.model(), r));
            }
        }
        return rows;
    }

    /** The best-ranked model's rows per demand class; empty when there is only one class. */
    static List<List<String>> byClass(ReportData data) {
        List<List<String>> rows = new ArrayList<>();
        String best = bestModel(data);
        long classes = data.policies().stream().filter(r -> r.model().equals(best) && !r.demandClass().equals("all"))
                .map(PolicyRow::demandClass).distinct().count();
        if (classes < 2) {
            return rows;
        }
        for (PolicyRow r : data.policies()) {
            if (r.model().equals(best) && !r.demandClass().equals("all")) {
                rows.add(cells(r.demandClass(), r));
            }
        }
        return rows;
    }

    /** The best-ranked model with policy outcomes, or null. */
    static String bestModel(ReportData data) {
        return data.policies().stream().min(java.util.Comparator.comparingInt(PolicyRow::rank)).map(PolicyRow::model).orElse(null);
    }

    private static List<String> cells(String first, PolicyRow r) {
        return List.of(first, r.targetText(), r.method().equals("normal") ? "normal baseline" : "bootstrap of errors",
                Integer.toString(r.cycles()), percent(r.serviceLevel()), percent(r.fillRate()), Numbers.readable(r.averageStock(), DASH),
                Numbers.fixed(r.stockoutPeriods(), 3, DASH), Numbers.readable(r.meanLevel(), DASH));
    }

    /** A share as a percentage with one decimal, e.g. {@code 94.3%}. */
    static String percent(double share) {
        if (!Double.isFinite(share)) {
            return DASH;
        }
        return new BigDecimal(share * 100).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }
}
