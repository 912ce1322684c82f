package io.demandcast.core.plan;

/**
 * The order that brings the inventory position up to the order-up-to level, in whole units and in
 * the supplier's terms:
 * <pre>
 *   position = on_hand + on_order - backorders
 *   order    = max(0, S - position), rounded up to a whole unit;
 *              when above 0: raised to min_order, then rounded up to a multiple of pack_size
 * </pre>
 */
public final class OrderQuantity {
    private OrderQuantity() {
    }

    /** The inventory position: stock on hand and on order, less demand already owed to customers. */
    public static double position(double onHand, double onOrder, double backorders) {
        return onHand + onOrder - backorders;
    }

    /**
     * @param packSize units per pack, a whole number {@code >= 1} (1: any whole number of units)
     * @param minOrder the smallest order the supplier takes, {@code >= 0} (0: none)
     * @throws IllegalArgumentException on a pack size below 1 or not whole, or a negative minimum
     */
    public static long of(double orderUpTo, double position, long packSize, double minOrder) {
        if (packSize < 1) {
            throw new IllegalArgumentException("pack_size must be a whole number >= 1 (got " + packSize + ")");
        }
        if (!(minOrder >= 0)) {
            throw new IllegalArgumentException("min_order must be >= 0 (got " + minOrder + ")");
        }
        double raw = orderUpTo - position;
        // A level computed as 12.000000001 from sums of doubles is 12 units, not 13.
        long units = raw <= 1e-9 ? 0 : (long) Math.ceil(raw - 1e-9);
        if (units == 0) {
            return 0;
        }
        units = Math.max(units, (long) Math.ceil(minOrder - 1e-9));
        return ((units + packSize - 1) / packSize) * packSize;
    }
}
