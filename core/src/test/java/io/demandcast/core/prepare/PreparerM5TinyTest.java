package io.demandcast.core.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.SharedData;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.PanelCsvReader;
import io.demandcast.core.config.SchemaConfig;
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
import io.demandcast.core.data.Panel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline on the real m5-tiny train file (280 daily series, 535,640 rows). */
class PreparerM5TinyTest {

    static PrepareConfig fullConfig(String aggregate) {
        return new PrepareConfig(null, null, PrepareConfig.NegativePolicy.zero,
                new OutlierConfig(OutlierMethod.hampel, 7, 3.0, OutlierAction.clip), aggregate,
                new FeatureConfig(PrepareConfig.CALENDAR_FEATURES, List.of(7, 28),
                        new RollingConfig(List.of(7, 28), List.of("mean", "std")), new PriceConfig("sell_price", 28)),
                new ScalingConfig(ScalingMethod.standard, null), new SplitConfig(28, 28, null, null), null, null, null, null);
    }

    @Test
    void preparesTheRealFile(@TempDir Path out) throws Exception {
        Panel raw = readM5Tiny();
        assertEquals(280, raw.seriesCount());
        assertEquals(535_640, raw.rowCount());

        // No time bound: it failed at 11 s on a loaded 2-core machine; speed is measured by
        // scripts/bench/prepared_load.sh, not by unit tests.
        PreparedData d = Preparer.prepare(raw, fullConfig(null), k -> null);

        Panel p = d.panel();
        assertTrue(p.isRegular());
        assertEquals(535_640, p.rowCount());
        // last day 2016-04-24: test = the last 28 days, validation the 28 before
        assertEquals(LocalDate.of(2016, 2, 28), d.split().lastTrainDate());
        assertEquals(LocalDate.of(2016, 2, 29), d.split().validationStartDate());
        assertEquals(LocalDate.of(2016, 3, 28), d.split().testStartDate());
        assertTrue(d.features().containsAll(List.of("event_cultural", "event_sporting", "event_national", "event_religious",
                "lag_28", "roll_std_28", "price_rel_28")), d.features().toString());
        assertEquals(0, d.counts().totalFilledPeriods());
        assertEquals(280, d.quality().series().size());
        QualityReport.Summary s = d.quality().summary();
        assertEquals(280, s.demandClasses().values().stream().mapToInt(Integer::intValue).sum());
        for (ScalerParams sp : d.scalers()) {
            assertTrue(Double.isFinite(sp.location()) && sp.scale() > 0, sp.toString());
        }
        d.quality().writeTo(out);
        assertTrue(Files.size(out.resolve("quality.json")) > 10_000);
    }

    @Test
    void aggregatesTheRealFileToWeeks() throws Exception {
        Panel raw = readM5Tiny();
        PreparedData d = Preparer.prepare(raw, fullConfig("weekly"), k -> null);
        // 1913 days from Saturday 2011-01-29: 273 whole Saturday-to-Friday weeks, the last 2 days dropped
        assertEquals(280 * 273, d.panel().rowCount());
        assertEquals(LocalDate.of(2011, 1, 29), d.panel().axis().anchor());
        double dayTotal = 0;
        for (double v : raw.targetColumn()) {
            dayTotal += Math.max(0, v);
        }
        assertTrue(dayTotal > 0);
    }

    private static Panel readM5Tiny() {
        SchemaConfig schema = new SchemaConfig(null, null, null, List.of("sell_price", "snap"),
                List.of("event_name_1", "event_type_1", "event_name_2", "event_type_2"), null);
        return new PanelCsvReader(schema, Frequency.DAILY).read(List.of(SharedData.folder("m5-tiny").resolve("train.csv")));
    }
}
