package io.demandcast.core.evaluate.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.Progress;
import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.data.Panel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.prepare.PrepareJob;
import io.demandcast.core.prepare.PrepareSummary;
import io.demandcast.core.prepare.PreparedSplits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stockout-aware demand, end to end through prepare and the backtest engine: periods marked out of
 * stock, whose sales are an absurd 0 where demand is about 100, give exactly the fits, forecasts and
 * metrics of the same data with those periods' targets missing, for local families and a global ML
 * family; and their number is reported.
 */
class CensoredDemandEvaluateTest {
    @TempDir
    Path dir;

    private static final String MODELS = "[{name: snaive, family: seasonal_naive}, {name: ets, family: auto_ets},"
            + " {name: ridge, family: ridge, params: {lags: [1, 7], rolling: [7]}}, {name: croston, family: croston}]";
    private static final List<String> MODEL_NAMES = List.of("snaive", "ets", "ridge", "croston");

    /** Out-of-stock days: s0 a 14-day run in the history, s1 across both windows, s2 two days in the last. */
    private static final Map<String, Set<Integer>> OUT = Map.of(
            "s0", range(50, 63), "s1", range(110, 113), "s2", range(117, 118), "s3", Set.of());
    private static final int DAYS = 120;

    private static Set<Integer> range(int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).boxed().collect(java.util.stream.Collectors.toSet());
    }

    private enum Marking { AVAILABILITY, ON_HAND, EMPTY_CELLS, ZEROS_UNMARKED }

    /** Daily demand about 100 with a weekly profile; out-of-stock days as {@code marking} writes them. */
    private Path csv(Marking marking) throws Exception {
        StringBuilder csv = new StringBuilder("series_id,date,value"
                + (marking == Marking.AVAILABILITY ? ",in_stock" : marking == Marking.ON_HAND ? ",on_hand" : "") + "\n");
        for (int s = 0; s < 4; s++) {
            String id = "s" + s;
            for (int d = 0; d < DAYS; d++) {
                double demand = 100 + 10 * s + 15 * Math.sin(2 * Math.PI * d / 7) + (d * (s + 5)) % 11 + 0.2 * d;
                boolean out = OUT.get(id).contains(d);
                String value = out ? (marking == Marking.EMPTY_CELLS ? "" : "0") : String.format(java.util.Locale.ROOT, "%.1f", demand);
                csv.append(id).append(',').append(LocalDate.of(2024, 1, 1).plusDays(d)).append(',').append(value);
                if (marking == Marking.AVAILABILITY) {
                    csv.append(',').append(out ? (d % 2 == 0 ? "0" : "false") : (d % 3 == 0 ? "true" : "1"));
                } else if (marking == Marking.ON_HAND) {
                    // a sell-out day (stock 0 at the end, sales made) stays demand: day 40 of every series
                    csv.append(',').append(out ? (d % 2 == 0 ? "0" : "-3") : d == 40 ? "0" : String.valueOf(20 + d % 5));
                }
                csv.append('\n');
            }
        }
        Path file = dir.resolve(marking.name().toLowerCase(java.util.Locale.ROOT) + ".csv");
        Files.writeString(file, csv);
        return file;
    }

    private ExperimentConfig config(Marking marking) throws Exception {
        String name = marking.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        String schema = switch (marking) {
            case AVAILABILITY -> ", schema: {availability: in_stock}";
            case ON_HAND -> ", schema: {on_hand: on_hand}";
            default -> "";
        };
        // The reference leaves its empty cells empty; the censored data keeps the default zero fill, which censoring overrides.
        String gaps = marking == Marking.EMPTY_CELLS ? ", gaps: {target: missing}" : "";
        String yaml = """
                name: %s
                data: {files: ['%s'], frequency: daily%s}
                prepare: {output: '%s/%s/prepared'%s}
                backtest: {horizon: 7, windows: 2}
                predict: {quantiles: [0.1, 0.5, 0.9]}
                models: %s
                evaluate: {output: '%s/%s/out'}
                """.formatted(name, csv(marking), schema, dir, name, gaps, MODELS, dir, name);
        return ConfigLoader.parse(yaml, name + ".yaml", List.of());
    }

    @Test
    void censoredPeriodsNeverEnterAFitOrAMetric() throws Exception {
        ExperimentConfig censoredConfig = config(Marking.AVAILABILITY);
        PrepareSummary prepared = PrepareJob.run(censoredConfig, Progress.NONE, n -> null);
        assertEquals(20, prepared.censored());
        ExperimentConfig emptyConfig = config(Marking.EMPTY_CELLS);
        assertEquals(-1, PrepareJob.run(emptyConfig, Progress.NONE, n -> null).censored());

        // The prepared target is missing where the shelf was empty, never the 0 sold there.
        PreparedSplits data = PreparedSplits.open(dir.resolve("availability/prepared"));
        Panel panel = data.all();
        assertFalse(panel.hasNumeric("censored"), "the mark is no covariate");
        assertFalse(panel.hasNumeric("in_stock"), "the stock column is not kept");
        for (int s = 0; s < panel.seriesCount(); s++) {
            for (int r = panel.rowStart(s); r < panel.rowEnd(s); r++) {
                int day = panel.period(r) - panel.firstPeriod(s);
                boolean out = OUT.get(panel.seriesId(s)).contains(day);
                assertEquals(out, Double.isNaN(panel.target(r)), panel.seriesId(s) + " day " + day);
                assertEquals(out, data.censored().contains(panel.seriesId(s), panel.period(r)));
            }
        }
        assertEquals(20, data.censored().total());

        BacktestSummary censored = BacktestJob.run(censoredConfig, Progress.NONE);
        BacktestSummary missing = BacktestJob.run(emptyConfig, Progress.NONE);
        for (String model : MODEL_NAMES) {
            ModelScores a = censored.run().leaderboard().entry(model).scores();
            ModelScores b = missing.run().leaderboard().entry(model).scores();
            for (int w = 0; w < 2; w++) {
                Forecast fa = a.run().forecasts().get(w);
                Forecast fb = b.run().forecasts().get(w);
                for (int i = 0; i < fa.seriesCount(); i++) {
                    assertArrayEquals(fb.points(i), fa.points(i), 0, model + " window " + w + " " + fa.seriesId(i));
                }
            }
            Map<String, Double> va = censored.run().leaderboard().entry(model).values();
            Map<String, Double> vb = missing.run().leaderboard().entry(model).values();
            assertEquals(vb.keySet(), va.keySet());
            vb.forEach((metric, v) -> {
                if (!metric.contains("seconds")) {
                    assertEquals(v, va.get(metric), 0, model + " " + metric);
                }
            });
        }

        // Windows end on the last day: window 1 forecasts days 106-112, window 2 days 113-119.
        assertEquals(6, censored.run().censored()); // s1: 110-112 and 113; s2: 117-118
        assertEquals(-1, missing.run().censored());
        SeriesWindow s1First = censored.run().leaderboard().entry("ets").scores().rows().stream()
                .filter(r -> r.window() == 0 && r.seriesId().equals("s1")).findFirst().orElseThrow();
        assertEquals(3, s1First.censored());
        assertEquals(4, s1First.metrics().n(), "the censored days are not scored");

        String metrics = Files.readString(censored.output().resolve(BacktestFiles.METRICS));
        assertTrue(metrics.matches("(?s).*\"censored_periods_excluded\" ?: ?6,.*"), metrics);
        List<String> perSeries = Files.readAllLines(censored.output().resolve(BacktestFiles.PER_SERIES));
        assertTrue(perSeries.get(0).startsWith("model,window,cutoff,series_id,demand_class,volume,n,censored,mae,"), perSeries.get(0));
        assertTrue(perSeries.stream().anyMatch(l -> l.startsWith("ets,1,") && l.contains(",s1,") && l.contains(",4,3,")), perSeries.toString());
        assertFalse(Files.readAllLines(missing.output().resolve(BacktestFiles.PER_SERIES)).get(0).contains("censored"));
        assertTrue(Files.readString(censored.output().resolve("report.md")).contains("6 forecast period(s) were out of stock"));
        assertTrue(censored.text().contains("6 out-of-stock period(s) left out of every metric"), censored.text());
        assertEquals(6L, censored.toMap().get("censored_periods_excluded"));
    }

    @Test
    void onHandCensorsNoSaleWithoutStockAndKeepsSellOutDays() throws Exception {
        ExperimentConfig onHand = config(Marking.ON_HAND);
        assertEquals(20, PrepareJob.run(onHand, Progress.NONE, n -> null).censored());
        ExperimentConfig empty = config(Marking.EMPTY_CELLS);
        PrepareJob.run(empty, Progress.NONE, n -> null);
        BacktestSummary a = BacktestJob.run(onHand, Progress.NONE);
        BacktestSummary b = BacktestJob.run(empty, Progress.NONE);
        for (String model : MODEL_NAMES) {
            Map<String, Double> vb = b.run().leaderboard().entry(model).values();
            a.run().leaderboard().entry(model).values().forEach((metric, v) -> {
                if (!metric.contains("seconds")) {
                    assertEquals(vb.get(metric), v, 0, model + " " + metric);
                }
            });
        }
        assertEquals(6, a.run().censored());
    }

    @Test
    void withoutTheMarkTheZerosWouldBeDemand() throws Exception {
        // The same zeros unmarked: seen as no demand, so fits and scores differ (the test above is not vacuous).
        ExperimentConfig zeros = config(Marking.ZEROS_UNMARKED);
        PrepareJob.run(zeros, Progress.NONE, n -> null);
        ExperimentConfig censoredConfig = config(Marking.AVAILABILITY);
        PrepareJob.run(censoredConfig, Progress.NONE, n -> null);
        BacktestSummary unmarked = BacktestJob.run(zeros, Progress.NONE);
        BacktestSummary censored = BacktestJob.run(censoredConfig, Progress.NONE);
        for (String model : MODEL_NAMES) {
            assertNotEquals(unmarked.run().leaderboard().entry(model).values().get("mae"),
                    censored.run().leaderboard().entry(model).values().get("mae"), model);
        }
    }
}
