package io.demandcast.core.evaluate.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.Progress;
import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.config.InvalidConfigException;
import io.demandcast.core.prepare.PrepareJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElasticityEvaluateTest {
    @TempDir
    Path dir;

    /** Six weekly series, elasticity -2 (brand A) and -1 (brand B), a deal dummy, one series with a fixed price. */
    private ExperimentConfig config(String elasticity) throws Exception {
        Random random = new Random(11);
        StringBuilder csv = new StringBuilder("series_id,date,value,price,deal\n");
        StringBuilder meta = new StringBuilder("series_id,brand\n");
        String[] ids = {"a1", "a2", "a3", "b1", "b2", "fixed"};
        for (String id : ids) {
            double e = id.startsWith("a") ? -2 : -1;
            meta.append(id).append(',').append(id.startsWith("a") ? "A" : "B").append('\n');
            for (int t = 0; t < 80; t++) {
                int deal = random.nextDouble() < 0.25 ? 1 : 0;
                double price = id.equals("fixed") ? 2.0 : (deal == 1 ? 1.6 : 2.0) * Math.exp(0.2 * random.nextGaussian());
                double units = Math.round(200 * Math.pow(price, e) * Math.exp(0.3 * deal + 0.1 * random.nextGaussian()));
                csv.append(id).append(',').append(LocalDate.of(2023, 1, 5).plusWeeks(t)).append(',').append(units).append(',')
                        .append(price).append(',').append(deal).append('\n');
            }
        }
        Path file = Files.writeString(dir.resolve("in.csv"), csv);
        Path metaFile = Files.writeString(dir.resolve("meta.csv"), meta);
        String yaml = """
                name: elastic
                data:
                  files: [%s]
                  frequency: weekly
                  schema: {covariates: [price, deal]}
                  attributes: {file: %s, columns: [brand]}
                prepare: {output: %s/prepared}
                models:
                  - {family: naive}
                  - {family: xgboost, params: {lags: [1, 2], trees: 30, max_depth: 3, threads: 1}}
                backtest: {horizon: 4, windows: 1}
                evaluate:
                  output: %s/evaluation
                  elasticity: %s
                """.formatted(file, metaFile, dir, dir, elasticity);
        return ConfigLoader.parse(yaml, "elastic.yaml", List.of());
    }

    @Test
    void reportHasTheElasticitySectionAndTheCsvFiles() throws Exception {
        ExperimentConfig config = config("{price: price, controls: [deal]}");
        PrepareJob.run(config, Progress.NONE, name -> null);
        BacktestSummary summary = BacktestJob.run(config, Progress.NONE);

        Path out = dir.resolve("evaluation");
        List<String> rows = Files.readAllLines(out.resolve("elasticities.csv"));
        assertEquals("series_id,elasticity,se,lo,hi,n,estimable,reason", rows.get(0));
        assertEquals(7, rows.size());
        for (String row : rows.subList(1, 4)) {
            String[] c = row.split(",", -1);
            assertEquals(-2, Double.parseDouble(c[1]), 3 * Double.parseDouble(c[2]), "within 3 standard errors: " + row);
            assertEquals("76", c[5], "80 weeks less the horizon of the last window: " + row);
        }
        assertEquals("fixed,,,,,76,false,no price variation", rows.get(6));

        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("## Price elasticity"), md);
        assertTrue(md.contains("| 6 | 5 | 100.0% |"), "6 series, 5 estimated, all negative");
        assertTrue(md.contains("By brand"));
        assertTrue(md.matches("(?s).*\\| A \\| 3 \\| 3 \\| -2\\.\\d+ .*"), "brand A pooled near -2: " + md);
        assertTrue(md.matches("(?s).*\\| B \\| 3 \\| 2 \\| -[01]\\.\\d+ .*"), "brand B (with the fixed-price series) pooled near -1: " + md);
        assertTrue(md.contains("| xgboost | 6 |"), "xgboost reads the price and is probed; naive is not");
        assertFalse(md.contains("| naive | 6 |"));
        assertTrue(Files.readString(out.resolve("report.html")).contains("<section id=\"elasticity\">"));

        List<String> response = Files.readAllLines(out.resolve("price_response.csv"));
        assertEquals("model,series_id,forecast,forecast_price_cut,implied_elasticity,estimated_elasticity,wrong_sign", response.get(0));
        assertEquals(7, response.size());
        assertTrue(summary.files().contains(out.resolve("elasticities.csv")));
        assertTrue(summary.files().contains(out.resolve("price_response.csv")));

        // --json: the distribution and the probed models' wrong-sign counts
        Map<String, Object> json = summary.toMap();
        @SuppressWarnings("unchecked")
        Map<String, Object> e = (Map<String, Object>) json.get("elasticity");
        assertEquals("price", e.get("price"));
        assertEquals(6, e.get("series"));
        assertEquals(5, e.get("estimable"));
        assertEquals(1.0, (Double) e.get("share_negative"), 1e-12);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> models = (List<Map<String, Object>>) e.get("price_response");
        assertEquals(1, models.size(), "only xgboost reads the price");
        assertEquals("xgboost", models.get(0).get("model"));
        assertEquals(6, models.get(0).get("series"));
    }

    @Test
    void anUnknownPriceColumnIsAConfigErrorNamingTheKey() throws Exception {
        ExperimentConfig config = config("{price: prize}");
        PrepareJob.run(config, Progress.NONE, name -> null);
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> BacktestJob.run(config, Progress.NONE));
        assertTrue(e.getMessage().startsWith("evaluate.elasticity.price: 'prize' is not a numeric column of the prepared data"),
                e.getMessage());
        assertFalse(Files.exists(dir.resolve("evaluation")), "nothing written");
    }

    @Test
    void anUnknownGroupColumnIsAConfigError() throws Exception {
        ExperimentConfig config = config("{groups: [store]}");
        PrepareJob.run(config, Progress.NONE, name -> null);
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> BacktestJob.run(config, Progress.NONE));
        assertEquals("evaluate.elasticity.groups: 'store' is not a static column of the data (static columns: brand)", e.getMessage());
    }

    @Test
    void unknownKeysAndBadValuesFailWhenTheConfigIsRead() {
        InvalidConfigException unknown = assertThrows(InvalidConfigException.class, () -> config("{price: price, control: [deal]}"));
        assertTrue(unknown.getMessage().contains("control"), unknown.getMessage());
        InvalidConfigException price = assertThrows(InvalidConfigException.class, () -> config("{controls: [price]}"));
        assertTrue(price.getMessage().contains("evaluate.elasticity.controls: 'price' is the price column"), price.getMessage());
    }

    @Test
    void theResolvedConfigRoundTrips() throws Exception {
        ExperimentConfig config = config("{controls: [deal]}");
        ExperimentConfig again = ConfigLoader.parse(ConfigLoader.toYaml(config), "again.yaml", List.of());
        assertEquals(config.evaluate(), again.evaluate());
        assertEquals("price", again.evaluate().elasticity().price());
    }
}
