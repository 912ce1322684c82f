package io.demandcast.core.plan;

/**
 * One series' stock position and supply terms, a row of the inventory file {@code plan} reads.
 *
 * @param seriesId     the series, as the model names it
 * @param onHand       units in stock, {@code >= 0}
 * @param onOrder      units ordered and not yet received, {@code >= 0}
 * @param backorders   demand already owed to customers, {@code >= 0} (0 when the file has no such column)
 * @param leadTime     L: periods (of the data's frequency) from order to receipt, {@code >= 1}
 * @param reviewPeriod R: periods between orders, {@code >= 1}
 * @param unitCost     cost of one unit, NaN when not given
 * @param holdingRate  holding cost per unit of value (e.g. 0.25 a year), NaN when not given
 * @param packSize     orders are multiples of this, {@code >= 1}
 * @param minOrder     the smallest order the supplier takes, {@code >= 0}
 * @param target       this row's own service target, null for the default
 * @param line         the row's line in the file, for messages
 */
public record InventoryRow(String seriesId, double onHand, double onOrder, double backorders, int leadTime, int reviewPeriod,
                           double unitCost, double holdingRate, long packSize, double minOrder, ServiceTarget target, long line) {

    /** {@link OrderQuantity#position}. */
    public double inventoryPosition() {
        return OrderQuantity.position(onHand, onOrder, backorders);
    }

    /** This row with {@code defaultTarget} and {@code defaultHoldingRate} where it gives none. */
    public InventoryRow withDefaults(ServiceTarget defaultTarget, double defaultHoldingRate) {
        return new InventoryRow(seriesId, onHand, onOrder, backorders, leadTime, reviewPeriod, unitCost,
                Double.isNaN(holdingRate) ? defaultHoldingRate : holdingRate, packSize, minOrder, target == null ? defaultTarget : target, line);
    }
}
