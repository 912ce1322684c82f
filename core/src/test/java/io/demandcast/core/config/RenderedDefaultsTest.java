package io.demandcast.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.prepare.PreparedFreshness;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keys added with a default stay out of the rendered config until set, so datasets prepared by an
 * earlier version stay current (their {@code config_sha256} hashes that render).
 */
class RenderedDefaultsTest {

    @Test
    void theQuickstartConfigHashesAsItDidBeforeThePlanningKeys() {
        ExperimentConfig config = ConfigLoader.load(Path.of("../configs/quickstart.yaml"), List.of());
        // config_sha256 that demandcast 7bb3615 (before plan, lead-time, scenario and stockout keys) wrote
        // for configs/quickstart.yaml; if that file's name, data or prepare section changes on purpose,
        // this hash changes with it.
        assertEquals("8505d777847c47eb8df42eea1cfcbcf806e6beda0a9dc1f79cef095c8c492a4b", PreparedFreshness.configSha256(config));
    }

    @Test
    void defaultsAreLeftOutAndSetValuesRendered() {
        String plain = ConfigLoader.toYaml(ConfigLoader.parse("name: x\n", "x.yaml", List.of()));
        for (String key : List.of("lead_time", "review_period", "sample_paths", "seed", "plan:")) {
            assertFalse(plain.contains(key), key + " rendered at its default:\n" + plain);
        }
        String set = ConfigLoader.toYaml(ConfigLoader.parse(
                "name: x\npredict: {lead_time: 7, review_period: 7, sample_paths: 200, seed: 1}\nplan: {service_level: 0.99}\n",
                "x.yaml", List.of()));
        for (String key : List.of("lead_time: 7", "review_period: 7", "sample_paths: 200", "seed: 1", "service_level: 0.99")) {
            assertTrue(set.contains(key), key + " not rendered:\n" + set);
        }
    }
}
