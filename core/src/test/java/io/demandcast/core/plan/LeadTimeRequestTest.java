package io.demandcast.core.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link LeadTimeRequest} bounds and {@link LeadTimeJob#levels}. */
class LeadTimeRequestTest {

    @Test
    void boundsNameTheValue() {
        assertEquals(9, new LeadTimeRequest(7, 2, 10, 1, true).interval());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LeadTimeRequest(0, 0, 10, 1, true)).getMessage().contains("got 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LeadTimeRequest(7, -1, 10, 1, true)).getMessage().contains("got -1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LeadTimeRequest(7, 0, 0, 1, true)).getMessage().contains("got 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LeadTimeRequest(3000, 1000, 10, 1, true)).getMessage().contains("4000"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LeadTimeRequest(100, 0, 1_000_000, 1, true)).getMessage()
                .contains("fewer paths"));
    }

    @Test
    void levelsAreTheConfiguredOnesAndTheServiceLevels() {
        assertArrayEquals(new double[] {0.1, 0.5, 0.9, 0.95, 0.99}, LeadTimeJob.levels(List.of(0.9, 0.1, 0.5)));
        assertArrayEquals(new double[] {0.5, 0.8, 0.9, 0.95, 0.975, 0.99}, LeadTimeJob.levels(List.of(0.975, 0.8)));
    }
}
