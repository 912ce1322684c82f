package io.demandcast.core.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.Progress;
import io.demandcast.core.Sha256;
import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.config.InvalidConfigException;
import io.demandcast.core.data.DataException;
import io.demandcast.core.data.DatasetManifest;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PreparedDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code data.attributes} and keyed {@code data.joins} through the prepare verb. */
class PrepareAttributesAndJoinsTest {
    @TempDir
    Path dir;

    /** Two stores, one brand each; s5 has a future row (empty target) on 2024-01-04. */
    private void writeData() throws Exception {
        Files.writeString(dir.resolve("sales.csv"), """
                series_id,date,value,price
                s2_b1,2024-01-01,10,1
                s2_b1,2024-01-02,11,1
                s2_b1,2024-01-03,12,1
                s5_b1,2024-01-01,20,2
                s5_b1,2024-01-02,21,2
                s5_b1,2024-01-03,22,2
                s5_b1,2024-01-04,,2
                """);
        Files.writeString(dir.resolve("meta.csv"), """
                series_id,store,brand,n_obs
                s2_b1,002,1,3
                s5_b1,5,1,4
                s9_b1,9,1,4
                """);
        // store 002 has no price on 2024-01-02: missing, then carried forward by the gap policy
        Files.writeString(dir.resolve("prices.csv"), """
                store,week,date,price1,price2
                002,1,2024-01-01,1.5,2.5
                002,1,2024-01-03,1.7,2.7
                5,1,2024-01-01,3.1,4.1
                5,1,2024-01-02,3.2,4.2
                5,1,2024-01-03,3.3,4.3
                5,1,2024-01-04,3.4,4.4
                """);
    }

    private ExperimentConfig config(String data) {
        String yaml = """
                data:
                  files: [%1$s/sales.csv]
                  schema: {covariates: [price]}
                %2$s
                prepare: {output: %1$s/out, gaps: {covariates: ffill}}
                """.formatted(dir, data.indent(2).stripTrailing());
        return ConfigLoader.parse(yaml, "x.yaml", List.of());
    }

    private static final String ATTRIBUTES_AND_PRICES = """
            attributes: {file: %1$s/meta.csv, columns: [store, brand]}
            joins:
              - {file: %1$s/prices.csv, by: store, covariates: [price1], past_only: [price2]}
            """;

    @Test
    void attachesAttributesAndJoinsPricesOnStoreAndDate() throws Exception {
        writeData();
        PrepareSummary summary = PrepareJob.run(config(ATTRIBUTES_AND_PRICES.formatted(dir)), Progress.NONE, k -> null);
        PreparedDataset dataset = PreparedDataset.open(summary.output());
        DatasetManifest manifest = dataset.manifest();
        assertEquals(List.of("store", "brand"), manifest.columns().statics());
        assertEquals(List.of("price", "price1", "price2"), manifest.columns().numeric());
        assertEquals(List.of("price2"), manifest.columns().pastOnly(), "a join's past_only column is past-only; price1 is known");
        List<String> inputs = manifest.inputs().stream().map(DatasetManifest.InputFile::path).toList();
        assertEquals(List.of(dir + "/sales.csv", dir + "/meta.csv", dir + "/prices.csv"), inputs);
        assertEquals(Sha256.file(dir.resolve("meta.csv")), manifest.inputs().get(1).sha256());
        assertEquals(Sha256.file(dir.resolve("prices.csv")), manifest.inputs().get(2).sha256());
        assertTrue(manifest.steps().contains("attributes " + dir + "/meta.csv: statics store, brand"), manifest.steps().toString());
        assertTrue(manifest.steps().contains("join " + dir + "/prices.csv on store and date: price1, price2"), manifest.steps().toString());

        Panel panel = dataset.readPanel();
        assertEquals("002", panel.staticValue("store", 0), "a numeric attribute is kept as the text code it is");
        assertEquals("5", panel.staticValue("store", 1));
        assertEquals("1", panel.staticValue("brand", 1));
        assertArrayEquals(new double[] {1.5, 1.5, 1.7}, panel.numericValues("price1", 0), "missing (002, 01-02) filled forward");
        assertArrayEquals(new double[] {3.1, 3.2, 3.3}, panel.numericValues("price1", 1));

        Panel future = dataset.readFuture();
        assertEquals(1, future.length(1));
        assertEquals(3.4, future.numericValues("price1", 1)[0], "a future row gets its joined known covariate");
    }

    @Test
    void aFutureFileGetsTheKeyedJoinThroughTheHistorysAttributes() throws Exception {
        writeData();
        // predict.future: the file repeats neither the attributes nor the joined prices
        Path future = Files.writeString(dir.resolve("future.csv"), "series_id,date,price\ns5_b1,2024-01-04,2\n");
        ExperimentConfig config = config(ATTRIBUTES_AND_PRICES.formatted(dir));
        Panel rows = FutureCsv.prepare(config, future, k -> null);
        int s = rows.indexOf("s5_b1");
        assertEquals(1, rows.length(s));
        assertEquals(3.4, rows.numericValues("price1", s)[0]);
        assertEquals("5", rows.staticValue("store", s));
    }

