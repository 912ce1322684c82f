package io.demandcast.core.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.artifact.ArtifactException;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.TimeAxis;
import io.demandcast.core.model.Forecast;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformalCalibrationTest {
    private static final double EPS = 1e-12;
    private static final double[] LEVELS = {0.1, 0.5, 0.9};
    private static final TimeAxis AXIS = new TimeAxis(Frequency.MONTHLY, LocalDate.of(2024, 1, 1));

    @Test
    void offsetsAreTheCorrectedOrderStatistics() {
        ConformalCalibration.Builder builder = ConformalCalibration.builder(1);
        for (double s : new double[] {3, -1, 9, Double.NaN, 0, 5, -2, 7, 1, 4}) {
            builder.add(null, 0, s);
        }
        ConformalCalibration calibration = builder.build(LEVELS, 5);
        // sorted -2 -1 0 1 3 4 5 7 9 (the NaN is ignored), n = 9:
        // 0.1 -> floor(10 * 0.1) = 1 -> -2; 0.5 -> ceil(5) = 5 -> 3; 0.9 -> ceil(9) = 9 -> 9
        assertEquals(9, calibration.scoreCount(0));
        assertEquals(-2, calibration.offset(null, 0, 0), EPS);
        assertEquals(3, calibration.offset(null, 1, 0), EPS);
        assertEquals(9, calibration.offset(null, 2, 0), EPS);
    }

    @Test
    void aGroupGetsItsOwnOffsetsOnlyWithEnoughScores() {
        ConformalCalibration.Builder builder = ConformalCalibration.builder(1);
        for (int s = 1; s <= 10; s++) {
            builder.add("B", 0, s);
        }
        for (double s : new double[] {100, 200, 300}) {
            builder.add("A", 0, s);
        }
        // B alone, n = 10: 0.1 -> floor(1.1) = 1 -> 1; 0.5 -> ceil(5.5) = 6 -> 6; 0.9 -> ceil(9.9) = 10 -> 10
        // pooled 1..10, 100, 200, 300, n = 13: 0.1 -> floor(1.4) = 1 -> 1; 0.5 -> ceil(7) = 7 -> 7;
        // 0.9 -> ceil(12.6) = 13 -> 300
        ConformalCalibration calibration = builder.build(LEVELS, 5);
        assertOffsets(calibration, "B", 1, 6, 10);
        assertOffsets(calibration, "A", 1, 7, 300);   // 3 < 5 scores: the pooled ones
        assertOffsets(calibration, null, 1, 7, 300);
        assertOffsets(calibration, "unknown", 1, 7, 300);
        assertEquals(13, calibration.scoreCount(0));
        assertEquals(3, calibration.scoreCount("A", 0));
        assertEquals(0, calibration.scoreCount("unknown", 0));
        assertEquals(Set.of("A", "B"), calibration.groups());

        // with min_per_group 3, A's own: n = 3: 0.1 -> floor(0.4) = 0, the minimum 100;
        // 0.5 -> ceil(2) = 2 -> 200; 0.9 -> ceil(3.6) = 4 > 3, the maximum 300
        assertOffsets(builder.build(LEVELS, 3), "A", 100, 200, 300);
    }

    @Test
    void stepsWithoutScoresBorrowAndStepsBeyondTheHorizonUseTheLast() {
        ConformalCalibration.Builder builder = ConformalCalibration.builder(4);
        builder.add(null, 1, 1.0);
        builder.add(null, 3, 3.0);
        builder.add(null, 2, Double.NaN);
        ConformalCalibration calibration = builder.build(new double[] {0.5}, 1);
        assertEquals(1.0, calibration.offset(null, 0, 0), EPS);  // nothing earlier: the next step, 1
        assertEquals(1.0, calibration.offset(null, 0, 1), EPS);
        assertEquals(1.0, calibration.offset(null, 0, 2), EPS);  // the nearest earlier step, 1
        assertEquals(3.0, calibration.offset(null, 0, 3), EPS);
        assertEquals(3.0, calibration.offset(null, 0, 10), EPS); // beyond the horizon: the last step
        assertEquals(0, calibration.scoreCount(2));
        assertEquals(0, calibration.scoreCount(10));
        assertThrows(IllegalArgumentException.class, () -> calibration.offset(null, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> calibration.offset(null, 1, 0));
    }

    @Test
    void builderRejectsBadInput() {
        ConformalCalibration.Builder builder = ConformalCalibration.builder(2);
        assertThrows(IllegalArgumentException.class, () -> builder.add(null, 2, 0.0));
        assertThrows(IllegalArgumentException.class, () -> builder.add(null, -1, 0.0));
        assertThrows(IllegalArgumentException.class, () -> builder.add(null, 0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalStateException.class, () -> builder.add(null, 0, Double.NaN).build(LEVELS, 1));
        builder.add(null, 0, 1.0);
        assertThrows(IllegalArgumentException.class, () -> builder.build(new double[] {0.9, 0.1}, 1));
        assertThrows(IllegalArgumentException.class, () -> builder.build(LEVELS, 0));
        assertThrows(IllegalArgumentException.class, () -> ConformalCalibration.builder(0));
    }

    /** Offsets -4 (0.1) and 4 (0.9) at step 0, from the scores -4..4 (n = 9: ranks 1 and 9). */
    private static ConformalCalibration symmetric(double[] levels) {
        ConformalCalibration.Builder builder = ConformalCalibration.builder(1);
        for (int s = -4; s <= 4; s++) {
            builder.add(null, 0, s);
        }
        return builder.build(levels, 1);
    }

    @Test
    void applyAddsScaledOffsetsToThePoints() {
        ConformalCalibration calibration = symmetric(new double[] {0.1, 0.9});
        Forecast forecast = new Forecast("ets", AXIS, new String[] {"a", "b"}, new int[] {5, 7}, 2,
                new double[] {10, 12, 100, 100}, new double[] {0.1, 0.9},
                new double[][] {{0, 0, 0, 0}, {1, 1, 1, 1}});
        Forecast calibrated = calibration.apply(forecast, new double[] {0.5, 10}, new String[] {null, "smooth"});
        // a: 10 -/+ 0.5 * 4, 12 -/+ 2 (step 1 beyond the calibrated horizon uses step 0)
        // b: 100 -/+ 10 * 4 ("smooth" has no scores: pooled)
        assertArrayEquals(new double[] {8, 10}, quantiles(calibrated, 0, 0), EPS);
        assertArrayEquals(new double[] {12, 14}, quantiles(calibrated, 1, 0), EPS);
        assertArrayEquals(new double[] {60, 60}, quantiles(calibrated, 0, 1), EPS);
        assertArrayEquals(new double[] {140, 140}, quantiles(calibrated, 1, 1), EPS);
        assertArrayEquals(forecast.points(0), calibrated.points(0), 0);
        assertArrayEquals(forecast.points(1), calibrated.points(1), 0);
        assertEquals("ets", calibrated.model());
        assertEquals(AXIS, calibrated.axis());
        assertEquals(List.of("a", "b"), calibrated.seriesIds());
        assertEquals(5, calibrated.firstPeriod(0));
        assertEquals(7, calibrated.firstPeriod(1));
        assertArrayEquals(new double[] {0.1, 0.9}, calibrated.levels(), 0);
        assertEquals(0.0, forecast.quantile(0, 0, 0), 0, "the input forecast is unchanged");
    }

    @Test
    void applyRejectsMismatches() {
        ConformalCalibration calibration = symmetric(new double[] {0.1, 0.9});
        Forecast forecast = new Forecast("m", AXIS, new String[] {"a"}, new int[] {0}, 1, new double[] {1},
                new double[] {0.1, 0.5}, new double[][] {{1}, {1}});
        assertThrows(IllegalArgumentException.class, () -> calibration.apply(forecast, new double[] {1}, new String[1]));
        Forecast matching = new Forecast("m", AXIS, new String[] {"a"}, new int[] {0}, 1, new double[] {1},
                new double[] {0.1, 0.9}, new double[][] {{1}, {1}});
        assertThrows(IllegalArgumentException.class, () -> calibration.apply(matching, new double[] {1, 1}, new String[1]));
        assertThrows(IllegalArgumentException.class, () -> calibration.apply(matching, new double[] {0}, new String[1]));
        assertThrows(IllegalArgumentException.class, () -> calibration.apply(matching, new double[] {Double.NaN}, new String[1]));
    }

    @Test
    void calibratedQuantilesAreNonDecreasing() {
        SplittableRandom random = new SplittableRandom(7);
        double[] levels = {0.005, 0.025, 0.165, 0.25, 0.5, 0.75, 0.835, 0.975, 0.995};
        ConformalCalibration.Builder builder = ConformalCalibration.builder(3);
        for (int i = 0; i < 300; i++) {
            builder.add(i % 3 == 0 ? "lumpy" : "smooth", i % 3, Math.exp(random.nextGaussian()) - 1.5);
        }
        ConformalCalibration calibration = builder.build(levels, 40);
        double[][] q = new double[levels.length][3];
        Forecast forecast = new Forecast("m", AXIS, new String[] {"a"}, new int[] {0}, 3, new double[] {5, 6, 7}, levels, q);
        Forecast calibrated = calibration.apply(forecast, new double[] {2.5}, new String[] {"lumpy"});
        assertMonotone(calibrated);
    }

    @Test
    void crossedOffsetsFromAHandEditedFileAreMadeMonotone() {
        ObjectNode json = symmetric(new double[] {0.1, 0.9}).toJson();
        ArrayNode offsets = (ArrayNode) json.get("steps").get(0).get("offsets");
        offsets.removeAll().add(2.0).add(-1.0);
        ConformalCalibration crossed = ConformalCalibration.fromJson(json, "edited.json");
        Forecast forecast = new Forecast("m", AXIS, new String[] {"a"}, new int[] {0}, 1, new double[] {10},
                new double[] {0.1, 0.9}, new double[][] {{10}, {10}});
        Forecast calibrated = crossed.apply(forecast, new double[] {1}, new String[1]);
        // 10 + 2 at 0.1; 10 - 1 at 0.9 would cross, so it is lifted to 12
        assertArrayEquals(new double[] {12, 12}, new double[] {calibrated.quantile(0, 0, 0), calibrated.quantile(1, 0, 0)}, EPS);
    }

    @Test
    void jsonRoundTrip(@TempDir Path dir) throws IOException {
        ConformalCalibration.Builder builder = ConformalCalibration.builder(2);
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 60; i++) {
            builder.add(i % 3 == 0 ? "intermittent" : "smooth", i % 2, random.nextGaussian() / 3);
        }
        builder.add(null, 0, 0.123456789012345678);
        ConformalCalibration original = builder.build(LEVELS, 12);
        Path file = dir.resolve("conformal.json");
        original.save(file);
        ConformalCalibration loaded = ConformalCalibration.load(file);

        assertArrayEquals(original.levels(), loaded.levels(), 0);
        assertEquals(original.horizon(), loaded.horizon());
        assertEquals(original.minPerGroup(), loaded.minPerGroup());
        assertEquals(original.groups(), loaded.groups());
        for (int k = 0; k < 3; k++) {
            assertEquals(original.scoreCount(k), loaded.scoreCount(k));
            for (String group : new String[] {null, "intermittent", "smooth"}) {
                assertEquals(original.scoreCount(group, k), loaded.scoreCount(group, k));
                for (int l = 0; l < LEVELS.length; l++) {
                    assertEquals(original.offset(group, l, k), loaded.offset(group, l, k), 0, "exact after a round trip");
                }
            }
        }
        String text = Files.readString(file);
        assertTrue(text.contains("\"format_version\" : 1"), text);
        assertTrue(text.contains("\"min_per_group\" : 12"), text);
        // per step "smooth" has 20 scores, "intermittent" 10, under 12: its counts are kept, offsets null
        assertEquals(20, loaded.scoreCount("smooth", 1));
        assertEquals(10, loaded.scoreCount("intermittent", 1));
        assertEquals(31, loaded.scoreCount(0));
        assertTrue(loaded.toJson().get("groups").get("intermittent").get(0).get("offsets").isNull());
    }

    @Test
    void loadingRejectsOtherVersionsAndInconsistentFiles(@TempDir Path dir) throws IOException {
        ObjectNode json = symmetric(LEVELS).toJson();
        json.put("format_version", 2);
        ArtifactException version = assertThrows(ArtifactException.class, () -> ConformalCalibration.fromJson(json, "c.json"));
        assertTrue(version.getMessage().startsWith("c.json: "), version.getMessage());

        ObjectNode missingOffsets = symmetric(LEVELS).toJson();
        ((ObjectNode) missingOffsets.get("steps").get(0)).putNull("offsets");
        assertThrows(ArtifactException.class, () -> ConformalCalibration.fromJson(missingOffsets, "c.json"));

        ObjectNode wrongLevels = symmetric(LEVELS).toJson();
        ((ArrayNode) wrongLevels.get("levels")).remove(2);
        assertThrows(ArtifactException.class, () -> ConformalCalibration.fromJson(wrongLevels, "c.json"));

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{ \"format_version\": 1, ");
        ArtifactException invalid = assertThrows(ArtifactException.class, () -> ConformalCalibration.load(broken));
        assertTrue(invalid.getMessage().contains("broken.json"), invalid.getMessage());
    }

    @Test
    void scaleOfFallsBackUntilItIsPositive() {
        // seasonal (m = 2) differences |3-1|, |4-2|, |6-3| -> 7/3
        assertEquals(7.0 / 3, ConformalCalibration.scaleOf(new double[] {1, 2, 3, 4, 6}, 2), EPS);
        // gaps and non-finite values are skipped: pairs (1,3) only -> 2
        assertEquals(2.0, ConformalCalibration.scaleOf(new double[] {1, Double.NaN, 3, Double.POSITIVE_INFINITY}, 2), EPS);
        // exactly seasonal: no seasonal change, lag-1 differences 4, 4, 4 -> 4
        assertEquals(4.0, ConformalCalibration.scaleOf(new double[] {1, 5, 1, 5}, 2), EPS);
        // shorter than a season plus one: lag-1 differences 1, 2 -> 1.5
        assertEquals(1.5, ConformalCalibration.scaleOf(new double[] {1, 2, 4}, 12), EPS);
        // constant: the mean level
        assertEquals(3.0, ConformalCalibration.scaleOf(new double[] {-3, -3, -3}, 1), EPS);
        // all zero, a single value of zero, empty: 1
        assertEquals(1.0, ConformalCalibration.scaleOf(new double[] {0, 0, 0}, 1), EPS);
        assertEquals(1.0, ConformalCalibration.scaleOf(new double[] {0}, 1), EPS);
        assertEquals(1.0, ConformalCalibration.scaleOf(new double[0], 7), EPS);
        assertEquals(5.0, ConformalCalibration.scaleOf(new double[] {5}, 1), EPS);
        assertThrows(IllegalArgumentException.class, () -> ConformalCalibration.scaleOf(new double[] {1, 2}, 0));
    }

    /**
     * Exchangeable data: iid Gaussian errors whose size differs by series (scales 0.4 to 20) and grows
     * with the step. Intervals calibrated on windows 1-3 should cover about 80 % of window 4.
     */
    @Test
    void eightyPercentIntervalsCoverAboutEightyPercentOnALaterWindow() {
        int seriesCount = 200;
        int horizon = 4;
        SplittableRandom random = new SplittableRandom(20240611L);
        double[] level = new double[seriesCount];
        double[] sigma = new double[seriesCount];
        double[] scale = new double[seriesCount];
        String[] group = new String[seriesCount];
        for (int s = 0; s < seriesCount; s++) {
            level[s] = 50 + 100 * random.nextDouble();
            sigma[s] = Math.exp(random.nextDouble(-1, 3));
            group[s] = s % 2 == 0 ? "smooth" : "erratic";
            double[] history = new double[40];
            for (int t = 0; t < history.length; t++) {
                history[t] = level[s] + sigma[s] * random.nextGaussian();
            }
            scale[s] = ConformalCalibration.scaleOf(history, 1);
        }
        double[][][] actual = new double[4][seriesCount][horizon];
        for (double[][] window : actual) {
            for (int s = 0; s < seriesCount; s++) {
                for (int k = 0; k < horizon; k++) {
                    window[s][k] = level[s] + sigma[s] * Math.sqrt(k + 1) * random.nextGaussian();
                }
            }
        }
        ConformalCalibration.Builder builder = ConformalCalibration.builder(horizon);
        for (int w = 0; w < 3; w++) {
            for (int s = 0; s < seriesCount; s++) {
                for (int k = 0; k < horizon; k++) {
                    builder.add(group[s], k, (actual[w][s][k] - level[s]) / scale[s]);
                }
            }
        }
        ConformalCalibration calibration = builder.build(LEVELS, 100);
        assertEquals(600, calibration.scoreCount(0));
        assertEquals(300, calibration.scoreCount("smooth", 3));

        String[] ids = new String[seriesCount];
        double[] point = new double[seriesCount * horizon];
        for (int s = 0; s < seriesCount; s++) {
            ids[s] = "s" + s;
            java.util.Arrays.fill(point, s * horizon, (s + 1) * horizon, level[s]);
        }
        Forecast forecast = new Forecast("mean", AXIS, ids, new int[seriesCount], horizon, point, LEVELS,
                new double[][] {point, point, point});
        Forecast calibrated = calibration.apply(forecast, scale, group);
        List<ProbabilisticScore> scores = new ArrayList<>();
        for (int s = 0; s < seriesCount; s++) {
            double[][] q = new double[LEVELS.length][];
            for (int l = 0; l < LEVELS.length; l++) {
                q[l] = quantiles(calibrated, l, s);
            }
            scores.add(ProbabilisticMetrics.score(actual[3][s], q, LEVELS, scale[s]));
        }
        ProbabilisticSummary.IntervalSummary eighty = ProbabilisticSummary.of(scores).intervals().get(0);
        assertEquals(0.8, eighty.nominal(), EPS);
        assertEquals(800, eighty.n());
        assertTrue(eighty.coverage() >= 0.76 && eighty.coverage() <= 0.84, "coverage " + eighty.coverage());
    }

    private static void assertOffsets(ConformalCalibration calibration, String group, double... expected) {
        for (int l = 0; l < expected.length; l++) {
            assertEquals(expected[l], calibration.offset(group, l, 0), EPS, "group " + group + ", level " + l);
        }
    }

    private static double[] quantiles(Forecast forecast, int level, int series) {
        double[] values = new double[forecast.horizon()];
        for (int k = 0; k < values.length; k++) {
            values[k] = forecast.quantile(level, series, k);
        }
        return values;
    }

    private static void assertMonotone(Forecast forecast) {
        for (int s = 0; s < forecast.seriesCount(); s++) {
            for (int k = 0; k < forecast.horizon(); k++) {
                for (int l = 1; l < forecast.levels().length; l++) {
                    assertTrue(forecast.quantile(l, s, k) >= forecast.quantile(l - 1, s, k),
                            "series " + s + ", step " + k + ", level " + l);
                }
            }
        }
    }
}
