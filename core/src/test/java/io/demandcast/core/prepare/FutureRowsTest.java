package io.demandcast.core.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.Progress;
import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.data.DatasetManifest;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PreparedDataset;
import io.demandcast.core.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows after a series' last target value: kept apart from the history, their covariates and features derived across the boundary. */
class FutureRowsTest {
    @TempDir
    Path dir;

    static final LocalDate START = LocalDate.of(2024, 1, 1);
    static final int HISTORY = 20;
    static final int FUTURE = 5;

    /** Two daily series of 20 days; with {@code future}, series A goes on 5 more days with price and promo but no sales. */
    static String csv(boolean future) {
        StringBuilder sb = new StringBuilder("series_id,date,sales,price,promo,traffic\n");
        for (int d = 0; d < HISTORY; d++) {
            sb.append("A,").append(START.plusDays(d)).append(',').append(3 + d % 4).append(',').append(d < 15 ? "2.0" : "2.5")
                    .append(',').append(d % 5 == 0 ? 1 : 0).append(',').append(100 + d).append('\n');
            sb.append("B,").append(START.plusDays(d)).append(',').append(d % 3).append(",1.0,0,").append(50 + d).append('\n');
        }
        if (future) {
            for (int d = HISTORY; d < HISTORY + FUTURE; d++) {
                // day 21 has no price: carried forward from day 20, as in the history
                sb.append("A,").append(START.plusDays(d)).append(",,").append(d == HISTORY + 1 ? "" : d < 23 ? "2.0" : "1.5")
                        .append(',').append(d == 22 ? 1 : 0).append(",\n");
            }
        }
        return sb.toString();
    }

    static ExperimentConfig config(Path csv, Path output, String... more) {
        String yaml = """
                name: future
                data:
                  files: [%s]
                  frequency: daily
                  schema: {target: sales, covariates: {price: known, promo: known, traffic: past_only}}
                prepare:
                  output: %s
                  outliers: {method: hampel, action: flag}
                  features:
                    calendar: [day_of_week]
                    lags: [1]
                    rolling: {windows: [3]}
                    price: {column: price, window: 3}
                  split: {test: 5}
                """.formatted(csv, output);
        return ConfigLoader.parse(yaml, "future.yaml", List.of(more));
    }

    private PreparedDataset prepare(boolean future, String name, String... more) throws IOException {
        Path csv = dir.resolve(name + ".csv");
        Files.writeString(csv, csv(future));
        PrepareJob.run(config(csv, dir.resolve(name), more), Progress.NONE, n -> null);
        return PreparedDataset.open(dir.resolve(name));
    }

    @Test
    void theHistoryIsExactlyWhatTheSameDataWithoutFutureRowsGives() throws IOException {
        PreparedDataset with = prepare(true, "with");
        PreparedDataset without = prepare(false, "without");
        assertEquals(Sha256.file(without.panelFile()), Sha256.file(with.panelFile()));
        assertEquals(without.manifest().split(), with.manifest().split());
        assertEquals(without.manifest().columns(), with.manifest().columns());
        assertEquals(without.manifest().rowCount(), with.manifest().rowCount());
        assertEquals(Files.readString(without.file("quality.json")), Files.readString(with.file("quality.json")));
        assertNull(without.manifest().future());
        assertNull(without.readFuture());
        assertTrue(Files.notExists(without.file(PreparedDataset.FUTURE_FILE)));
    }

    @Test
    void futureRowsHoldCovariatesAndFeaturesAcrossTheBoundaryAndNoTarget() throws IOException {
        PreparedDataset dataset = prepare(true, "with");
        DatasetManifest.Future f = dataset.manifest().future();
        assertEquals(new DatasetManifest.Future(PreparedDataset.FUTURE_FILE, 1, FUTURE, START.plusDays(HISTORY),
                START.plusDays(HISTORY + FUTURE - 1), Sha256.file(dataset.file(PreparedDataset.FUTURE_FILE))), f);
        assertEquals(START.plusDays(HISTORY - 1), dataset.manifest().lastDate(), "the history ends at the last sales value");

        Panel future = dataset.readFuture();
        Panel history = dataset.readPanel();
        assertEquals(history.numericNames(), future.numericNames());
        assertEquals(history.seriesIds(), future.seriesIds());
        int a = future.indexOf("A");
        assertEquals(0, future.length(future.indexOf("B")));
        assertEquals(HISTORY, future.firstPeriod(a));
        assertEquals(FUTURE, future.length(a));
        for (int r = future.rowStart(a); r < future.rowEnd(a); r++) {
            assertTrue(Double.isNaN(future.target(r)), "the future target is unknown, never imputed");
        }
        assertArrayEquals(new double[] {2.0, 2.0, 2.0, 1.5, 1.5}, future.numericValues("price", a), "ffilled across the gap");
        assertArrayEquals(new double[] {0, 0, 1, 0, 0}, future.numericValues("promo", a));
        double[] change = future.numericValues("price_change", a);
        assertEquals(2.0 / 2.5 - 1, change[0], 1e-7, "the first future price compares with the last history price");
        assertEquals(1.5 / 2.0 - 1, change[3], 1e-7);
        double[] dow = future.numericValues("day_of_week", a);
        assertEquals(START.plusDays(HISTORY).getDayOfWeek().getValue() - 1, dow[0]);
    }

    @Test
    void theManifestRecordsWhichColumnsArePastOnly() throws IOException {
        DatasetManifest.Columns columns = prepare(true, "with").manifest().columns();
        assertEquals(List.of("traffic", "outlier", "lag_1", "roll_mean_3"), columns.pastOnly());
        assertTrue(columns.numeric().containsAll(List.of("price", "promo", "day_of_week", "price_change", "price_rel_3")));
    }

    @Test
    void aPastOnlyPriceMakesItsPriceFeaturesPastOnly() throws IOException {
        DatasetManifest.Columns columns = prepare(false, "p", "data.schema.covariates={promo: known, price: past_only, traffic: past_only}")
                .manifest().columns();
        assertEquals(List.of("price", "traffic", "outlier", "lag_1", "roll_mean_3", "price_change", "price_rel_3"), columns.pastOnly());
    }
}
