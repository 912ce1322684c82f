package io.demandcast.core.evaluate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.model.FeatureImportance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feature importance in the report: a table per model in Markdown, a chart per model in HTML, importance.csv. */
class ReportImportanceTest {
    @TempDir
    Path dir;

    /** 20 features of a tree model, shares falling geometrically; 3 features of a linear one. */
    static Map<String, List<FeatureImportance>> importance() {
        List<FeatureImportance> trees = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < 20; i++) {
            total += Math.pow(0.7, i);
        }
        for (int i = 0; i < 20; i++) {
            trees.add(new FeatureImportance(i == 0 ? "sell_price_relative" : "lag_" + i, Math.pow(0.7, i) / total, Double.NaN));
        }
        Map<String, List<FeatureImportance>> map = new LinkedHashMap<>();
        map.put("ets", trees);
        map.put("mean_28", List.of(new FeatureImportance("lag_7", 0.6, 1.25), new FeatureImportance("promo", 0.3, -0.625),
                new FeatureImportance("day_of_week", 0.1, 0.2083)));
        return map;
    }

    private static ReportData with(ReportData d, Map<String, List<FeatureImportance>> importance) {
        return new ReportData(d.experiment(), d.createdAt(), d.frequency(), d.horizon(), d.windows(), d.refitEvery(), d.intervals(),
                d.metricNames(), d.leaderboard(), d.traces(), d.errorSamples(), d.errorByStep(), d.coverage(), d.gate(), d.notes(),
                importance);
    }

    @Test
    void modelsWithImportanceGetATableAChartAndCsvRows() throws IOException {
        ReportData data = with(ReportWriterTest.sampleReport(), importance());
        List<Path> files = ReportWriter.write(data, dir);
        assertEquals(dir.resolve(ReportWriter.IMPORTANCE_CSV), files.get(3));

        List<String> csv = Files.readAllLines(dir.resolve(ReportWriter.IMPORTANCE_CSV));
        assertEquals("model,feature,share,standardised_coefficient", csv.get(0));
        assertEquals(1 + 20 + 3, csv.size());
        assertTrue(csv.get(1).startsWith("ets,sell_price_relative,0.3"), csv.get(1));
        assertTrue(csv.get(1).endsWith(","), "no coefficient for trees: " + csv.get(1));
        assertEquals("mean_28,promo,0.3,-0.625", csv.get(22));

        String md = Files.readString(dir.resolve(ReportWriter.REPORT_MD));
        int section = md.indexOf("## Feature importance");
        assertTrue(section > md.indexOf("## Leaderboard") && section < md.indexOf("## Notes"), md);
        assertTrue(md.contains("### ets\n\n| rank | feature | share |\n"), md);
        assertTrue(md.contains("| 1 | sell_price_relative | 30."), md);
        assertTrue(md.contains("| 15 | lag_14 |"), md);
        assertFalse(md.contains("| lag_15 |"), "15 features per model: " + md);
        assertTrue(md.contains("5 more features in `importance.csv`."), md);
        assertTrue(md.contains("| rank | feature | share | standardised coefficient |"), md);
        assertTrue(md.contains("| 2 | promo | 30.0% | -0.6250 |"), md);

        String html = Files.readString(dir.resolve(ReportWriter.REPORT_HTML));
        int importance = html.indexOf("<section id=\"importance\">");
        assertTrue(importance > 0, "an importance section");
        String part = html.substring(importance, html.indexOf("</section>", importance));
        assertEquals(2, part.split("<img ", -1).length - 1, "one chart per model");
        assertTrue(part.contains("alt=\"Feature importance of ets\""), part.substring(0, 400));
        assertTrue(part.contains("The 15 most important of the 20 features of ets"));
    }

    @Test
    void withoutImportanceThereIsNoSectionAndNoCsv() throws IOException {
        List<Path> files = ReportWriter.write(ReportWriterTest.sampleReport(), dir);
        assertEquals(3, files.size());
        assertFalse(Files.exists(dir.resolve(ReportWriter.IMPORTANCE_CSV)));
        assertFalse(Files.readString(dir.resolve(ReportWriter.REPORT_MD)).contains("Feature importance"));
        assertFalse(Files.readString(dir.resolve(ReportWriter.REPORT_HTML)).contains("id=\"importance\""));
    }

    @Test
    void theChartIsDeterministic() {
        List<FeatureImportance> features = importance().get("ets");
        assertTrue(java.util.Arrays.equals(ReportCharts.importance("ets", features), ReportCharts.importance("ets", features)));
    }
}
