package io.demandcast.core.evaluate.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.demandcast.core.Progress;
import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.config.InvalidConfigException;
import io.demandcast.core.prepare.PrepareJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** evaluate with policies: metrics.json, the report and the service-level gate, end to end on a small panel. */
class ServiceLevelEvaluateTest {
    @TempDir
    Path dir;

    private ExperimentConfig config(String extra) throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        StringBuilder csv = new StringBuilder("series_id,date,value\n");
        for (int s = 0; s < 6; s++) {
            for (int d = 0; d < 120; d++) {
                csv.append("s").append(s).append(',').append(LocalDate.of(2024, 1, 1).plusDays(d)).append(',')
                        .append(random.nextInt(3 + 4 * s)).append('\n');
            }
        }
        Path file = Files.writeString(dir.resolve("in.csv"), csv);
        String yaml = """
                name: policies
                data: {files: [%s], frequency: daily}
                prepare: {output: %s/prepared}
                model: {family: ses}
                backtest: {horizon: 7, windows: 6, step: 7}
                evaluate:
                  output: %s/evaluation
                  policies: [{service_level: 0.9, lead_time: 5}, {fill_rate: 0.95, lead_time: 3, review: 2}]
                %s
                """.formatted(file, dir, dir, extra);
        ExperimentConfig config = ConfigLoader.parse(yaml, "policies.yaml", List.of());
        PrepareJob.run(config, Progress.NONE, name -> null);
        return config;
    }

    @Test
    void writesOutcomesToMetricsAndReportAndGatesOnThem() throws Exception {
        ExperimentConfig config = config("gate: [{service_level: 0.9, tolerance: 0.5}, {service_level: 0.9, tolerance: 0}]");
        BacktestSummary summary = BacktestJob.run(config, Progress.NONE);
        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("evaluation/metrics.json").toFile());
        JsonNode levels = metrics.get("models").get(0).get("service_levels");
        assertEquals("csl_0.9_lt5", levels.get(0).get("policy").asText());
        assertEquals("bootstrap", levels.get(0).get("method").asText());
        assertEquals("all", levels.get(0).get("demand_class").asText());
        assertEquals(5 * 6, levels.get(0).get("cycles").asInt(), "5 windows after the first x 6 series");
        assertTrue(levels.findValues("policy").stream().anyMatch(p -> p.asText().equals("fill_0.95_lt3_r2")));
        String md = Files.readString(dir.resolve("evaluation/report.md"));
        assertTrue(md.contains("## Service levels"), md);
        assertTrue(Files.readString(dir.resolve("evaluation/report.html")).contains("id=\"service-levels\""));

        BacktestRun.GateVerdict verdict = summary.run().gate();
        assertTrue(verdict.outcomes().get(0).passed(), verdict.outcomes().get(0).reason());
        // tolerance 0 fails unless exactly 90 % of 30 cycles (27) were served
        double achieved = levels.get(0).get("achieved_service_level").asDouble();
        assertEquals(Math.abs(achieved - 0.9) < 1e-9, verdict.outcomes().get(1).passed(), verdict.outcomes().get(1).reason());
    }

    @Test
    void policiesThatCannotBeSimulatedAreConfigErrorsBeforeAnyModelRuns() throws Exception {
        ExperimentConfig longLead = config("").withEvaluate(config("").evaluate().withPolicies(
                List.of(io.demandcast.core.config.ServicePolicy.cycleService(0.95, 6, 2))));
        assertEquals("evaluate.policies[0]: lead_time + review = 8 periods exceeds the backtest horizon 7; set backtest.horizon to at least 8",
                assertThrows(InvalidConfigException.class, () -> BacktestJob.run(longLead, Progress.NONE)).getMessage());
        ExperimentConfig noPolicy = config("gate: [{service_level: 0.99}]");
        String message = assertThrows(InvalidConfigException.class, () -> BacktestJob.run(noPolicy, Progress.NONE)).getMessage();
        assertEquals("gate: gate rule {service_level: 0.99, tolerance: 0.02}: no policy with a cycle service level of 99% was"
                + " simulated for 'policies' (add one to evaluate.policies)", message);
        assertFalse(Files.exists(dir.resolve("evaluation/metrics.json")), "nothing written");
    }
}
