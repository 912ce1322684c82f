package io.demandcast.core.model.stat.intermittent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelFamily;
import io.demandcast.core.model.stat.LocalForecaster;
import io.demandcast.core.model.stat.simple.SimpleTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntermittentFamiliesTest {
    private static final ModelContext DAILY = new ModelContext(Frequency.DAILY, 7);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyFamilySavesAndLoads(@TempDir Path dir) throws Exception {
        List<ModelFamily> families = IntermittentFamilies.families();
        assertEquals(List.of("croston", "sba", "tsb", "adida", "imapa"), families.stream().map(ModelFamily::name).toList());
        for (ModelFamily f : families) {
            SimpleTestSupport.assertFamilyRoundTrip(f, "{}", DAILY, Files.createDirectory(dir.resolve(f.name())));
        }
        SimpleTestSupport.assertFamilyRoundTrip(families.get(0), "{\"alpha\": \"optimized\"}", DAILY, Files.createDirectory(dir.resolve("opt")));
    }

    @Test
    void crostonAlphaIsANumberOrOptimized() throws Exception {
        ModelFamily croston = IntermittentFamilies.families().get(0);
        assertEquals(Map.of("alpha", 0.1), ((LocalForecaster) croston.create(null, DAILY)).parameters());
        assertEquals(Map.of("alpha", "optimized"), ((LocalForecaster) croston.create(JSON.readTree("{\"alpha\": \"optimized\"}"), DAILY)).parameters());
        assertEquals(Map.of("alpha", 0.2), ((LocalForecaster) croston.create(JSON.readTree("{\"alpha\": 0.2}"), DAILY)).parameters());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> croston.create(JSON.readTree("{\"alpha\": \"best\"}"), DAILY));
        assertEquals("model.params.alpha of croston must be a number in (0, 1] or 'optimized' (got \"best\")", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> croston.create(JSON.readTree("{\"alpha\": 1.5}"), DAILY));
        ModelFamily tsb = IntermittentFamilies.families().get(2);
        assertEquals(Map.of("alpha_d", 0.2, "alpha_p", 0.1), ((LocalForecaster) tsb.create(JSON.readTree("{\"alpha_d\": 0.2}"), DAILY)).parameters());
    }
}
