package io.demandcast.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OrderQuantityTest {

    @Test
    void ordersUpToTheLevelFromTheInventoryPosition() {
        // 20 on hand + 15 on order - 3 owed = 32; S = 60.06 -> 28.06 -> 29 whole units
        double position = OrderQuantity.position(20, 15, 3);
        assertEquals(32, position);
        assertEquals(29, OrderQuantity.of(60.0623, position, 1, 0));
        assertEquals(40, OrderQuantity.of(60.0623, position, 1, 40), "raised to the minimum order");
        assertEquals(36, OrderQuantity.of(60.0623, position, 12, 0), "29 in packs of 12");
        assertEquals(48, OrderQuantity.of(60.0623, position, 12, 40), "the minimum 40, in packs of 12");
    }

    @Test
    void ordersNothingAtOrAboveTheLevel() {
        assertEquals(0, OrderQuantity.of(60.0623, 70, 12, 40));
        assertEquals(0, OrderQuantity.of(32, 32, 1, 10));
        assertEquals(28, OrderQuantity.of(60.000000000001, 32, 1, 0), "rounding noise is not a unit");
    }

    @Test
    void refusesPackSizesBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> OrderQuantity.of(10, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> OrderQuantity.of(10, 0, 1, -1));
    }
}
