package io.demandcast.core.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.SharedData;
import io.demandcast.core.config.PrepareConfig;
import io.demandcast.core.config.PrepareConfig.FeatureConfig;
import io.demandcast.core.config.PrepareConfig.OutlierAction;
import io.demandcast.core.config.PrepareConfig.OutlierConfig;
import io.demandcast.core.config.PrepareConfig.OutlierMethod;
import io.demandcast.core.config.PrepareConfig.PriceConfig;
import io.demandcast.core.config.PrepareConfig.RollingConfig;
import io.demandcast.core.config.PrepareConfig.ScalingConfig;
import io.demandcast.core.config.PrepareConfig.ScalingMethod;
import io.demandcast.core.config.PrepareConfig.SplitConfig;
import io.demandcast.core.config.SchemaConfig;
import io.demandcast.core.data.Categorical;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.NumericColumnSource;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelCodec;
import io.demandcast.core.data.PanelCsvReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prepared panel written column by column (each feature computed as it is written) is the
 * panel the in-memory pipeline builds: every feature added to the cleaned panel, scalers fitted on
 * it and applied, then written whole. Compared byte for byte as {@code panel.bin}.
 */
class PreparedPanelTest {
    @TempDir
    Path dir;

    private static final FeatureConfig FEATURES = new FeatureConfig(List.of("day_of_week", "week_of_year", "month", "quarter", "year",
            "events"), List.of(1, 7, 28), new RollingConfig(List.of(1, 7, 28), List.of("mean", "std")), new PriceConfig("price", 28));

    private static PrepareConfig config(OutlierAction action, ScalingMethod scaling, List<String> scaled) {
        return new PrepareConfig(null, null, PrepareConfig.NegativePolicy.zero, new OutlierConfig(OutlierMethod.hampel, 7, 3.0, action),
                null, FEATURES, new ScalingConfig(scaling, scaled), new SplitConfig(14, 14, null, null), null, null, null, null);
    }

    @Test
    void streamedPanelIsTheInMemoryPanelByteForByte() throws Exception {
        Panel raw = randomPanel(new Random(7), 6, 120);
        for (OutlierAction action : OutlierAction.values()) {
            for (ScalingMethod scaling : ScalingMethod.values()) {
                assertSamePanelFile(Preparer.prepare(raw, config(action, scaling, null), k -> null), FEATURES, action + " " + scaling);
            }
        }
        // Configured columns: a read column and two features, one of them listed twice (scaled twice, as before).
        assertSamePanelFile(Preparer.prepare(raw, config(OutlierAction.flag, ScalingMethod.standard,
                List.of("price", "lag_7", "roll_mean_7", "lag_7")), k -> null), FEATURES, "configured columns");
    }

    @Test
    void streamedPanelOfTheRealM5FileIsTheInMemoryPanel() throws Exception {
        SchemaConfig schema = new SchemaConfig(null, null, null, List.of("sell_price", "snap"),
                List.of("event_name_1", "event_type_1", "event_name_2", "event_type_2"), null);
        Panel raw = new PanelCsvReader(schema, Frequency.DAILY).read(List.of(SharedData.folder("m5-tiny").resolve("train.csv")));
        PrepareConfig quickstart = new PrepareConfig(null, null, PrepareConfig.NegativePolicy.zero,
                new OutlierConfig(OutlierMethod.hampel, 7, 5.0, OutlierAction.flag), null,
                new FeatureConfig(List.of("day_of_week", "week_of_year", "month", "events"), List.of(7, 28),
                        new RollingConfig(List.of(7, 28), List.of("mean", "std")), new PriceConfig("sell_price", 28)),
                new ScalingConfig(ScalingMethod.standard, null), new SplitConfig(28, 28, null, null), null, null, null, null);
        PreparedData d = Preparer.prepare(raw, quickstart, k -> null);
        assertEquals(List.of("sell_price", "snap", "outlier", "day_of_week", "week_of_year", "month", "event"),
                d.columns().numericNames().subList(0, 7));
        assertEquals(19, d.columns().numericNames().size(), d.columns().numericNames().toString());
        assertSamePanelFile(d, quickstart.features(), "m5-tiny quickstart");
    }

    @Test
    void theCleanedPanelHoldsNoFeature() {
        PreparedData d = Preparer.prepare(randomPanel(new Random(3), 3, 60), config(OutlierAction.flag, ScalingMethod.standard, null),
                k -> null);
        Panel base = d.columns().base();
        assertEquals(List.of("price", "snap", "outlier"), base.numericNames());
        assertTrue(d.columns().numericNames().containsAll(List.of("lag_28", "roll_std_28", "price_rel_28", "event_sporting")));
        // Unscaled in the cleaned panel, scaled in the prepared one.
        assertFalse(java.util.Arrays.equals(base.numericColumn("price"), d.panel().numericColumn("price")));
    }

