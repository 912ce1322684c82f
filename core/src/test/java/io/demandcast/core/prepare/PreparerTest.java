package io.demandcast.core.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.config.InvalidConfigException;
import io.demandcast.core.config.PrepareConfig;
import io.demandcast.core.config.PrepareConfig.AnonymizeConfig;
import io.demandcast.core.config.PrepareConfig.FeatureConfig;
import io.demandcast.core.config.PrepareConfig.Fill;
import io.demandcast.core.config.PrepareConfig.GapConfig;
import io.demandcast.core.config.PrepareConfig.NegativePolicy;
import io.demandcast.core.config.PrepareConfig.OutlierAction;
import io.demandcast.core.config.PrepareConfig.OutlierConfig;
import io.demandcast.core.config.PrepareConfig.OutlierMethod;
import io.demandcast.core.config.PrepareConfig.PriceConfig;
import io.demandcast.core.config.PrepareConfig.ScalingConfig;
import io.demandcast.core.config.PrepareConfig.ScalingMethod;
import io.demandcast.core.config.PrepareConfig.SplitConfig;
import io.demandcast.core.data.Categorical;
import io.demandcast.core.data.Panel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreparerTest {
    private static final double N = Double.NaN;
    private static final int M = Categorical.MISSING;

    /** s0: periods 0..9 with period 3 absent, a return (-2) at 5 and an empty price at 1; s1: periods 2..9. */
    private static Panel raw() {
        int[] periods = {0, 1, 2, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5, 6, 7, 8, 9};
        double[] target = {1, 2, 3, 5, -2, 7, 8, 9, 10, 0, 0, 4, 0, 0, 0, 6, 0};
        double[] price = {2, N, 2, 2, 4, 4, 4, 4, 4, 1, 1, 1, 1, 1, 1, 1, 1};
        int[] events = new int[17];
        java.util.Arrays.fill(events, M);
        events[2] = 0;
        return TestPanels.withCovariates(new int[] {0, 9, 17}, periods, target, price, events, List.of("Sporting"));
    }

    private static PrepareConfig config(ScalingConfig scaling, AnonymizeConfig anonymize) {
        return new PrepareConfig(null, new GapConfig(Fill.linear, Fill.ffill), NegativePolicy.zero,
                new OutlierConfig(OutlierMethod.none, null, null, null), null,
                new FeatureConfig(List.of("day_of_week", "events"), List.of(1), null, new PriceConfig("price", 2)),
                scaling, new SplitConfig(2, 2, null, null), anonymize, null, null, null);
    }

    @Test
    void runsEveryStepInOrder() {
        Panel input = raw();
        PreparedData d = Preparer.prepare(input, config(new ScalingConfig(ScalingMethod.minmax, List.of("lag_1")), null), k -> null);
        Panel p = d.panel();
        assertTrue(p.isRegular());
        // negative -> 0 first, then the absent period 3 interpolated between 3 and 5
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 0, 7, 8, 9, 10}, java.util.Arrays.copyOf(p.targetColumn(), 10));
        assertArrayEquals(new int[] {1, 0}, d.counts().negatives());
        assertArrayEquals(new int[] {1, 0}, d.counts().filledPeriods());
        assertArrayEquals(new int[] {2, 0}, d.counts().imputedCovariates(), "price at 1 and at inserted period 3");
        assertEquals(List.of("day_of_week", "event", "event_sporting", "lag_1", "price_change", "price_rel_2"), d.features());
        assertEquals(new SplitPoints(p.axis(), 0, 5, 7, 9), d.split());
        // lag_1 fitted on train rows (periods <= 5): s0 lags 1,2,3,4,5 and s1 lags 0,0,4 -> min 0, max 5
        assertEquals(List.of(new ScalerParams("lag_1", ScalingMethod.minmax, 0, 5)), d.scalers());
        assertEquals(1.6, p.numeric("lag_1", 8), 1e-6, "period 8 lag 8 scaled by the train range (features are float-stored)");
        assertEquals(7.0, p.target(6), "target is never scaled");
        assertFalse(d.anonymized());
        assertEquals(2, d.quality().series().size());
        assertEquals(6 + 4, d.train().rowCount(), "s0 periods 0..5, s1 periods 2..5");
        assertEquals(4, d.test().rowCount());
        assertArrayEquals(new double[] {1, 2, 3, 5, -2, 7, 8, 9, 10, 0, 0, 4, 0, 0, 0, 6, 0}, input.targetColumn(), "raw unchanged");
    }

    @Test
    void defaultScalingCoversEveryColumnWithTrainValues() {
        PreparedData d = Preparer.prepare(raw(), config(new ScalingConfig(ScalingMethod.standard, null), null), k -> null);
        assertEquals(List.of("price", "day_of_week", "event", "event_sporting", "lag_1", "price_change", "price_rel_2"),
                d.scalers().stream().map(ScalerParams::column).toList());
    }

    @Test
    void anonymisesLastAndReportsUnderTheNewIds() {
        PreparedData d = Preparer.prepare(raw(), config(null, new AnonymizeConfig("SALT")), Map.of("SALT", "s3cret")::get);
        String a = Anonymizer.hash("s3cret", "s0");
        assertEquals(a, d.panel().seriesId(0));
        assertEquals("s0", d.anonymization().get(a));
        assertEquals(a, d.quality().series().get(0).seriesId());
    }

    @Test
    void configThatDoesNotFitTheDataIsAConfigError() {
        PrepareConfig badPrice = new PrepareConfig(null, null, null, null, null,
                new FeatureConfig(null, null, null, new PriceConfig("sell_price", null)), null, null, null, null, null, null);
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> Preparer.prepare(raw(), badPrice, k -> null));
        assertEquals("prepare.features.price.column: 'sell_price' is not a numeric covariate; the data has [price]", e.getMessage());
        PrepareConfig finer = new PrepareConfig(null, null, null, null, "daily", null, null, null, null, null, null, null);
        Panel weekly = Aggregator.aggregate(GapFiller.fill(raw(), new GapConfig(null, null)).panel(), io.demandcast.core.data.Frequency.WEEKLY);
        assertThrows(InvalidConfigException.class, () -> Preparer.prepare(weekly, finer, k -> null));
    }

    @Test
    void emptySeriesPassesThroughEveryStep() {
        Panel p = new Panel(TestPanels.DAILY, new String[] {"empty", "b"}, new int[] {0, 0, 4}, new int[] {0, 1, 2, 3},
                new double[] {0, 3, 0, 5}, Map.of("price", new double[] {1, 1, 2, 2}), Map.of(), Map.of());
        PrepareConfig c = new PrepareConfig(null, null, null, new OutlierConfig(OutlierMethod.hampel, 1, 3.0, OutlierAction.flag),
                null, new FeatureConfig(List.of("month"), List.of(1), null, new PriceConfig("price", 2)),
                new ScalingConfig(ScalingMethod.minmax, null), new SplitConfig(1, null, null, null), null, null, null, null);
        PreparedData d = Preparer.prepare(p, c, k -> null);
        assertEquals(0, d.panel().length(0));
        assertEquals(DemandClass.NO_DEMAND, d.quality().series().get(0).demandClass());
        assertEquals(DemandClass.INTERMITTENT, d.quality().series().get(1).demandClass(), "ADI 2, CV² 1/16");
    }

    @Test
    void aggregatesBeforeFeatures() {
        PrepareConfig weekly = new PrepareConfig(null, null, null, null, "weekly",
                new FeatureConfig(null, List.of(1), null, null), null, null, null, null, null, null);
        double[] y = new double[14];
        java.util.Arrays.fill(y, 1);
        Panel p = new io.demandcast.core.data.PanelBuilder(TestPanels.DAILY).add("a", 0, y).build();
        PreparedData d = Preparer.prepare(p, weekly, k -> null);
        assertArrayEquals(new double[] {7, 7}, d.panel().targetColumn());
        assertArrayEquals(new double[] {N, 7}, d.panel().numericColumn("lag_1"));
    }

    /** 14 daily values of 1 and 2 with a spike of 50 on day 4 (a Friday). */
    private static Panel spike() {
        double[] y = {1, 2, 1, 2, 50, 1, 2, 1, 2, 1, 2, 1, 2, 1};
        return new io.demandcast.core.data.PanelBuilder(TestPanels.DAILY).add("a", 0, y).build();
    }

    private static PrepareConfig outliers(OutlierAction action, String aggregate, ScalingConfig scaling) {
        return new PrepareConfig(null, null, null, new OutlierConfig(OutlierMethod.hampel, 3, 3.0, action), aggregate,
                new FeatureConfig(null, List.of(1), new PrepareConfig.RollingConfig(List.of(2), null), null), scaling,
                new SplitConfig(aggregate == null ? 4 : 0, null, null, null), null, null, null, null);
    }

    @Test
    void clipKeepsTheRawTargetUnscaledAndOutOfTheFeatures() {
        PreparedData d = Preparer.prepare(spike(), outliers(OutlierAction.clip, null, new ScalingConfig(ScalingMethod.standard, null)), k -> null);
        Panel p = d.panel();
        double clipped = p.target(4);
        assertTrue(clipped < 50, "target clipped, got " + clipped);
        assertArrayEquals(new double[] {1, 2, 1, 2, 50, 1, 2, 1, 2, 1, 2, 1, 2, 1}, p.numericColumn(OutlierTreatment.RAW_TARGET_COLUMN),
                "the spike as read, unscaled");
        assertEquals(List.of("lag_1", "roll_mean_2"), d.features());
        assertEquals(List.of("lag_1", "roll_mean_2"), d.scalers().stream().map(ScalerParams::column).toList());
        ScalerParams lag = d.scalers().get(0);
        assertEquals(clipped, lag.invert(p.numeric("lag_1", 5)), 1e-5, "lags read the treated target (float-stored)");
    }

    @Test
    void flagAndNoneKeepNoRawTarget() {
        for (OutlierConfig o : List.of(new OutlierConfig(OutlierMethod.hampel, 3, 3.0, OutlierAction.flag),
                new OutlierConfig(OutlierMethod.none, null, null, OutlierAction.clip))) {
            PrepareConfig c = new PrepareConfig(null, null, null, o, null, null, null, null, null, null, null, null);
            assertFalse(Preparer.prepare(spike(), c, k -> null).panel().hasNumeric(OutlierTreatment.RAW_TARGET_COLUMN), o.toString());
        }
    }

    @Test
    void weeklyAggregationSumsTheRawTarget() {
        PreparedData d = Preparer.prepare(spike(), outliers(OutlierAction.replace, "weekly", new ScalingConfig(null, null)), k -> null);
        Panel p = d.panel();
        assertArrayEquals(new double[] {59, 10}, p.numericColumn(OutlierTreatment.RAW_TARGET_COLUMN));
        assertEquals(10, p.target(1));
        assertTrue(p.target(0) < 59, "week 0 sums the replaced value, got " + p.target(0));
    }

    @Test
    void rawTargetIsAReservedName() {
        Panel p = spike().withNumeric(OutlierTreatment.RAW_TARGET_COLUMN, new double[14]);
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> Preparer.prepare(p, PrepareConfig.defaults(), k -> null));
        assertEquals("data: the numeric covariate column 'raw_target' has a reserved name: prepare keeps the target before"
                + " outlier treatment under it; rename the column in the data and the schema", e.getMessage());
        PrepareConfig scaled = outliers(OutlierAction.clip, null, new ScalingConfig(ScalingMethod.minmax, List.of("lag_1", "raw_target")));
        e = assertThrows(InvalidConfigException.class, () -> Preparer.prepare(spike(), scaled, k -> null));
        assertEquals("prepare.scaling.columns: 'raw_target' is the target before outlier treatment, kept in its own units"
                + " to score against; it is never scaled, remove it", e.getMessage());
    }
}
