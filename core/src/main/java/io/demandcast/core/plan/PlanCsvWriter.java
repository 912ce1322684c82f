package io.demandcast.core.plan;

import io.demandcast.core.model.ForecastCsvWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes {@code plan}'s output: one row per series in inventory-file order, the columns of
 * {@link SeriesPlan#toMap}; quantities rounded to 4 decimals, an empty cell where there is no value
 * (costs without a unit cost).
 */
public final class PlanCsvWriter {
    /** The header, in order. */
    public static final List<String> COLUMNS = List.of("series_id", "lead_time", "review_period", "target_kind", "target", "method",
            "mean_lead_time_demand", "sd_lead_time_demand", "mean_protection_demand", "safety_stock", "reorder_point", "order_up_to",
            "inventory_position", "order_quantity", "safety_stock_value", "safety_stock_holding_cost",
            "baseline_safety_stock", "baseline_reorder_point", "baseline_order_up_to");

    private PlanCsvWriter() {
    }

    public static void write(List<SeriesPlan> plans, Writer out) throws IOException {
        StringBuilder line = new StringBuilder(256);
        out.write(String.join(",", COLUMNS) + "\n");
        for (SeriesPlan p : plans) {
            line.setLength(0);
            line.append(ForecastCsvWriter.csvCell(p.seriesId())).append(',')
                    .append(p.leadTime()).append(',')
                    .append(p.reviewPeriod()).append(',')
                    .append(p.target().kind().name()).append(',');
            number(line, p.target().level()).append(',').append(p.method());
            for (double v : new double[] {p.meanLeadTimeDemand(), p.sdLeadTimeDemand(), p.meanProtectionDemand(), p.safetyStock(),
                    p.reorderPoint(), p.orderUpTo(), p.inventoryPosition()}) {
                number(line.append(','), v);
            }
            line.append(',').append(p.orderQuantity());
            for (double v : new double[] {p.safetyStockValue(), p.safetyStockHoldingCost(), p.baseline().safetyStock(),
                    p.baseline().reorderPoint(), p.baseline().orderUpTo()}) {
                number(line.append(','), v);
            }
            out.write(line.append('\n').toString());
        }
        out.flush();
    }

    private static StringBuilder number(StringBuilder line, double v) {
        if (Double.isFinite(v)) {
            ForecastCsvWriter.appendNumber(line, v);
        }
        return line;
    }
}
