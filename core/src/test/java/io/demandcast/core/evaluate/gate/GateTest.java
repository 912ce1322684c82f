package io.demandcast.core.evaluate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.GateRule;
import io.demandcast.core.config.PredictConfig.Intervals;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateTest {

    /** Two candidates, the baseline and a production model. */
    private static GateInput leaderboard(String productionModel, String note) {
        Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
        metrics.put("ets", metrics(0.874, 0.934, 0.41, 0.61));
        metrics.put("theta", metrics(0.95, 0.85, 0.62, Double.NaN));
        metrics.put("seasonal_naive", metrics(0.891, 1.02, 0.2, 0.58));
        if (productionModel != null) {
            metrics.put(productionModel, metrics(0.9, 0.88, 0.5, 0.6));
        }
        Map<String, Map<Intervals, Map<Double, Double>>> coverage = new LinkedHashMap<>();
        coverage.put("ets", Map.of(Intervals.model, Map.of(0.8, 0.712, 0.9, 0.88), Intervals.conformal, Map.of(0.8, 0.803)));
        coverage.put("theta", Map.of(Intervals.model, Map.of(0.8, Double.NaN, 0.9, 0.91)));
        return new GateInput(List.of("ets", "theta"), metrics, coverage, Intervals.model, productionModel, note);
    }

    private static Map<String, Double> metrics(double mase, double rmsse, double r2, double directionAccuracy) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("mase", mase);
        m.put("rmsse", rmsse);
        m.put("r2", r2);
        m.put("direction_accuracy", directionAccuracy);
        m.put("bias", -0.2);
        return m;
    }

    private static final GateInput INPUT = leaderboard("production", null);

    private static List<GateOutcome> check(String rule) {
        return Gate.check(List.of(ConfigLoader.parseGateRule(rule)), INPUT);
    }

    private static GateOutcome only(String rule) {
        List<GateOutcome> outcomes = check(rule);
        assertEquals(1, outcomes.size(), outcomes.toString());
        return outcomes.get(0);
    }

    private static String error(String rule, GateInput input) {
        return assertThrows(IllegalArgumentException.class,
                () -> Gate.check(List.of(ConfigLoader.parseGateRule(rule)), input)).getMessage();
    }

    private static void assertOutcome(boolean passed, String model, String reason, GateOutcome o) {
        assertEquals(model, o.model());
        assertEquals(reason, o.reason());
        assertEquals(passed, o.passed(), o.reason());
    }

    // ---- absolute ---------------------------------------------------------------------------

    @Test
    void absoluteMaxChecksEveryCandidateInOrder() {
        List<GateOutcome> o = check("{metric: rmsse, max: 0.9}");
        assertEquals(2, o.size());
        assertOutcome(false, "ets", "rmsse 0.934 > max 0.9", o.get(0));
        assertOutcome(true, "theta", "rmsse 0.85 <= max 0.9", o.get(1));
        assertEquals("{metric: rmsse, max: 0.9}", o.get(0).ruleText());
        assertEquals(ConfigLoader.parseGateRule("{metric: rmsse, max: 0.9}"), o.get(0).rule());
    }

    @Test
    void absoluteMinIsForHigherIsBetterMetrics() {
        List<GateOutcome> o = check("{metric: r2, min: 0.5}");
        assertOutcome(false, "ets", "r2 0.41 < min 0.5", o.get(0));
        assertOutcome(true, "theta", "r2 0.62 >= min 0.5", o.get(1));
    }

    @Test
    void bothBoundsMakeARange() {
        assertOutcome(true, "ets", "bias -0.2 within min -0.5 .. max 0.5", only("{metric: bias, min: -0.5, max: 0.5, model: ets}"));
        assertOutcome(false, "ets", "bias -0.2 < min -0.1", only("{metric: bias, min: -0.1, max: 0.1, model: ets}"));
    }

    @Test
    void aRuleWithAModelChecksOnlyThatModel() {
        assertOutcome(true, "seasonal_naive", "mase 0.891 <= max 1", only("{metric: mase, max: 1.0, model: seasonal_naive}"));
    }

    @Test
    void aValueJustOverTheBoundShowsEnoughDigits() {
        GateInput input = new GateInput(List.of("a"), Map.of("a", Map.of("mase", 0.90004)), null, null, null, null);
        GateOutcome o = Gate.check(List.of(ConfigLoader.parseGateRule("{metric: mase, max: 0.9}")), input).get(0);
        assertOutcome(false, "a", "mase 0.90004 > max 0.9", o);
    }

    @Test
    void valuesAreShownWithThreeDecimalsOrThreeSignificantDigits() {
        assertEquals("0.934", Gate.value(0.93449));
        assertEquals("12.346", Gate.value(12.34567));
        assertEquals("0.00123", Gate.value(0.0012345));
        assertEquals("1", Gate.value(1.0));
        assertEquals("0", Gate.value(0.0));
        assertEquals("NaN", Gate.value(Double.NaN));
        assertEquals("1", Gate.number(1.0));
        assertEquals("0.95", Gate.number(0.95));
    }

    // ---- relative ---------------------------------------------------------------------------

    @Test
    void relativeRatioIsModelOverReference() {
        List<GateOutcome> o = check("{relative_to: seasonal_naive, metric: mase, max_ratio: 0.95}");
        assertOutcome(false, "ets", "mase ratio 0.981 (0.874 / 0.891 seasonal_naive) > max_ratio 0.95", o.get(0));
        assertOutcome(false, "theta", "mase ratio 1.066 (0.95 / 0.891 seasonal_naive) > max_ratio 0.95", o.get(1));
        List<GateOutcome> loose = check("{relative_to: seasonal_naive, metric: mase, max_ratio: 1}");
        assertOutcome(true, "ets", "mase ratio 0.981 (0.874 / 0.891 seasonal_naive) <= max_ratio 1", loose.get(0));
    }

    @Test
    void relativeRatioOfAHigherIsBetterMetricIsReferenceOverModel() {
        // ets: 0.61 against 0.58: better, so the ratio is below 1
        GateOutcome o = only("{relative_to: seasonal_naive, metric: direction_accuracy, max_ratio: 1, model: ets}");
        assertOutcome(true, "ets", "direction_accuracy ratio 0.951 (0.58 seasonal_naive / 0.61, higher is better) <= max_ratio 1", o);
        // ets: r2 0.41 against 0.2: better
        assertOutcome(true, "ets", "r2 ratio 0.488 (0.2 seasonal_naive / 0.41, higher is better) <= max_ratio 0.9",
                only("{relative_to: seasonal_naive, metric: r2, max_ratio: 0.9, model: ets}"));
        // seasonal_naive against ets: worse
        assertOutcome(false, "seasonal_naive", "r2 ratio 2.05 (0.41 ets / 0.2, higher is better) > max_ratio 1",
                only("{relative_to: ets, metric: r2, max_ratio: 1, model: seasonal_naive}"));
    }

    @Test
    void equalModelsGiveARatioOfOneEvenWithRoundingNoise() {
        Map<String, Map<String, Double>> m = new LinkedHashMap<>();
        m.put("candidate", Map.of("mase", 0.1 + 0.2));
        m.put("seasonal_naive", Map.of("mase", 0.3));
        GateInput input = new GateInput(List.of("candidate"), m, null, null, null, null);
        GateOutcome o = Gate.check(List.of(ConfigLoader.parseGateRule("{relative_to: seasonal_naive, metric: mase, max_ratio: 1.0}")), input).get(0);
        assertOutcome(true, "candidate", "mase ratio 1 (0.3 / 0.3 seasonal_naive) <= max_ratio 1", o);
    }

    @Test
    void zeroOverZeroCountsAsEqualAndXOverZeroFails() {
        Map<String, Map<String, Double>> m = new LinkedHashMap<>();
        m.put("a", Map.of("mae", 0.0));
        m.put("b", Map.of("mae", 0.5));
        m.put("seasonal_naive", Map.of("mae", 0.0));
        GateInput input = new GateInput(List.of("a", "b"), m, null, null, null, null);
        List<GateOutcome> o = Gate.check(List.of(ConfigLoader.parseGateRule("{relative_to: seasonal_naive, metric: mae, max_ratio: 1}")), input);
        assertOutcome(true, "a", "mae ratio 1 (0 / 0 seasonal_naive) <= max_ratio 1", o.get(0));
        assertOutcome(false, "b", "mae ratio Infinity (0.5 / 0 seasonal_naive) > max_ratio 1", o.get(1));
    }

    @Test
    void aNegativeValueHasNoRatio() {
        Map<String, Map<String, Double>> m = new LinkedHashMap<>();
        m.put("a", Map.of("r2", -0.3));
        m.put("seasonal_naive", Map.of("r2", 0.2));
        GateInput input = new GateInput(List.of("a"), m, null, null, null, null);
        GateOutcome o = Gate.check(List.of(ConfigLoader.parseGateRule("{relative_to: seasonal_naive, metric: r2, max_ratio: 1}")), input).get(0);
        assertOutcome(false, "a", "r2 ratio undefined (0.2 seasonal_naive / -0.3, higher is better): a ratio needs values >= 0", o);
    }

    @Test
    void relativeToProductionComparesWithTheChampion() {
        List<GateOutcome> o = check("{relative_to: production, metric: rmsse, max_ratio: 1}");
        assertOutcome(false, "ets", "rmsse ratio 1.061 (0.934 / 0.88 production) > max_ratio 1", o.get(0));
        assertOutcome(true, "theta", "rmsse ratio 0.966 (0.85 / 0.88 production) <= max_ratio 1", o.get(1));
    }

    @Test
    void productionIsFoundUnderItsLeaderboardName() {
        GateInput input = leaderboard("ets@20250101T000000Z-ab12cd", null);
        GateOutcome o = Gate.check(List.of(ConfigLoader.parseGateRule("{relative_to: production, metric: mase, max_ratio: 1, model: ets}")), input).get(0);
        assertOutcome(true, "ets", "mase ratio 0.971 (0.874 / 0.9 ets@20250101T000000Z-ab12cd) <= max_ratio 1", o);
    }

    @Test
    void noProductionModelPassesAsAFirstDeployment() {
        GateInput input = leaderboard(null, "no LATEST version of 'ets' in build/artifacts");
        List<GateOutcome> o = Gate.check(List.of(ConfigLoader.parseGateRule("{relative_to: production, metric: mase, max_ratio: 0.5}")), input);
        assertEquals(2, o.size());
        for (GateOutcome outcome : o) {
            assertOutcome(true, outcome.model(), "no production model to compare with (no LATEST version of 'ets' in build/artifacts): "
                    + "passes as a first deployment", outcome);
        }
        GateOutcome named = Gate.check(List.of(ConfigLoader.parseGateRule("{metric: mase, max: 0.1, model: production}")), input).get(0);
        assertOutcome(true, "production", "no production model to compare with (no LATEST version of 'ets' in build/artifacts): "
                + "passes as a first deployment", named);
        GateOutcome noNote = Gate.check(List.of(ConfigLoader.parseGateRule("{relative_to: production, metric: mase, max_ratio: 0.5}")),
                leaderboard(null, null)).get(0);
        assertEquals("no production model to compare with: passes as a first deployment", noNote.reason());
    }

    // ---- coverage ---------------------------------------------------------------------------

    @Test
    void coverageUsesTheDefaultIntervalKind() {
        List<GateOutcome> o = check("{coverage: 0.9, tolerance: 0.05}");
        assertOutcome(true, "ets", "90% interval coverage 0.88 within 0.85..0.95 (model)", o.get(0));
        assertOutcome(true, "theta", "90% interval coverage 0.91 within 0.85..0.95 (model)", o.get(1));
    }

    @Test
    void coverageOutsideTheToleranceFails() {
        GateOutcome o = only("{coverage: 0.8, model: ets}");
        assertOutcome(false, "ets", "80% interval coverage 0.712 outside 0.75..0.85 (model)", o);
        assertEquals("{coverage: 0.8, tolerance: 0.05, model: ets}", o.ruleText());
    }

    @Test
    void coverageOfTheConformalIntervals() {
        GateOutcome o = only("{coverage: 0.8, intervals: conformal, model: ets}");
        assertOutcome(true, "ets", "80% interval coverage 0.803 within 0.75..0.85 (conformal)", o);
    }

    @Test
    void coverageOnTheBoundaryPasses() {
        GateInput input = new GateInput(List.of("a"), Map.of("a", Map.of("mase", 1.0)),
                Map.of("a", Map.of(Intervals.model, Map.of(0.9 - 0.1, 0.75))), null, null, null);
        GateOutcome o = Gate.check(List.of(ConfigLoader.parseGateRule("{coverage: 0.8}")), input).get(0);
        assertOutcome(true, "a", "80% interval coverage 0.75 within 0.75..0.85 (model)", o);
    }

    // ---- undefined values ---------------------------------------------------------------------

    @Test
    void undefinedValuesFailWithAClearReason() {
        assertOutcome(false, "theta", "direction_accuracy is undefined (NaN), so it cannot meet min 0.5",
                only("{metric: direction_accuracy, min: 0.5, model: theta}"));
        assertOutcome(false, "theta", "direction_accuracy is undefined (NaN), so there is no ratio to seasonal_naive",
                only("{relative_to: seasonal_naive, metric: direction_accuracy, max_ratio: 1, model: theta}"));
        assertOutcome(false, "seasonal_naive", "direction_accuracy of theta is undefined (NaN), so there is no ratio to it",
                only("{relative_to: theta, metric: direction_accuracy, max_ratio: 1, model: seasonal_naive}"));
        assertOutcome(false, "theta", "80% interval coverage is undefined (NaN) (model)", only("{coverage: 0.8, model: theta}"));
    }

    @Test
    void aMetricMissingForOneModelIsUndefined() {
        Map<String, Map<String, Double>> m = new LinkedHashMap<>();
        m.put("a", Map.of("mase", 0.5));
        m.put("b", Map.of("mase", 0.5, "wrmsse", 0.7));
        GateInput input = new GateInput(List.of("a", "b"), m, null, null, null, null);
        List<GateOutcome> o = Gate.check(List.of(ConfigLoader.parseGateRule("{metric: wrmsse, max: 1}")), input);
        assertOutcome(false, "a", "wrmsse is undefined (NaN), so it cannot meet max 1", o.get(0));
        assertOutcome(true, "b", "wrmsse 0.7 <= max 1", o.get(1));
    }

    // ---- rules that do not fit the leaderboard -----------------------------------------------

    @Test
    void unknownMetricListsTheKnownOnes() {
        assertEquals("gate rule {metric: rmse2, max: 1}: unknown metric 'rmse2' (known: bias, direction_accuracy, mase, r2, rmsse)",
                error("{metric: rmse2, max: 1}", INPUT));
        assertEquals("gate rule {relative_to: seasonal_naive, metric: MASE, max_ratio: 1}: unknown metric 'MASE' "
                + "(known: bias, direction_accuracy, mase, r2, rmsse)", error("{relative_to: seasonal_naive, metric: MASE, max_ratio: 1}", INPUT));
    }

    @Test
    void unknownModelOrReferenceListsTheLeaderboard() {
        assertEquals("gate rule {metric: mase, max: 1, model: arima}: unknown model 'arima' "
                + "(leaderboard: ets, theta, seasonal_naive, production)", error("{metric: mase, max: 1, model: arima}", INPUT));
        assertEquals("gate rule {relative_to: naive, metric: mase, max_ratio: 1}: unknown relative_to 'naive' "
                        + "(leaderboard: ets, theta, seasonal_naive)",
                error("{relative_to: naive, metric: mase, max_ratio: 1}", leaderboard(null, null)));
    }

    @Test
    void unknownCoverageLevelNamesTheLevelsAvailable() {
        String e = error("{coverage: 0.95, model: ets}", INPUT);
        assertTrue(e.startsWith("gate rule {coverage: 0.95, tolerance: 0.05, model: ets}: the leaderboard has no 95% model interval "
                + "for 'ets' (available: "), e);
        assertTrue(e.contains("80%, 90% model") && e.contains("80% conformal"), e);
        assertEquals("gate rule {coverage: 0.8, tolerance: 0.05, intervals: conformal}: the leaderboard has no 80% conformal interval "
                + "for 'theta' (available: 80%, 90% model)", error("{coverage: 0.8, intervals: conformal}", INPUT));
        assertEquals("gate rule {coverage: 0.8, tolerance: 0.05, model: seasonal_naive}: the leaderboard has no 80% model interval "
                + "for 'seasonal_naive' (available: no interval was scored)", error("{coverage: 0.8, model: seasonal_naive}", INPUT));
    }

    @Test
    void ratiosOfSignedMetricsAndBadBoundsAreRefused() {
        assertEquals("gate rule {relative_to: seasonal_naive, metric: bias, max_ratio: 1}: a ratio of bias means nothing, as it has a sign; "
                + "bound it instead, e.g. {metric: bias, min: -0.1, max: 0.1}", error("{relative_to: seasonal_naive, metric: bias, max_ratio: 1}", INPUT));
        assertEquals("gate rule {metric: mase, min: 2, max: 1}: min 2 is above max 1", error("{metric: mase, min: 2, max: 1}", INPUT));
        GateRule nan = new GateRule("mase", Double.NaN, null, null, null, null, null, null, null);
        assertEquals("gate rule {metric: mase, max: NaN}: bounds must be finite numbers (got NaN)",
                assertThrows(IllegalArgumentException.class, () -> Gate.check(List.of(nan), INPUT)).getMessage());
    }

    @Test
    void aBadRuleFailsTheWholeCheck() {
        List<GateRule> rules = List.of(ConfigLoader.parseGateRule("{metric: mase, max: 1}"), ConfigLoader.parseGateRule("{metric: nope, max: 1}"));
        assertThrows(IllegalArgumentException.class, () -> Gate.check(rules, INPUT));
    }

    // ---- rule text ----------------------------------------------------------------------------

    @Test
    void ruleTextIsCanonicalAndParsesBack() {
        for (String text : List.of("{metric: rmsse, max: 0.9}", "{metric: r2, min: 0.5, model: ets}", "{metric: bias, min: -0.1, max: 0.1}",
                "{relative_to: seasonal_naive, metric: mase, max_ratio: 0.95}", "{relative_to: production, metric: mase, max_ratio: 1}",
                "{coverage: 0.8, tolerance: 0.05}", "{coverage: 0.9, tolerance: 0.1, intervals: conformal, model: 'yes'}",
                "{metric: mase, max: 1, model: 'it''s'}", "{metric: mase, max: 1, model: ets@20250101T000000Z-ab12cd}")) {
            GateRule rule = ConfigLoader.parseGateRule(text);
            assertEquals(text, Gate.ruleText(rule));
            assertEquals(rule, ConfigLoader.parseGateRule(Gate.ruleText(rule)));
        }
        assertEquals("{metric: rmsse, max: 0.9}", Gate.ruleText(ConfigLoader.parseGateRule("{max: 0.90, metric: rmsse}")));
        assertEquals("{relative_to: seasonal_naive, metric: mase, max_ratio: 1}",
                Gate.ruleText(ConfigLoader.parseGateRule("{metric: mase, max_ratio: 1.0, relative_to: seasonal_naive}")));
    }

    @Test
    void noRulesNoOutcomes() {
        assertTrue(Gate.check(List.of(), INPUT).isEmpty());
    }

    @Test
    void inputIsValidated() {
        assertThrows(IllegalArgumentException.class, () -> new GateInput(List.of(), Map.of("a", Map.of()), null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new GateInput(List.of("b"), Map.of("a", Map.of()), null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new GateInput(List.of("a"), Map.of("a", Map.of()), null, null, "p", null));
        assertEquals(Intervals.model, new GateInput(List.of("a"), Map.of("a", Map.of()), null, null, null, null).defaultIntervals());
        assertFalse(INPUT.coverage().isEmpty());
    }

    @Test
    void serviceLevelRulesCheckTheAchievedCycleServiceOfEveryPolicyWithTheTarget() {
        Map<String, List<GateInput.AchievedServiceLevel>> achieved = new LinkedHashMap<>();
        achieved.put("ets", List.of(new GateInput.AchievedServiceLevel("csl_0.95_lt7", 0.95, 0.9412, 3080),
                new GateInput.AchievedServiceLevel("csl_0.99_lt7", 0.99, 0.9871, 3080)));
        achieved.put("theta", List.of(new GateInput.AchievedServiceLevel("csl_0.95_lt7", 0.95, 0.9123, 3080),
                new GateInput.AchievedServiceLevel("csl_0.99_lt7", 0.99, Double.NaN, 0)));
        Map<String, Map<String, Double>> m = new LinkedHashMap<>();
        m.put("ets", Map.of("rmsse", 0.9));
        m.put("theta", Map.of("rmsse", 1.0));
        GateInput input = new GateInput(List.of("ets", "theta"), m, null, null, null, null, achieved);

        List<GateOutcome> at95 = Gate.check(List.of(GateRule.serviceLevel(0.95, 0.02, null)), input);
        assertEquals(2, at95.size());
        assertTrue(at95.get(0).passed());
        assertEquals("{service_level: 0.95, tolerance: 0.02}", at95.get(0).ruleText());
        assertEquals("cycle service level: csl_0.95_lt7 achieved 0.941 within 0.93..0.97 (3080 cycles)", at95.get(0).reason());
        assertFalse(at95.get(1).passed());
        assertEquals("cycle service level: csl_0.95_lt7 achieved 0.912 outside 0.93..0.97 (3080 cycles)", at95.get(1).reason());

        List<GateOutcome> at99 = Gate.check(List.of(GateRule.serviceLevel(0.99, 0.001, "theta")), input);
        assertFalse(at99.get(0).passed(), "no cycle simulated fails");
        assertTrue(Gate.check(List.of(GateRule.serviceLevel(0.99, 0.005, "ets")), input).get(0).passed());
        assertFalse(Gate.check(List.of(GateRule.serviceLevel(0.99, 0.001, "ets")), input).get(0).passed());

        String error = assertThrows(IllegalArgumentException.class,
                () -> Gate.check(List.of(GateRule.serviceLevel(0.9, null, null)), input)).getMessage();
        assertEquals("gate rule {service_level: 0.9, tolerance: 0.02}: no policy with a cycle service level of 90% was simulated"
                + " for 'ets' (add one to evaluate.policies)", error);
        assertEquals(GateRule.serviceLevel(0.95, 0.02, "ets"), ConfigLoader.parseGateRule(Gate.ruleText(GateRule.serviceLevel(0.95, null, "ets"))));
    }
}
