package io.demandcast.core.evaluate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The service-level table of report.md / report.html and the chart of order-up-to levels. */
class ServiceLevelReportTest {

    private static PolicyRow row(String model, int rank, String method, String demandClass, double csl) {
        return new PolicyRow(model, rank, "csl_0.95_lt7", false, 0.95, 7, 0, method, demandClass, 3080, csl, 0.9907, 45.67,
                0.054, 66.0);
    }

    static ReportData withPolicies() throws Exception {
        List<PolicyRow> rows = List.of(row("auto_ets", 1, "bootstrap", "all", 0.9724), row("auto_ets", 1, "normal", "all", 0.9084),
                row("auto_ets", 1, "bootstrap", "intermittent", 0.9788), row("auto_ets", 1, "bootstrap", "smooth", 0.9615),
                row("tsb", 2, "bootstrap", "all", 0.9701));
        List<LocalDate> dates = List.of(LocalDate.of(2016, 6, 13), LocalDate.of(2016, 6, 14), LocalDate.of(2016, 6, 15));
        LevelFan fan = new LevelFan("FOODS_3_090_CA_3", "auto_ets", dates, new double[] {2, 4, 6}, new double[] {0, 1, 3},
                new double[] {5, 8, 11}, 0.9, new double[] {3, 3, 7},
                List.of(new LevelFan.Level("S csl_0.95_lt7", 10, false), new LevelFan.Level("S csl_0.95_lt7 (normal)", 8, true)));
        return ReportWriterTest.sampleReport().withServiceLevels(rows, List.of(fan));
    }

    @Test
    void markdownHasOneRowPerModelAndMethodAndTheBestModelsClasses() throws Exception {
        String md = MarkdownReport.render(withPolicies());
        assertTrue(md.contains("## Service levels"), md);
        assertTrue(md.contains("| auto_ets | CSL 95%, L=7 | bootstrap of errors | 3080 | 97.2% | 99.1% | 45.67 | 0.054 | 66.00 |"), md);
        assertTrue(md.contains("| auto_ets | CSL 95%, L=7 | normal baseline | 3080 | 90.8% |"), md);
        assertTrue(md.contains("| tsb | CSL 95%, L=7 | bootstrap of errors | 3080 | 97.0% |"), md);
        assertTrue(md.contains("By demand class, auto_ets:"), md);
        assertTrue(md.contains("| intermittent | CSL 95%, L=7 | bootstrap of errors | 3080 | 97.9% |"), md);
        assertFalse(MarkdownReport.render(ReportWriterTest.sampleReport()).contains("Service levels"), "no policies, no section");
    }

    @Test
    void htmlHasTheTableAndOneChartPerExampleSeries() throws Exception {
        ReportData data = withPolicies();
        String html = HtmlReport.render(data, ReportHeading.backtest(data));
        assertTrue(html.contains("<section id=\"service-levels\">"));
        assertTrue(html.contains("<td class=\"text\">normal baseline</td>"));
        assertTrue(html.contains("alt=\"Cumulative demand and order-up-to levels of FOODS_3_090_CA_3\""));
        byte[] png = ReportCharts.levels(data.levelFans().get(0));
        assertEquals((byte) 0x89, png[0]);
        assertTrue(png.length > 1000);
    }
}
