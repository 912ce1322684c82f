package io.demandcast.core.model.stat.simple;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelFamily;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimpleFamiliesTest {
    private static final ModelContext DAILY = new ModelContext(Frequency.DAILY, 7);

    @Test
    void everyFamilySavesAndLoads(@TempDir Path dir) throws Exception {
        List<ModelFamily> families = SimpleFamilies.families();
        assertEquals(List.of("mean", "drift", "window_average", "seasonal_window_average"), families.stream().map(ModelFamily::name).toList());
        for (ModelFamily f : families) {
            Path sub = java.nio.file.Files.createDirectory(dir.resolve(f.name()));
            SimpleTestSupport.assertFamilyRoundTrip(f, "{}", DAILY, sub);
        }
    }

    @Test
    void unknownParamsAreRejected() throws Exception {
        ModelFamily drift = SimpleFamilies.families().get(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> drift.create(new ObjectMapper().readTree("{\"window\": 3}"), DAILY));
        assertEquals("model.params.window is not a parameter of drift (allowed: none)", e.getMessage());
    }
}
