package io.demandcast.core.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.artifact.ArtifactException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code calibration.json}'s cumulative scores: a round trip, and files written before them. */
class ForecastCalibrationCumulativeTest {
    @TempDir
    Path dir;

    private static ConformalCalibration conformal() {
        ConformalCalibration.Builder b = ConformalCalibration.builder(2);
        for (int i = 0; i < 5; i++) {
            b.add("smooth", 0, i - 2).add("smooth", 1, 2 * (i - 2));
        }
        return b.build(new double[] {0.1, 0.9}, 3);
    }

    @Test
    void cumulativeScoresAndCountsRoundTrip() throws Exception {
        ConformalCalibration.Builder b = ConformalCalibration.builder(2);
        b.add("smooth", 0, 0.5).add("smooth", 1, 1.5).add("intermittent", 0, -1).add(null, 1, 0.25);
        CumulativeScores scores = CumulativeScores.of(b, 2, 100);
        assertArrayEquals(new double[] {-1, 0.5}, scores.pooled()[0]);
        assertArrayEquals(new double[] {0.25, 1.5}, scores.pooled()[1]);
        assertArrayEquals(new double[] {1.5}, scores.groups().get("smooth")[1]);
        assertArrayEquals(new double[0], scores.groups().get("intermittent")[1]);
        assertArrayEquals(new double[] {0.25, 1.5}, scores.scores("smooth", 2), "under min_per_group: the pooled ones");
        assertEquals(0, scores.scores("smooth", 3).length, "beyond the horizon: none");

        new ForecastCalibration(true, conformal(), 3, Map.of("A", 1.5, "B", 2.0), Map.of("A", "smooth", "B", "smooth"), scores,
                Set.of("B")).save(dir);
        ForecastCalibration read = ForecastCalibration.load(dir);
        assertEquals(Set.of("B"), read.counts());
        assertEquals(2, read.cumulative().minPerGroup());
        assertArrayEquals(scores.pooled()[0], read.cumulative().pooled()[0]);
        assertArrayEquals(scores.pooled()[1], read.cumulative().pooled()[1]);
        assertArrayEquals(new double[] {0.5}, read.cumulative().groups().get("smooth")[0]);
    }

    /** Thinning keeps the extremes and evenly spaced order statistics, and nothing changes under the cap. */
    @Test
    void thinningKeepsEvenlySpacedOrderStatistics() {
        double[] sorted = new double[10_001];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i;
        }
        double[] thin = CumulativeScores.thin(sorted, 101);
        assertEquals(101, thin.length);
        for (int i = 0; i <= 100; i++) {
            assertEquals(100.0 * i, thin[i], "rank i (n - 1) / (max - 1)");
        }
        double[] few = {1, 2, 3};
        assertArrayEquals(few, CumulativeScores.thin(few, 3));
        assertThrows(IllegalArgumentException.class, () -> CumulativeScores.thin(few, 1));
        ConformalCalibration.Builder b = ConformalCalibration.builder(1);
        for (int i = 0; i < 1000; i++) {
            b.add(i % 2 == 0 ? "smooth" : "lumpy", 0, i);
        }
        CumulativeScores scores = CumulativeScores.of(b, 5, 11);
        assertThrows(IllegalArgumentException.class, () -> CumulativeScores.of(b, 50, 11), "a thinned group keeps its own");
        assertArrayEquals(new double[] {0, 100, 200, 300, 400, 500, 599, 699, 799, 899, 999}, scores.pooled()[0]);
        assertEquals(11, scores.groups().get("smooth")[0].length);
        assertEquals(998, scores.scores("smooth", 1)[10]);
    }

    /** A file saved before cumulative scores existed (no "cumulative_scores", no "counts") still loads, without them. */
    @Test
    void anOlderCalibrationLoadsWithoutCumulativeScores() throws Exception {
        new ForecastCalibration(true, conformal(), 3, Map.of("A", 1.5), Map.of("A", "smooth")).save(dir);
        String text = Files.readString(dir.resolve(ForecastCalibration.FILE));
        assertTrue(!text.contains("cumulative_scores") && !text.contains("\"counts\""), text);
        ForecastCalibration read = ForecastCalibration.load(dir);
        assertNull(read.cumulative());
        assertEquals(Set.of(), read.counts());
        assertEquals(1.5, read.scales().get("A"));
        assertEquals(conformal().offset("smooth", 1, 1), read.conformal().offset("smooth", 1, 1));
    }

    @Test
    void malformedCumulativeScoresNameTheFile() throws Exception {
        ConformalCalibration.Builder b = ConformalCalibration.builder(2);
        b.add(null, 0, 0.5).add(null, 1, 1.5);
        new ForecastCalibration(true, conformal(), 3, Map.of("A", 1.5), Map.of("A", "smooth"), CumulativeScores.of(b, 2, 100), Set.of())
                .save(dir);
        Path file = dir.resolve(ForecastCalibration.FILE);
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(file.toFile());
        ((ObjectNode) root.with("conformal").with("cumulative_scores")).putArray("pooled").addArray().add("x");
        Files.writeString(file, json.writeValueAsString(root));
        ArtifactException e = assertThrows(ArtifactException.class, () -> ForecastCalibration.load(dir));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("cumulative_scores"), e.getMessage());
    }
}
