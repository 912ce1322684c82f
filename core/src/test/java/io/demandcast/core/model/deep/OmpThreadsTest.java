package io.demandcast.core.model.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.DemandcastException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OmpThreadsTest {

    @Test
    void oneThreadUnlessTheUserSetsOmpNumThreads() {
        assertEquals(new OmpThreads(1, false), OmpThreads.from(name -> null));
        assertEquals(new OmpThreads(4, true), OmpThreads.from(Map.of("OMP_NUM_THREADS", "4")::get));
        assertEquals(new OmpThreads(1, true), OmpThreads.from(Map.of("OMP_NUM_THREADS", " 1 ")::get));
    }

    @Test
    void aValueNd4jCannotReadIsAnErrorNamingTheVariable() {
        for (String bad : new String[] {"", "0", "-2", "two", "4,2"}) {
            DemandcastException e = assertThrows(DemandcastException.class, () -> OmpThreads.from(Map.of("OMP_NUM_THREADS", bad)::get));
            assertTrue(e.isUserError());
            assertEquals("OMP_NUM_THREADS='" + bad + "': ND4J needs a positive whole number of threads (unset it for the default, 1)",
                    e.getMessage());
        }
    }
}
