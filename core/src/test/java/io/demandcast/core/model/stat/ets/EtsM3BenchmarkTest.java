package io.demandcast.core.model.stat.ets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The full M3 monthly run (about 30 s of CPU): enable with {@code -Ddemandcast.bench=true}.
 * R forecast 8.20 ets(): sMAPE 14.14, MASE 0.865.
 */
@EnabledIfSystemProperty(named = "demandcast.bench", matches = "true")
class EtsM3BenchmarkTest {
    @Test
    void autoEtsMatchesRsAccuracyOnM3Monthly() throws Exception {
        EtsM3Benchmark.Result r = EtsM3Benchmark.run(SharedData.folder("m3-competition"));
        System.err.printf("M3 monthly auto_ets: sMAPE=%.3f MASE=%.4f wall=%.1fs%n", r.smape(), r.mase(), r.seconds());
        assertEquals(1428, r.series());
        assertTrue(r.smape() <= 14.39, "sMAPE " + r.smape());
        assertEquals(0.865, r.mase(), 0.02);
    }
}
