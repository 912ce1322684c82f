package io.demandcast.core.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityReportTest {
    private final Panel panel = new PanelBuilder(TestPanels.DAILY)
            .add("smooth", 0, 2, 2, 2, 2)
            .add("sparse", 0, 0, 3, 0, 0, 5, 0)
            .add("dead", 0, 0, 0)
            .build();
    private final CleaningCounts counts = new CleaningCounts(new int[] {0, 1, 0}, new int[] {0, 2, 0}, new int[] {1, 0, 0},
            new int[] {0, 0, 0}, new int[] {0, 0, 0});
    private final QualityReport report = QualityReport.of(panel, counts);

    @Test
    void perSeriesProfiles() {
        SeriesQuality sparse = report.series().get(1);
        assertEquals(new SeriesQuality("sparse", 6, 4.0 / 6, 2, 0, 0, 1, 0, 2.5, 1.0 / 16, DemandClass.INTERMITTENT), sparse);
        assertEquals(DemandClass.NO_DEMAND, report.series().get(2).demandClass());
    }

    @Test
    void summaryCountsClassesAndTotals() {
        QualityReport.Summary s = report.summary();
        assertEquals(3, s.seriesCount());
        assertEquals(12, s.periods());
        assertEquals(1, s.demandClasses().get(DemandClass.SMOOTH));
        assertEquals(1, s.demandClasses().get(DemandClass.INTERMITTENT));
        assertEquals(1, s.demandClasses().get(DemandClass.NO_DEMAND));
        assertEquals(0, s.demandClasses().get(DemandClass.LUMPY));
        assertEquals(2, s.filledPeriods());
        assertEquals(6.0 / 12, s.zeroShare(), 1e-12);
    }

    @Test
    void worstSeriesRankByChangedShare() {
        assertEquals(List.of("sparse", "smooth"), report.worst(2).stream().map(SeriesQuality::seriesId).toList());
    }

    @Test
    void writesJsonWithSnakeCaseKeysAndNullForUndefined(@TempDir Path dir) throws Exception {
        report.writeTo(dir);
        JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("quality.json")));
        assertEquals(1, json.get("schema_version").asInt());
        assertEquals(1, json.at("/summary/demand_classes/no_demand").asInt());
        assertEquals(2, json.at("/summary/filled_periods").asInt());
        JsonNode dead = json.get("series").get(2);
        assertEquals("dead", dead.get("series_id").asText());
        assertTrue(dead.get("adi").isNull());
        assertEquals("no_demand", dead.get("demand_class").asText());
        assertEquals(2.5, json.get("series").get(1).get("adi").asDouble(), 1e-12);
    }

    @Test
    void writesReadableMarkdown(@TempDir Path dir) throws Exception {
        report.writeTo(dir);
        String md = Files.readString(dir.resolve("quality.md"));
        assertTrue(md.startsWith("# Data quality\n"));
        assertTrue(md.contains("| periods filled | 2 |"), md);
        assertTrue(md.contains("| intermittent | 1 | 33.3% |"), md);
        assertTrue(md.contains("| sparse | 6 | 66.7% | 2 | 0 | 1 | 0 | 2.50 | 0.06 | intermittent |"), md);
    }
}
