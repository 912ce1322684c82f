package io.demandcast.core.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.config.PrepareConfig;
import io.demandcast.core.config.PrepareConfig.EndedSeriesPolicy;
import io.demandcast.core.config.PrepareConfig.Fill;
import io.demandcast.core.config.PrepareConfig.GapConfig;
import io.demandcast.core.config.PrepareConfig.WarningsConfig;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.TimeAxis;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Defect 13 of issue 14 (prepare's half): gap filling that changed a large share of a series, a
 * series spaced more widely than the panel, and series that end before the panel's end were
 * prepared without a word, and an ended series was forecast for dates before the panel's end.
 */
class PrepareWarningsTest {
    private static final TimeAxis WEEKLY = new TimeAxis(Frequency.WEEKLY, TestPanels.MONDAY);

    private static PrepareConfig config(Double filledShare, EndedSeriesPolicy ended, Fill target) {
        return new PrepareConfig(null, new GapConfig(target, null), null, null, null, null, null, null, null,
                new WarningsConfig(filledShare), null, ended);
    }

    /** A panel of the given series, each a list of the periods it has, every target 5. */
    private static Panel panel(TimeAxis axis, List<String> ids, List<int[]> periods) {
        int[] offsets = new int[ids.size() + 1];
        for (int s = 0; s < ids.size(); s++) {
            offsets[s + 1] = offsets[s] + periods.get(s).length;
        }
        int[] all = periods.stream().flatMapToInt(Arrays::stream).toArray();
        double[] target = new double[all.length];
        Arrays.fill(target, 5);
        return new Panel(axis, ids.toArray(String[]::new), offsets, all, target, Map.of(), Map.of(), Map.of());
    }

    private static int[] range(int from, int to) {
        return IntStream.rangeClosed(from, to).toArray();
    }

    private static int[] without(int[] periods, int from, int to) {
        return Arrays.stream(periods).filter(p -> p < from || p > to).toArray();
    }

    private static List<PrepareWarning> warnings(PreparedData d, PrepareWarning.Kind kind) {
        return d.warnings().stream().filter(w -> w.kind() == kind).toList();
    }

    /** Defect 13: missing weeks of a weekly panel were filled with zero sales without a word. */
    @Test
    void missingWeeksFilledWithZeroAreAWarningNamingTheWorstSeries() {
        Panel weekly = panel(WEEKLY, List.of("a", "b", "c"),
                List.of(range(0, 51), without(range(0, 51), 10, 16), without(range(0, 51), 30, 31)));
        PreparedData d = Preparer.prepare(weekly, config(null, null, null), k -> null);
        assertEquals(1, d.warnings().size(), d.warnings().toString());
        PrepareWarning w = d.warnings().get(0);
        assertEquals(PrepareWarning.Kind.filled_share, w.kind());
        assertEquals("b", w.series());
        assertEquals(1, w.seriesCount());
        assertEquals(7.0 / 52, w.share(), 1e-12);
        assertEquals("gap filling/imputation changed more than 5 % of the periods of 1 of 3 series"
                + " (worst: b, 13.5 % of 52 weeks filled with 0 by prepare.gaps.target: zero)", w.message());

        assertEquals("gap filling/imputation changed more than 0 % of the periods of 2 of 3 series"
                + " (worst: b, 13.5 % of 52 weeks interpolated by prepare.gaps.target: linear)",
                Preparer.prepare(weekly, config(0.0, null, Fill.linear), k -> null).warnings().get(0).message());
        assertEquals(List.of(), Preparer.prepare(weekly, config(0.2, null, null), k -> null).warnings(), "below the threshold");
    }

    /** Defect 13: a monthly series inside daily data was zero-filled to daily without a word. */
    @Test
    void aMonthlySeriesInADailyPanelIsNamedWithItsSpacing() {
        // 2024-01-01, 02-01, 03-01, 04-01 are days 0, 31, 60, 91
        Panel daily = panel(TestPanels.DAILY, List.of("d", "m"), List.of(range(0, 91), new int[] {0, 31, 60, 91}));
        PreparedData d = Preparer.prepare(daily, config(null, null, null), k -> null);
        List<PrepareWarning> spacing = warnings(d, PrepareWarning.Kind.spacing);
        assertEquals(1, spacing.size(), d.warnings().toString());
        assertEquals("m", spacing.get(0).series());
        assertEquals("1 of 2 series have dates further apart than the panel's daily periods (m: monthly, a median of 31 days"
                + " between its 4 dates); gap filling makes them daily, the periods between filled with 0 by"
                + " prepare.gaps.target: zero", spacing.get(0).message());
        assertEquals("m", warnings(d, PrepareWarning.Kind.filled_share).get(0).series(), "88 of its 92 days are filled");
    }

    @Test
    void weeklyRowsInADailyPanelAreSpacedButIntermittentSalesDaysAreNot() {
        int[] intermittent = {0, 1, 4, 6, 11, 12, 16, 18, 19, 25, 27, 28};
        int[] weekly = IntStream.rangeClosed(0, 4).map(i -> 7 * i).toArray();
        PreparedData d = Preparer.prepare(panel(TestPanels.DAILY, List.of("sparse", "w"), List.of(intermittent, weekly)),
                config(1.0, null, null), k -> null);
        List<PrepareWarning> spacing = warnings(d, PrepareWarning.Kind.spacing);
        assertEquals(1, spacing.size(), d.warnings().toString());
        assertEquals("w", spacing.get(0).series());
        assertEquals("weekly, a median of 7 days between its 5 dates", spacing.get(0).detail());
    }

    /** Defect 13: a series that ended early kept its own end, so it was forecast for dates before the panel's end. */
    @Test
    void anEndedSeriesIsFilledToThePanelsEndByDefault() {
        Panel raw = panel(TestPanels.DAILY, List.of("a", "b"), List.of(range(0, 19), range(0, 9)));
        PreparedData d = Preparer.prepare(raw, config(null, null, null), k -> null);
        Panel p = d.panel();
        assertEquals(19, p.lastPeriod(1), "b reaches the panel's end");
        assertArrayEquals(new double[] {5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, p.values(1));
        assertEquals(1, d.warnings().size(), "the appended days are the ended-series warning's, not a filled share: " + d.warnings());
        PrepareWarning w = d.warnings().get(0);
        assertEquals(PrepareWarning.Kind.ended_series, w.kind());
        assertEquals("b", w.series());
        assertEquals("1 of 2 series end before the panel's last date 2024-01-20 (earliest: b, last observed 2024-01-10);"
                + " prepare.ended_series: fill extends them to 2024-01-20 (filled with 0 by prepare.gaps.target: zero),"
                + " so they are forecast from the panel's end", w.message());
    }

    @Test
    void anEndedSeriesIsLeftOutOrKeptAsThePolicySays() {
        Panel raw = panel(TestPanels.DAILY, List.of("a", "b", "c"), List.of(range(0, 19), range(0, 9), range(0, 14)));
        PreparedData excluded = Preparer.prepare(raw, config(null, EndedSeriesPolicy.exclude, null), k -> null);
        assertEquals(List.of("a"), excluded.panel().seriesIds());
        assertEquals("2 of 3 series end before the panel's last date 2024-01-20 (earliest: b, last observed 2024-01-10);"
                + " prepare.ended_series: exclude leaves them out of the prepared data", excluded.warnings().get(0).message());

        PreparedData kept = Preparer.prepare(raw, config(null, EndedSeriesPolicy.keep, null), k -> null);
        assertEquals(List.of(19, 9, 14), IntStream.range(0, 3).mapToObj(kept.panel()::lastPeriod).toList());
        assertTrue(kept.warnings().get(0).message().endsWith("prepare.ended_series: keep leaves them as they are, so each is"
                + " forecast from its own last date, before the panel's end"), kept.warnings().toString());
    }

    @Test
    void aSeriesThatStartsLateIsNeitherReportedNorChanged() {
        Panel raw = panel(TestPanels.DAILY, List.of("a", "late"), List.of(range(0, 19), range(10, 19)));
        PreparedData d = Preparer.prepare(raw, config(null, null, null), k -> null);
        assertEquals(List.of(), d.warnings());
        assertEquals(10, d.panel().firstPeriod(1));
        assertEquals(10, d.panel().length(1));
    }

    @Test
    void warningsNameAnonymisedSeriesByTheirAnonymousId() {
        Panel raw = panel(TestPanels.DAILY, List.of("a", "b"), List.of(range(0, 19), range(0, 9)));
        PrepareConfig c = new PrepareConfig(null, null, null, null, null, null, null, null,
                new PrepareConfig.AnonymizeConfig("SALT"), null, null, null);
        PreparedData d = Preparer.prepare(raw, c, k -> "pepper");
        assertEquals(Anonymizer.hash("pepper", "b"), d.warnings().get(0).series());
        assertTrue(!d.warnings().get(0).message().contains("earliest: b,"), d.warnings().get(0).message());
    }

    @Test
    void theThresholdIsAShare() {
        assertEquals("prepare.warnings.filled_share must be between 0 and 1, a share of a series' periods (got 5.0)",
                assertThrows(IllegalArgumentException.class, () -> new WarningsConfig(5.0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new WarningsConfig(-0.1));
        assertThrows(IllegalArgumentException.class, () -> new WarningsConfig(Double.NaN));
        assertEquals(0.05, new WarningsConfig(null).filledShare());
    }
}
