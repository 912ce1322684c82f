package io.demandcast.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, defect 8: {@code predict.horizon} had no upper bound (2e9 gave a
 * NegativeArraySizeException, 1e8 an OutOfMemoryError, 1e7 a 748 MB file). Bounds are now checked
 * when the config loads, naming the key and the maximum. Also defect 12's names: refused at load.
 */
class ConfigBoundsTest {

    private static ExperimentConfig parse(String yaml, String... overrides) {
        return ConfigLoader.parse(yaml, "configs/x.yaml", List.of(overrides));
    }

    private static String error(String yaml, String... overrides) {
        return assertThrows(InvalidConfigException.class, () -> parse(yaml, overrides)).getMessage();
    }

    @Test
    void aHorizonAboveTheMaximumIsRefusedNamingKeyAndMaximum() {
        assertEquals("configs/x.yaml:2:12: predict.horizon must be <= 10000 periods, the documented maximum (got 2.0E9)",
                error("predict:\n  horizon: 2e9\n"));
        assertEquals("configs/x.yaml:2:12: predict.horizon must be <= 10000 periods, the documented maximum (got 100000000)",
                error("predict:\n  horizon: 100000000\n"));
        assertEquals("configs/x.yaml:2:12: predict.horizon must be <= 10000 periods, the documented maximum (got 10000000000)",
                error("predict:\n  horizon: 10000000000\n"));
        assertEquals("--set predict.horizon=2000000000: predict.horizon must be <= 10000 periods, the documented maximum (got 2000000000)",
                error("predict:\n  horizon: 7\n", "predict.horizon=2000000000"));
        assertEquals(10_000, parse("predict:\n  horizon: 10000\n").predict().horizon());
    }

    @Test
    void backtestCountsAreBounded() {
        assertTrue(error("backtest:\n  windows: 5000\n").startsWith("configs/x.yaml:2:12: backtest.windows must be <= 1000 windows"));
        assertTrue(error("backtest:\n  horizon: 20000\n").startsWith("configs/x.yaml:2:12: backtest.horizon must be <= 10000 periods"));
        assertTrue(error("backtest:\n  step: 1e6\n").startsWith("configs/x.yaml:2:9: backtest.step must be <= 10000 periods"));
        assertThrows(IllegalArgumentException.class, () -> new PredictConfig(10_001, null, null, null, null, null));
    }

    @Test
    void quantileLevelsLieStrictlyBetweenZeroAndOne() {
        assertEquals("configs/x.yaml:2:3: predict.quantiles must lie in (0, 1) (got 1.5)",
                error("predict:\n  quantiles: [0.5, 1.5]\n"));
        String nan = error("predict:\n  quantiles: [.nan]\n");
        assertTrue(nan.startsWith("configs/x.yaml:2:") && nan.contains("'.nan'"), nan);
    }

    @Test
    void namesFollowOnePattern() {
        for (String bad : List.of("..", ".x", "-x", "a..b", "a/b", "_x", "x".repeat(101))) {
            String e = error("model:\n  name: '" + bad + "'\n");
            assertTrue(e.startsWith("configs/x.yaml:2:9: model.name: '"), e);
            assertTrue(e.contains("is not a valid name (" + Names.RULE + ")"), e);
        }
        assertTrue(error("model:\n  name: '" + "x".repeat(300) + "'\n").contains("(300 characters)"));
        assertTrue(error("name: ..\n").startsWith("configs/x.yaml:1:7: name: '..' is not a valid name"));
        assertTrue(error("tune:\n  model_name: -x\n  space: [{family: naive}]\n").contains("tune.model_name: '-x' is not a valid name"));
        assertTrue(error("model: {family: naive}\n", "model.name=..").startsWith("--set model.name=..: model.name: '..'"));
        for (String good : List.of("a", "A.b_c-9", "9", "x".repeat(100), "seasonal_naive")) {
            assertEquals(good, parse("model:\n  name: '" + good + "'\n").model().name());
        }
    }
}
