package io.demandcast.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code gate:} list of an experiment file and {@code --gate} rules ({@link ConfigLoader#parseGateRule}). */
class GateRuleConfigTest {

    private static ExperimentConfig parse(String yaml) {
        return ConfigLoader.parse(yaml, "configs/x.yaml", List.of());
    }

    private static String error(String yaml) {
        return assertThrows(InvalidConfigException.class, () -> parse(yaml)).getMessage();
    }

    private static String gateError(String text) {
        return assertThrows(InvalidConfigException.class, () -> ConfigLoader.parseGateRule(text)).getMessage();
    }

    // ---- gate: in a file ------------------------------------------------------------------

    @Test
    void gateListBindsEachKindOfRule() {
        ExperimentConfig c = parse("""
                gate:
                  - {metric: rmsse, max: 0.9}
                  - {metric: direction_accuracy, min: 0.55, model: arima}
                  - relative_to: seasonal_naive
                    metric: mase
                    max_ratio: 0.95
                  - {coverage: 0.8, intervals: conformal}
                """);
        assertEquals(List.of(
                new GateRule("rmsse", 0.9, null, null, null, null, null, null, null),
                new GateRule("direction_accuracy", null, 0.55, null, null, null, null, "arima", null),
                new GateRule("mase", null, null, "seasonal_naive", 0.95, null, null, null, null),
                new GateRule(null, null, null, null, null, 0.8, 0.05, null, PredictConfig.Intervals.conformal)),
                c.gate());
        assertEquals(GateRule.Kind.RELATIVE, c.gate().get(2).kind());
        assertEquals(GateRule.Kind.COVERAGE, c.gate().get(3).kind());
    }

    @Test
    void noGateIsAnEmptyList() {
        assertEquals(List.of(), parse("name: a\n").gate());
        assertEquals(List.of(), parse("gate: []\n").gate());
    }

    @Test
    void gateRoundTripsThroughToYaml() {
        ExperimentConfig c = parse("gate:\n  - {relative_to: production, metric: mase, max_ratio: 1.0}\n  - {coverage: 0.9, tolerance: 0.1}\n");
        assertEquals(c, parse(ConfigLoader.toYaml(c)));
    }

    @Test
    void badRulesPointIntoTheFile() {
        assertEquals("configs/x.yaml:3:6: unknown key 'metrc' in gate[1] (allowed: metric, max, min, relative_to, "
                        + "max_ratio, coverage, tolerance, model, intervals, service_level)",
                error("gate:\n  - {metric: mase, max: 1}\n  - {metrc: rmsse, max: 1}\n"));
        assertEquals("configs/x.yaml:2:26: gate[0].max: expected a number, got 'abc'",
                error("gate:\n  - {metric: rmsse, max: abc}\n"));
        assertEquals("configs/x.yaml:3:10: gate[0].max: expected a number, got '0.9'",
                error("gate:\n  - metric: rmsse\n    max: '0.9'\n"));
        assertEquals("configs/x.yaml:2:32: gate[0].intervals: 'exact' is not one of [model, conformal]",
                error("gate:\n  - {coverage: 0.8, intervals: exact}\n"));
        assertEquals("configs/x.yaml:2:5: gate[0]: coverage must lie in (0, 1) (got 1.5)",
                error("gate:\n  - {coverage: 1.5}\n"));
        assertEquals("configs/x.yaml:2:5: gate[0]: a relative_to rule needs max_ratio (and no max/min)",
                error("gate:\n  - {relative_to: seasonal_naive, metric: mase}\n"));
        assertEquals("configs/x.yaml:2:5: gate[0]: max_ratio needs relative_to",
                error("gate:\n  - {metric: mase, max_ratio: 0.9}\n"));
        assertEquals("configs/x.yaml:2:5: gate[0]: a rule needs 'metric' (or 'coverage', or 'service_level')",
                error("gate:\n  - {max: 0.9}\n"));
        // the message quotes the metric: it points there
        assertEquals("configs/x.yaml:2:14: gate[0].metric: rule on 'rmsse' needs max or min",
                error("gate:\n  - {metric: rmsse}\n"));
        assertEquals("configs/x.yaml:2:28: duplicate key 'max' in gate[0] (first at 2:20)",
                error("gate:\n  - {metric: mase, max: 1, max: 2}\n"));
        assertEquals("configs/x.yaml:1:1: gate: expected a list, got a mapping",
                error("gate: {metric: mase, max: 1}\n"));
        assertEquals("configs/x.yaml:2:5: gate[0]: null is not allowed here; remove the entry or give a value",
                error("gate:\n  - ~\n"));
    }

    @Test
    void serviceLevelRulesAndPoliciesBind() {
        ExperimentConfig c = parse("""
                evaluate:
                  policies:
                    - {service_level: 0.95, lead_time: 7}
                    - {fill_rate: 0.98, lead_time: 2, review: 5}
                  policy_calibration_windows: 4
                gate:
                  - {service_level: 0.95, tolerance: 0.02}
                  - {service_level: 0.99, model: ets}
                """);
        assertEquals(List.of(ServicePolicy.cycleService(0.95, 7, 0), ServicePolicy.fillRateTarget(0.98, 2, 5)), c.evaluate().policies());
        assertEquals(4, c.evaluate().policyCalibrationWindows());
        assertEquals("csl_0.95_lt7", c.evaluate().policies().get(0).label());
        assertEquals("fill_0.98_lt2_r5", c.evaluate().policies().get(1).label());
        assertEquals(7, c.evaluate().policies().get(1).protection());
        assertEquals(List.of(GateRule.serviceLevel(0.95, 0.02, null), GateRule.serviceLevel(0.99, 0.02, "ets")), c.gate());
        assertEquals(GateRule.Kind.SERVICE_LEVEL, c.gate().get(0).kind());
        assertEquals(c, parse(ConfigLoader.toYaml(c)));
        assertEquals(GateRule.serviceLevel(0.95, 0.01, null), ConfigLoader.parseGateRule("{service_level: 0.95, tolerance: 0.01}"));
        // a config without policies renders as before they existed
        assertFalse(ConfigLoader.toYaml(parse("name: x\n")).contains("polic"));
    }

    @Test
    void badPoliciesAndServiceLevelRulesSayWhy() {
        assertEquals("configs/x.yaml:2:14: evaluate.policies[0]: service_level must lie in (0, 1), e.g. 0.95 (got 95.0)",
                error("evaluate:\n  policies: [{service_level: 95, lead_time: 7}]\n"));
        assertEquals("configs/x.yaml:2:14: evaluate.policies[0]: a policy needs lead_time (periods from ordering to receiving, >= 1)",
                error("evaluate:\n  policies: [{service_level: 0.95}]\n"));
        assertEquals("configs/x.yaml:2:14: evaluate.policies[0]: a policy needs exactly one target: service_level (cycle service level)"
                        + " or fill_rate (got both)",
                error("evaluate:\n  policies: [{service_level: 0.95, fill_rate: 0.9, lead_time: 7}]\n"));
        assertEquals("configs/x.yaml:2:14: evaluate.policies[0]: review must be >= 0 periods (got -1; 0 = continuous review)",
                error("evaluate:\n  policies: [{service_level: 0.95, lead_time: 7, review: -1}]\n"));
        assertEquals("configs/x.yaml:2:5: gate[0]: a service_level rule takes only service_level, tolerance and model",
                error("gate:\n  - {service_level: 0.95, metric: rmsse, max: 1}\n"));
        assertEquals("configs/x.yaml:2:5: gate[0]: service_level must lie in (0, 1) (got 1.0)",
                error("gate:\n  - {service_level: 1.0}\n"));
    }

    @Test
    void aMisspeltRequiredKeyIsReportedAsUnknownInOtherSectionsToo() {
        assertEquals("configs/x.yaml:2:6: unknown key 'famly' in models[0] (allowed: name, family, params, artifact)",
                error("models:\n  - {famly: ets}\n"));
    }

    @Test
    void overridesCanAddARule() {
        ExperimentConfig c = ConfigLoader.parse("gate:\n  - {metric: mase, max: 1}\n", "configs/x.yaml",
                List.of("gate[1]={metric: rmsse, max: 0.9}"));
        assertEquals(2, c.gate().size());
        assertEquals("--set gate[0].max=x: expected a number, got 'x'", assertThrows(InvalidConfigException.class,
                () -> ConfigLoader.parse("gate:\n  - {metric: mase, max: 1}\n", "configs/x.yaml", List.of("gate[0].max=x"))).getMessage());
    }

    // ---- --gate ---------------------------------------------------------------------------

    @Test
    void parseGateRuleBindsAFlowMapping() {
        assertEquals(new GateRule("rmsse", 0.9, null, null, null, null, null, null, null),
                ConfigLoader.parseGateRule("{metric: rmsse, max: 0.9}"));
        assertEquals(new GateRule("mase", null, null, "production", 1.0, null, null, "ets", null),
                ConfigLoader.parseGateRule("{relative_to: production, metric: mase, max_ratio: 1, model: ets}"));
        assertEquals(new GateRule(null, null, null, null, null, 0.8, 0.1, null, PredictConfig.Intervals.model),
                ConfigLoader.parseGateRule(" {coverage: 0.8, tolerance: 0.1, intervals: model} "));
    }

    @Test
    void parseGateRuleErrorsNameTheFlag() {
        assertEquals("--gate '{metrc: rmsse, max: 1}': unknown key 'metrc' (allowed: metric, max, min, relative_to, "
                + "max_ratio, coverage, tolerance, model, intervals, service_level)", gateError("{metrc: rmsse, max: 1}"));
        assertEquals("--gate '{metric: rmsse, max: abc}': max: expected a number, got 'abc'", gateError("{metric: rmsse, max: abc}"));
        assertEquals("--gate '{metric: rmsse, max: '0.9'}': max: expected a number, got '0.9'", gateError("{metric: rmsse, max: '0.9'}"));
        assertEquals("--gate '{coverage: 0.8, intervals: exact}': intervals: 'exact' is not one of [model, conformal]",
                gateError("{coverage: 0.8, intervals: exact}"));
        assertEquals("--gate '{metric: rmsse}': rule on 'rmsse' needs max or min", gateError("{metric: rmsse}"));
        assertEquals("--gate '{metric: mase, max_ratio: 0.9}': max_ratio needs relative_to", gateError("{metric: mase, max_ratio: 0.9}"));
        assertEquals("--gate '{coverage: 0.8, metric: mase}': a coverage rule takes only coverage, tolerance, model and intervals",
                gateError("{coverage: 0.8, metric: mase}"));
        assertEquals("--gate '{metric: rmsse, max: 1, max: 2}': duplicate key 'max'", gateError("{metric: rmsse, max: 1, max: 2}"));
        assertEquals("--gate '{metric: rmsse, max: [1': invalid YAML: expected ',' or ']', but got <stream end> "
                + "(while parsing a flow sequence started at 1:22)", gateError("{metric: rmsse, max: [1"));
        assertEquals("--gate 'rmsse': expected a YAML mapping such as '{metric: rmsse, max: 0.9}', got 'rmsse'", gateError("rmsse"));
        assertEquals("--gate '[1, 2]': expected a YAML mapping such as '{metric: rmsse, max: 0.9}', got a list", gateError("[1, 2]"));
        assertEquals("--gate: empty rule; expected a YAML mapping such as '{metric: rmsse, max: 0.9}'", gateError(" "));
        assertEquals("--gate: empty rule; expected a YAML mapping such as '{metric: rmsse, max: 0.9}'", gateError(null));
    }
}
