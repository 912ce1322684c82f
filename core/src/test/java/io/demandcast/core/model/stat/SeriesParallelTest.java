package io.demandcast.core.model.stat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class SeriesParallelTest {
    @Test
    void everySeriesRunsExactlyOnce() {
        for (int n : new int[] {0, 1, 2, 3, 1_000}) {
            AtomicIntegerArray runs = new AtomicIntegerArray(n);
            SeriesParallel.forEach(n, s -> {
                // uneven costs, as fits are
                if (s % 97 == 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(200_000);
                }
                runs.incrementAndGet(s);
            });
            for (int s = 0; s < n; s++) {
                assertEquals(1, runs.get(s), "series " + s + " of " + n);
            }
        }
    }

    @Test
    void theFirstFailureIsRethrownAndNoSeriesStartsAfterIt() {
        AtomicInteger started = new AtomicInteger();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SeriesParallel.forEach(10_000, s -> {
            started.incrementAndGet();
            if (s == 5) {
                throw new IllegalStateException("series 5");
            }
            // Each other series costs 1 ms, as a fit does: running all 10,000 would take seconds, so the
            // assertion below cannot pass merely because the failing thread was descheduled on a busy machine.
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }));
        assertEquals("series 5", e.getMessage());
        assertTrue(started.get() < 10_000, started.get() + " series started");
    }
}
