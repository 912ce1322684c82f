package io.demandcast.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelBuilder;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defect 13 (second half): a fit that falls back to a simpler family says so, per series, through
 * {@link FittedModel#fitOutcomes()}: a season longer than the series, a too-short series, a
 * constant one, an empty one. On the main before fit reports, the outcomes did not exist at all.
 */
class FitOutcomeTest {
    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());

    /** Daily: "long" 30 varying values, "short" 3, "constant" 20 fives, "empty" all missing. */
    private static Panel panel() {
        double[] varying = new double[30];
        for (int t = 0; t < varying.length; t++) {
            varying[t] = 10 + 3 * Math.sin(2 * Math.PI * t / 7) + (t * 7919 % 5);
        }
        double[] constant = new double[20];
        java.util.Arrays.fill(constant, 5);
        return new PanelBuilder(Frequency.DAILY, START)
                .add("long", START, varying)
                .add("short", START.plusDays(27), new double[] {4, 6, 5})
                .add("constant", START.plusDays(10), constant)
                .add("empty", START, new double[] {Double.NaN, Double.NaN})
                .build();
    }

    private static FittedModel fit(String family, String params) throws Exception {
        Forecaster f = ModelRegistry.standard().family(family).create(YAML.readTree(params),
                new ModelContext(Frequency.DAILY, 7, 7, List.of(), ModelContext.DEFAULT_QUANTILE_LEVELS));
        return f.fit(panel());
    }

    private static Map<String, FitOutcome> byId(FittedModel fitted) {
        Map<String, FitOutcome> m = new java.util.HashMap<>();
        fitted.fitOutcomes().forEach(o -> m.put(o.seriesId(), o));
        assertEquals(fitted.seriesIds(), fitted.fitOutcomes().stream().map(FitOutcome::seriesId).toList());
        return m;
    }

    @Test
    void seasonalNaiveOnASeriesShorterThanItsSeasonReportsSeasonLongerThanData() throws Exception {
        Map<String, FitOutcome> o = byId(fit("seasonal_naive", "{}"));
        assertEquals(new FitOutcome("short", "seasonal_naive", "naive", FallbackReason.SEASON_LONGER_THAN_DATA), o.get("short"));
        assertEquals(FitOutcome.asAsked("long", "seasonal_naive"), o.get("long"));
        assertEquals(FitOutcome.asAsked("constant", "seasonal_naive"), o.get("constant"));
        assertEquals(new FitOutcome("empty", "seasonal_naive", "zero", FallbackReason.NO_DATA), o.get("empty"));
    }

    @Test
    void etsReportsTooShortAndConstant() throws Exception {
        Map<String, FitOutcome> o = byId(fit("auto_ets", "{}"));
        assertEquals(new FitOutcome("short", "auto_ets", "naive", FallbackReason.TOO_SHORT), o.get("short"));
        assertEquals(new FitOutcome("constant", "auto_ets", "naive", FallbackReason.CONSTANT), o.get("constant"));
        assertFalse(o.get("long").fellBack());
    }

    @Test
    void holtWintersWithoutTwoSeasonsReportsTheFormItUsed() throws Exception {
        // 30 days hold two weeks: the season is estimated; a 3-day series is naive; with season 24 the 30 days are too short
        Map<String, FitOutcome> weekly = byId(fit("holt_winters", "{}"));
        assertFalse(weekly.get("long").fellBack(), weekly.get("long").toString());
        Map<String, FitOutcome> longSeason = byId(fit("holt_winters", "{season_length: 24}"));
        assertEquals(FallbackReason.SEASON_LONGER_THAN_DATA, longSeason.get("long").reason());
        assertTrue(longSeason.get("long").familyUsed().startsWith("holt_winters(A"), longSeason.get("long").familyUsed());
    }

    @Test
    void arimaReportsConstantAndNoData() throws Exception {
        Map<String, FitOutcome> auto = byId(fit("auto_arima", "{}"));
        assertEquals(new FitOutcome("constant", "auto_arima", "mean", FallbackReason.CONSTANT), auto.get("constant"));
        assertEquals(FallbackReason.NO_DATA, auto.get("empty").reason());
        assertEquals(FallbackReason.CONSTANT, byId(fit("arima", "{order: [1, 0, 0]}")).get("constant").reason());
    }

    @Test
    void autoSaysWhichMemberItChoseAndCombinationsMergeTheirMembers() throws Exception {
        Map<String, FitOutcome> auto = byId(fit("auto", "{}"));
        assertEquals("auto_ets", auto.get("long").familyUsed());
        assertNull(auto.get("long").reason());
        assertEquals(new FitOutcome("constant", "auto", "naive", FallbackReason.CONSTANT), auto.get("constant"));
        Map<String, FitOutcome> combined = byId(fit("combination", "{members: [seasonal_naive, auto_ets]}"));
        assertEquals(new FitOutcome("short", "combination", "naive+naive", FallbackReason.SEASON_LONGER_THAN_DATA), combined.get("short"));
        assertFalse(combined.get("long").fellBack());
    }

    @Test
    void outcomesSurviveSaveAndLoadAndOldStatesLoadAsAsked(@TempDir Path dir) throws Exception {
        FittedModel fitted = fit("seasonal_naive", "{}");
        fitted.save(dir);
        FittedModel loaded = ModelRegistry.standard().family("seasonal_naive").load(dir);
        assertEquals(fitted.fitOutcomes(), loaded.fitOutcomes());
        // a state saved before fit reports existed has no "fallback" entries: every series as asked
        Path state = dir.resolve("state.json");
        JsonNode root = JSON.readTree(state.toFile());
        root.path("series").forEach(s -> ((com.fasterxml.jackson.databind.node.ObjectNode) s).remove("fallback"));
        Files.writeString(state, JSON.writeValueAsString(root));
        FittedModel old = ModelRegistry.standard().family("seasonal_naive").load(dir);
        assertTrue(old.fitOutcomes().stream().noneMatch(FitOutcome::fellBack));
    }

    @Test
    void updateRecomputesAReforecastFamilysOutcome() throws Exception {
        FittedModel fitted = fit("seasonal_naive", "{}");
        double[] longer = new double[10];
        java.util.Arrays.fill(longer, 3);
        longer[9] = 4;
        Panel history = new PanelBuilder(Frequency.DAILY, START).add("short", START.plusDays(27), longer).build();
        assertFalse(byId(fitted.update(history)).get("short").fellBack());
    }

    @Test
    void theReportCountsWritesAndReadsBack(@TempDir Path dir) throws Exception {
        FitReport report = FitReport.of(fit("auto_ets", "{}"));
        assertEquals(3, report.fallbackCount());
        assertEquals(0.75, report.fallbackShare(), 1e-12);
        assertEquals(Map.of("no_data", 1, "too_short", 1, "constant", 1), report.byReason());
        assertEquals("fit: 3 of 4 series fell back (1 no_data → zero, 1 too_short → naive, 1 constant → naive); see x.csv",
                report.summaryLine("x.csv"));
        StringWriter csv = new StringWriter();
        report.write(csv);
        assertEquals("""
                series_id,family_asked,family_used,reason
                long,auto_ets,auto_ets,
                short,auto_ets,naive,too_short
                constant,auto_ets,naive,constant
                empty,auto_ets,zero,no_data
                """, csv.toString());
        report.writeInto(dir);
        assertEquals(report, FitReport.readFrom(dir).orElseThrow());
        assertTrue(FitReport.readFrom(dir.resolve("none")).isEmpty());
        assertTrue(report.exceeds(null, "k").isEmpty());
        assertTrue(report.exceeds(0.75, "k").isEmpty());
        assertEquals("3 of 4 series (75.0 %) fell back to a simpler family, above k 0.5", report.exceeds(0.5, "k").orElseThrow());
    }
}
