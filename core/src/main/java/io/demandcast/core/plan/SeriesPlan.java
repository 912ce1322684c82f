package io.demandcast.core.plan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One series' inventory policy: a row of {@code plan}'s output. The safety stock is that of the
 * order-up-to level, the one the suggested order follows: {@code S - E[D_{L+R}]}.
 *
 * @param target                 the service target applied
 * @param method                 how this series' lead-time demand was estimated ({@link LeadTimeSource#method(String)})
 * @param meanLeadTimeDemand     {@code E[D_L]}
 * @param sdLeadTimeDemand       standard deviation of {@code D_L}
 * @param meanProtectionDemand   {@code E[D_{L+R}]}
 * @param safetyStock            {@code orderUpTo - meanProtectionDemand}
 * @param reorderPoint           s of continuous review ({@link InventoryPolicy#reorderPoint}, with Q the expected demand per review period)
 * @param orderUpTo              S of periodic review ({@link InventoryPolicy#orderUpTo})
 * @param inventoryPosition      on hand + on order - backorders
 * @param orderQuantity          the suggested order ({@link OrderQuantity#of})
 * @param safetyStockValue       safety stock x unit cost; NaN without a unit cost
 * @param safetyStockHoldingCost safety stock value x holding rate; NaN without both
 * @param baseline               the classic normal-approximation policy for the same target
 */
public record SeriesPlan(String seriesId, int leadTime, int reviewPeriod, ServiceTarget target, String method,
                         double meanLeadTimeDemand, double sdLeadTimeDemand, double meanProtectionDemand,
                         double safetyStock, double reorderPoint, double orderUpTo, double inventoryPosition, long orderQuantity,
                         double safetyStockValue, double safetyStockHoldingCost, NormalBaseline baseline) {

    /**
     * Applies the policy to one inventory row, at its target ({@link InventoryRow#withDefaults} fills one in).
     *
     * @param lead          the demand over the row's lead time L
     * @param leadAndReview the demand over L + R
     */
    public static SeriesPlan of(InventoryRow row, String method, LeadTimeDemand lead, LeadTimeDemand leadAndReview, NormalBaseline baseline) {
        ServiceTarget target = java.util.Objects.requireNonNull(row.target(), "the row's service target");
        double perReview = Math.max(leadAndReview.mean() - lead.mean(), 0);
        double reorderPoint = InventoryPolicy.reorderPoint(lead, target, perReview);
        double orderUpTo = InventoryPolicy.orderUpTo(lead, leadAndReview, target);
        double safetyStock = orderUpTo - leadAndReview.mean();
        double position = row.inventoryPosition();
        long order = OrderQuantity.of(orderUpTo, position, row.packSize(), row.minOrder());
        double value = safetyStock * row.unitCost();
        return new SeriesPlan(row.seriesId(), row.leadTime(), row.reviewPeriod(), target, method, lead.mean(), lead.standardDeviation(),
                leadAndReview.mean(), safetyStock, reorderPoint, orderUpTo, position, order, value, value * row.holdingRate(), baseline);
    }

    /** The row for {@code --json}: the CSV's columns, NaN as null. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("series_id", seriesId);
        m.put("lead_time", leadTime);
        m.put("review_period", reviewPeriod);
        m.put("target_kind", target.kind().name());
        m.put("target", target.level());
        m.put("method", method);
        m.put("mean_lead_time_demand", number(meanLeadTimeDemand));
        m.put("sd_lead_time_demand", number(sdLeadTimeDemand));
        m.put("mean_protection_demand", number(meanProtectionDemand));
        m.put("safety_stock", number(safetyStock));
        m.put("reorder_point", number(reorderPoint));
        m.put("order_up_to", number(orderUpTo));
        m.put("inventory_position", number(inventoryPosition));
        m.put("order_quantity", orderQuantity);
        m.put("safety_stock_value", number(safetyStockValue));
        m.put("safety_stock_holding_cost", number(safetyStockHoldingCost));
        m.put("baseline_safety_stock", number(baseline.safetyStock()));
        m.put("baseline_reorder_point", number(baseline.reorderPoint()));
        m.put("baseline_order_up_to", number(baseline.orderUpTo()));
        return m;
    }

    private static Double number(double v) {
        return Double.isFinite(v) ? Math.round(v * 10_000) / 10_000.0 : null;
    }
}
