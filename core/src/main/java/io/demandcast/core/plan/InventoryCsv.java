package io.demandcast.core.plan;

import io.demandcast.core.config.ConfigBounds;
import io.demandcast.core.data.DataException;
import io.demandcast.core.evaluate.CsvInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the inventory file of {@code plan}: a headed CSV with one row per series,
 * <pre>
 *   series_id,on_hand,on_order,lead_time,review_period[,unit_cost][,holding_rate][,backorders]
 *            [,pack_size][,min_order][,service_level | ,fill_rate]
 * </pre>
 * Stock columns are units; {@code lead_time} and {@code review_period} are whole periods of the data's
 * frequency. Optional cells may be empty (the default applies); other columns are ignored. A row's
 * {@code service_level} or {@code fill_rate} replaces the default target for that series.
 */
public final class InventoryCsv {
    /** The columns every inventory file has. */
    public static final List<String> REQUIRED = List.of("series_id", "on_hand", "on_order", "lead_time", "review_period");

    private InventoryCsv() {
    }

    /**
     * @throws DataException naming {@code file:line:column} on a missing file or column, a cell that is not
     *                       a number, negative stock, a lead time or review period below 1 or not whole, a
     *                       pack size below 1 or not whole, a target outside (0, 1), a row with both a
     *                       service level and a fill rate, or a series listed twice; nothing is returned then
     */
    public static Inventory read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataException(file + ": no such inventory file");
        }
        List<InventoryRow> rows = new ArrayList<>();
        int idColumn;
        Map<String, Long> seen = new HashMap<>();
        try (CsvInput in = CsvInput.open(file)) {
            int id = in.column("series_id");
            idColumn = id;
            int onHand = in.column("on_hand");
            int onOrder = in.column("on_order");
            int lead = in.column("lead_time");
            int review = in.column("review_period");
            int cost = in.optionalColumn("unit_cost");
            int holding = in.optionalColumn("holding_rate");
            int backorders = in.optionalColumn("backorders");
            int pack = in.optionalColumn("pack_size");
            int minOrder = in.optionalColumn("min_order");
            int serviceLevel = in.optionalColumn("service_level");
            int fillRate = in.optionalColumn("fill_rate");
            for (CSVRecord r : in.records()) {
                long line = CsvInput.line(r);
                String series = in.requiredText(r, id);
                Long before = seen.put(series, line);
                if (before != null) {
                    throw in.error(r, id, "series '" + series + "' is listed twice (first on line " + before + ")");
                }
                double hand = required(in, r, onHand, "on_hand");
                double order = required(in, r, onOrder, "on_order");
                double owed = optional(in, r, backorders, "backorders", 0);
                int l = periods(in, r, lead, "lead_time");
                int rv = periods(in, r, review, "review_period");
                double unitCost = optional(in, r, cost, "unit_cost", Double.NaN);
                double rate = optional(in, r, holding, "holding_rate", Double.NaN);
                long packSize = pack < 0 ? 1 : packSize(in, r, pack);
                double minimum = optional(in, r, minOrder, "min_order", 0);
                ServiceTarget target = target(in, r, serviceLevel, fillRate, series);
                rows.add(new InventoryRow(series, hand, order, owed, l, rv, unitCost, rate, packSize, minimum, target, line));
            }
        }
        if (rows.isEmpty()) {
            throw DataException.at(file.toString(), 1, 1, "no rows: list one series per line under the header");
        }
        return new Inventory(file.toString(), idColumn, rows);
    }

    /** A number {@code >= 0} in a required column; an empty cell is an error. */
    private static double required(CsvInput in, CSVRecord r, int column, String name) {
        double v = in.number(r, column);
        if (Double.isNaN(v)) {
            throw in.error(r, column, "empty " + name + "; give a number >= 0");
        }
        return checked(in, r, column, name, v);
    }

    /** A number {@code >= 0} in an optional column; {@code fallback} when the file has no such column or the cell is empty. */
    private static double optional(CsvInput in, CSVRecord r, int column, String name, double fallback) {
        if (column < 0) {
            return fallback;
        }
        double v = in.number(r, column);
        return Double.isNaN(v) ? fallback : checked(in, r, column, name, v);
    }

    private static double checked(CsvInput in, CSVRecord r, int column, String name, double v) {
        if (!Double.isFinite(v) || v < 0) {
            throw in.error(r, column, name + " must be a finite number >= 0 (got " + in.text(r, column) + ")");
        }
        return v;
    }

    private static int periods(CsvInput in, CSVRecord r, int column, String name) {
        double v = in.finiteNumber(r, column);
        if (v < 1 || v != Math.rint(v)) {
            throw in.error(r, column, name + " must be a whole number of periods >= 1 (got " + in.text(r, column) + ")");
        }
        if (v > ConfigBounds.MAX_HORIZON) {
            throw in.error(r, column, name + " must be at most " + ConfigBounds.MAX_HORIZON + " periods (got " + in.text(r, column) + ")");
        }
        return (int) v;
    }

    private static long packSize(CsvInput in, CSVRecord r, int column) {
        double v = in.number(r, column);
        if (Double.isNaN(v)) {
            return 1;
        }
        if (!(v >= 1) || v != Math.rint(v) || v > 1e12) {
            throw in.error(r, column, "pack_size must be a whole number of units >= 1 (got " + in.text(r, column) + ")");
        }
        return (long) v;
    }

    private static ServiceTarget target(CsvInput in, CSVRecord r, int serviceLevel, int fillRate, String series) {
        double alpha = serviceLevel < 0 ? Double.NaN : in.number(r, serviceLevel);
        double beta = fillRate < 0 ? Double.NaN : in.number(r, fillRate);
        if (!Double.isNaN(alpha) && !Double.isNaN(beta)) {
            throw in.error(r, fillRate, "give a service_level or a fill_rate for series '" + series + "', not both");
        }
        int column = Double.isNaN(alpha) ? fillRate : serviceLevel;
        double level = Double.isNaN(alpha) ? beta : alpha;
        if (Double.isNaN(level)) {
            return null;
        }
        try {
            return Double.isNaN(alpha) ? ServiceTarget.fillRate(level) : ServiceTarget.cycleService(level);
        } catch (IllegalArgumentException e) {
            throw in.error(r, column, e.getMessage());
        }
    }
}