    @Test
    void calendarTakesAKeyToo() throws Exception {
        writeData();
        String data = """
                attributes: {file: %1$s/meta.csv}
                calendar: {file: %1$s/prices.csv, by: store, covariates: [price1]}
                """.formatted(dir);
        PrepareSummary summary = PrepareJob.run(config(data), Progress.NONE, k -> null);
        DatasetManifest manifest = PreparedDataset.open(summary.output()).manifest();
        assertEquals(List.of("store", "brand", "n_obs"), manifest.columns().statics(), "default: every column but the id");
        assertEquals(List.of("price", "price1"), manifest.columns().numeric());
    }

    @Test
    void seriesWhereMayTestAnAttribute() throws Exception {
        writeData();
        String data = """
                attributes: {file: %1$s/meta.csv, columns: [store]}
                series: {where: {store: '5'}}
                """.formatted(dir);
        PrepareSummary summary = PrepareJob.run(config(data), Progress.NONE, k -> null);
        assertEquals(1, summary.seriesCount());
        assertEquals("s5_b1", PreparedDataset.open(summary.output()).readPanel().seriesId(0));
    }

    @Test
    void aSeriesMissingFromTheAttributesFileIsAnErrorAndNothingIsWritten() throws Exception {
        writeData();
        Files.writeString(dir.resolve("meta.csv"), "series_id,store\ns5_b1,5\n");
        DataException e = assertThrows(DataException.class,
                () -> PrepareJob.run(config(ATTRIBUTES_AND_PRICES.formatted(dir).replace(", brand", "")), Progress.NONE, k -> null));
        assertEquals(dir + "/meta.csv: data.attributes: 1 of the 2 series of the data have no row in the file: s2_b1;"
                + " add them, or set data.attributes.missing: empty to give them empty values", e.getMessage());
        assertTrue(Files.notExists(dir.resolve("out")));
    }

    @Test
    void configErrorsNameTheKey() throws Exception {
        writeData();
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> config("attributes: {file: m.csv, columns: [store, price]}"));
        assertEquals("x.yaml:4:29: data.attributes.columns: 'price' is already a column of the data"
                + " (data.schema.covariates / past_only); drop it from one of them", e.getMessage());
        e = assertThrows(InvalidConfigException.class,
                () -> config("attributes: {file: m.csv, columns: [brand]}\njoins: [{file: p.csv, by: store, covariates: [price1]}]"));
        assertEquals("x.yaml:5:29: data.joins[0].by: 'store' is not a static column of the data (data.schema.statics and"
                + " data.attributes.columns: [brand])", e.getMessage());
        e = assertThrows(InvalidConfigException.class, () -> config("attributes: {columns: [brand]}"));
        assertEquals("x.yaml:4:3: data.attributes.file is required when data.attributes is given", e.getMessage());
        // with the default columns the key is checked once the file is read
        DataException d = assertThrows(DataException.class, () -> PrepareJob.run(
                config("attributes: {file: %1$s/meta.csv}\njoins: [{file: %1$s/prices.csv, by: region, covariates: [price1]}]"
                        .formatted(dir)), Progress.NONE, k -> null));
        assertEquals(dir + "/prices.csv: join key 'region' is not a static column of the data (statics: [store, brand, n_obs]);"
                + " declare it in data.schema.statics or data.attributes", d.getMessage());
    }

    @Test
    void dominicksGetsStoreAndBrandAndEveryBrandsPrice() throws Exception {
        Path oj = io.demandcast.core.SharedData.folder("dominicks-orange-juice");
        String yaml = """
                data:
                  files: [%1$s/train.csv, %1$s/test.csv]
                  frequency: weekly
                  schema: {covariates: [price, deal, feat], categorical: [special_event]}
                  attributes: {file: %1$s/meta.csv, columns: [store, brand]}
                  joins:
                    - {file: %1$s/prices_all_brands.csv, by: store,
                       covariates: [price1, price2, price3, price4, price5, price6, price7, price8, price9, price10, price11]}
                prepare: {output: %2$s, gaps: {target: missing, covariates: ffill}}
                """.formatted(oj, dir.resolve("oj"));
        PrepareSummary summary = PrepareJob.run(ConfigLoader.parse(yaml, "oj.yaml", List.of()), Progress.NONE, k -> null);
        assertEquals(913, summary.seriesCount());
        PreparedDataset dataset = PreparedDataset.open(summary.output());
        DatasetManifest manifest = dataset.manifest();
        assertEquals(List.of("store", "brand"), manifest.columns().statics());
        List<String> prices = java.util.stream.IntStream.rangeClosed(1, 11).mapToObj(b -> "price" + b).toList();
        assertTrue(manifest.columns().numeric().containsAll(prices), manifest.columns().numeric().toString());
        Panel panel = dataset.readPanel();
        int s = panel.indexOf("store002_brand01");
        assertEquals("2", panel.staticValue("store", s));
        assertEquals("1", panel.staticValue("brand", s));
        // prices_all_brands.csv: store 2, 1990-06-14 (week 40): price1 0.06046875, price3 0.04203125
        assertEquals(0.06046875, panel.numericValues("price1", s)[0], 1e-12);
        assertEquals(0.04203125, panel.numericValues("price3", s)[0], 1e-12);
        // a brand's own price is its column of the all-brands file
        int b3 = panel.indexOf("store002_brand03");
        assertEquals(panel.numericValues("price", b3)[0], panel.numericValues("price3", b3)[0], 1e-9);
    }
}
