package io.demandcast.core.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WrmsseTest {
    private static final double EPS = 1e-12;

    private static Map<String, Double> map(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        }
        return m;
    }

    @Test
    void weightedSumOverTheWeightedSubset() {
        Map<String, Double> rmsse = map("a", 1, "b", 2, "c", Double.NaN);
        assertEquals(0.25 * 1 + 0.75 * 2, Wrmsse.of(rmsse, map("a", 0.25, "b", 0.75)), EPS);
        assertEquals(0.5, Wrmsse.of(rmsse, map("a", 0.5, "c", 0.0)), EPS, "zero weight ignores an undefined RMSSE");
        assertTrue(Double.isNaN(Wrmsse.of(rmsse, map("a", 0.5, "c", 0.5))));
    }

    @Test
    void weightedSeriesWithoutRmsseIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Wrmsse.of(map("a", 1), map("a", 0.5, "z", 0.5)));
        assertTrue(e.getMessage().contains("'z'"), e.getMessage());
    }

    @Test
    void perLevelScoresUseEachLevelsWeights() {
        SeriesWeights weights = new SeriesWeights(map("T", 1, "A", 0.4, "B", 0.6, "X", 1),
                Map.of("T", "1", "A", "2", "B", "2", "X", "3"));
        assertEquals(List.of("1", "2", "3"), weights.levelNames());
        Map<String, Double> rmsse = map("T", 0.5, "A", 1, "B", 2);
        // level 3 has no scored series: left out
        assertEquals(map("1", 0.5, "2", 0.4 + 1.2), Wrmsse.byLevel(rmsse, weights));
        rmsse.remove("B");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Wrmsse.byLevel(rmsse, weights));
        assertTrue(e.getMessage().contains("level '2' is only partly scored") && e.getMessage().contains("'B'"), e.getMessage());
    }

    @Test
    void weightsWithoutLevelsFormOneLevel() {
        SeriesWeights weights = SeriesWeights.of(map("a", 0.5, "b", 0.5));
        assertEquals(List.of(SeriesWeights.ALL), weights.levelNames());
        assertEquals(map(SeriesWeights.ALL, 1.5), Wrmsse.byLevel(map("a", 1, "b", 2), weights));
        assertThrows(IllegalArgumentException.class, () -> SeriesWeights.of(map("a", -1)));
    }
}
