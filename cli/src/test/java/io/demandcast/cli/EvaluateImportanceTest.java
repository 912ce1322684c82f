package io.demandcast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate}: feature importance of the ML candidates in metrics.json, the reports and importance.csv; none for statistical ones. */
class EvaluateImportanceTest {
    @TempDir
    Path tmp;

    @Test
    void mlCandidatesReportTheirImportanceAndStatisticalOnesNothing() throws Exception {
        TestProject p = TestProject.create(tmp);
        assertEquals(0, p.run("prepare", "-q").code());
        CliRun.Result r = p.run("evaluate", "-q", "--set",
                "models=[{family: gbm, params: {trees: 20, lags: [1, 7], rolling: [7]}}, {family: ridge, params: {lags: [1, 7]}}, {family: ses}]",
                "--set", "backtest={windows: 2, horizon: 7, refit_every: 2}");
        assertEquals(0, r.code(), r.toString());

        JsonNode metrics = new ObjectMapper().readTree(p.evaluation.resolve("metrics.json").toFile());
        Set<String> withImportance = new HashSet<>();
        for (JsonNode m : metrics.get("models")) {
            String name = m.get("name").asText();
            if (!m.has("importance")) {
                assertFalse(m.has("coefficients"), name);
                continue;
            }
            withImportance.add(name);
            double sum = 0;
            for (JsonNode f : m.get("importance")) {
                assertTrue(f.get("feature").asText().matches("lag_1|lag_7|roll_(mean|std)_(7|28)|day_of_week|day_of_month|week_of_year"
                        + "|month|trend|log_scale"), name + ": a real feature, not " + f);
                sum += f.get("share").asDouble();
            }
            assertEquals(1, sum, 1e-9, name);
            assertEquals(name.equals("ridge"), m.has("coefficients"), name);
        }
        assertEquals(Set.of("gbm", "ridge"), withImportance, "statistical models have none");

        List<String> csv = Files.readAllLines(p.evaluation.resolve("importance.csv"));
        assertEquals("model,feature,share,standardised_coefficient", csv.get(0));
        assertTrue(csv.stream().skip(1).allMatch(l -> l.startsWith("gbm,") || l.startsWith("ridge,")), csv.toString());
        String md = Files.readString(p.evaluation.resolve("report.md"));
        assertTrue(md.contains("## Feature importance") && md.contains("### gbm") && md.contains("### ridge"), md);
        assertFalse(md.contains("### ses"), md);
        String html = Files.readString(p.evaluation.resolve("report.html"));
        assertTrue(html.contains("alt=\"Feature importance of gbm\"") && html.contains("alt=\"Feature importance of ridge\""));
        assertFalse(html.contains("alt=\"Feature importance of ses\""));
    }

    @Test
    void onlyStatisticalModelsWriteNoImportance() {
        TestProject p = TestProject.create(tmp);
        assertEquals(0, p.run("prepare", "-q").code());
        CliRun.Result r = p.run("evaluate", "-q", "--set", "models=[{family: ses}]", "--set", "backtest={windows: 1, horizon: 7}");
        assertEquals(0, r.code(), r.toString());
        assertFalse(Files.exists(p.evaluation.resolve("importance.csv")));
    }
}