    @Test
    void theWriterRefusesASourceWithTheWrongNumberOfValues() {
        Panel panel = randomPanel(new Random(1), 2, 10);
        NumericColumnSource short1 = new NumericColumnSource() {
            public String name() {
                return "x";
            }

            public boolean isFloat() {
                return true;
            }

            public void writeTo(ValueSink sink) throws java.io.IOException {
                sink.floats(new float[5], 0, 5);
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PanelCodec.write(panel, List.of(short1), dir.resolve("x.bin")));
        assertTrue(e.getMessage().contains("handed over 5 values for 20 rows"), e.getMessage());
    }

    /** Streamed, materialised and the old in-memory pipeline (features added, fitted, applied) write the same bytes. */
    private void assertSamePanelFile(PreparedData d, FeatureConfig features, String what) throws Exception {
        Path streamed = dir.resolve("streamed.bin");
        Path materialised = dir.resolve("materialised.bin");
        Path reference = dir.resolve("reference.bin");
        PanelCodec.write(d.columns().base(), d.columns().sources(), streamed);
        PanelCodec.write(d.panel(), materialised);
        PanelCodec.write(inMemory(d, features), reference);
        byte[] expected = Files.readAllBytes(reference);
        assertArrayEquals(expected, Files.readAllBytes(materialised), what + ": materialised");
        assertArrayEquals(expected, Files.readAllBytes(streamed), what + ": streamed");
        assertEquals(d.columns().numericNames(), PanelCodec.read(streamed).numericNames(), what);
    }

    /** The pipeline as it ran before features were streamed: the whole featured panel, then scaled whole. */
    private static Panel inMemory(PreparedData d, FeatureConfig features) {
        Panel base = d.columns().base();
        Panel featured = Preparer.addFeatures(base, features);
        List<String> columns = new ArrayList<>();
        d.scalers().forEach(p -> columns.add(p.column()));
        if (d.scalers().isEmpty()) {
            return featured;
        }
        List<ScalerParams> fitted = FeatureScaler.fit(featured, columns, d.scalers().get(0).method(), d.split().lastTrainPeriod());
        assertEquals(d.scalers(), fitted);
        return FeatureScaler.apply(featured, fitted);
    }

    /** Daily series with NaN targets and prices, a 0/1 column, two event-type columns sharing level names, statics. */
    static Panel randomPanel(Random random, int series, int length) {
        int rows = series * length;
        int[] offsets = new int[series + 1];
        int[] periods = new int[rows];
        double[] target = new double[rows];
        double[] price = new double[rows];
        double[] snap = new double[rows];
        int[] type1 = new int[rows];
        int[] type2 = new int[rows];
        String[] ids = new String[series];
        String[] store = new String[series];
        for (int s = 0; s < series; s++) {
            ids[s] = "item_" + s;
            store[s] = "store_" + (s % 2);
            offsets[s + 1] = offsets[s] + length;
            double p = 1 + random.nextInt(500) / 100.0;
            for (int i = 0; i < length; i++) {
                int r = offsets[s] + i;
                periods[r] = i + s; // series start on different days
                target[r] = random.nextDouble() < 0.05 ? Double.NaN : random.nextDouble() < 0.02 ? 60 : random.nextInt(6);
                if (random.nextDouble() < 0.1) {
                    p = 1 + random.nextInt(500) / 100.0;
                }
                price[r] = i < 3 || random.nextDouble() < 0.03 ? Double.NaN : p;
                snap[r] = random.nextInt(2);
                type1[r] = random.nextDouble() < 0.1 ? random.nextInt(3) : Categorical.MISSING;
                type2[r] = random.nextDouble() < 0.05 ? random.nextInt(2) : Categorical.MISSING;
            }
        }
        Map<String, double[]> numeric = new LinkedHashMap<>();
        numeric.put("price", price);
        numeric.put("snap", snap);
        Map<String, Categorical> categorical = new LinkedHashMap<>();
        categorical.put("event_type_1", new Categorical(type1, List.of("Sporting", "Cultural", "Religious")));
        categorical.put("event_type_2", new Categorical(type2, List.of("Cultural", "National Day")));
        return new Panel(TestPanels.DAILY, ids, offsets, periods, target, numeric, categorical, Map.of("store_id", store));
    }
}
