package io.demandcast.core.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.config.InvalidConfigException;
import io.demandcast.core.data.DataException;
import io.demandcast.core.data.Panel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which periods {@code data.schema.availability} and {@code on_hand} censor, and how prepare keeps them. */
class CensoringTest {
    @TempDir
    Path dir;

    private ExperimentConfig config(String csv, String schema, String prepare) throws Exception {
        Path file = dir.resolve("sales.csv");
        Files.writeString(file, csv);
        String yaml = """
                name: stock
                data: {files: ['%s'], frequency: daily, schema: %s}
                prepare: {output: '%s/prepared'%s}
                """.formatted(file, schema, dir, prepare.isEmpty() ? "" : ", " + prepare);
        return ConfigLoader.parse(yaml, "stock.yaml", List.of());
    }

    private static String days(String id, String... cells) {
        StringBuilder out = new StringBuilder();
        for (int d = 0; d < cells.length; d++) {
            if (!cells[d].equals("skip")) {
                out.append(id).append(",2024-01-").append(String.format("%02d", d + 1)).append(',').append(cells[d]).append('\n');
            }
        }
        return out.toString();
    }

    private static double[] target(PreparedData p, int s) {
        return p.panel().values(s);
    }

    @Test
    void theRuleOfEachStockColumn() {
        // availability 0 censors whatever was sold; empty availability is unknown, not censored
        assertTrue(Censoring.isCensored(true, 0, 0));
        assertTrue(Censoring.isCensored(true, 0, 7));
        assertFalse(Censoring.isCensored(true, 1, 0));
        assertFalse(Censoring.isCensored(true, Double.NaN, 0));
        // on hand: no stock and no sale censors; a sell-out day (no stock left, sales made) is demand
        assertTrue(Censoring.isCensored(false, 0, 0));
        assertTrue(Censoring.isCensored(false, -2, Double.NaN));
        assertFalse(Censoring.isCensored(false, 0, 3));
        assertFalse(Censoring.isCensored(false, 5, 0));
        assertFalse(Censoring.isCensored(false, Double.NaN, 0));
    }

    @Test
    void censoredCellsStayMissingWhateverTheGapFillAndAreCountedApart() throws Exception {
        // day 3 absent (gap), days 4-5 out of stock with 0 sold, day 6 availability unknown
        String csv = "series_id,date,value,in_stock\n" + days("a", "10,1", "12,1", "skip", "0,0", "0,false", "14,", "16,true");
        for (String fill : List.of("zero", "linear", "ffill", "mean", "missing")) {
            PreparedData p = PrepareJob.prepareInMemory(config(csv, "{availability: in_stock}", "gaps: {target: " + fill + "}"), n -> null);
            double[] y = target(p, 0);
            assertTrue(Double.isNaN(y[3]) && Double.isNaN(y[4]), fill + ": " + java.util.Arrays.toString(y));
            assertEquals(14, y[5], 0, fill);
            double expectedGap = switch (fill) {
                case "zero" -> 0;
                case "linear" -> 12.5; // a quarter of the way from 12 (day 2) to 14 (day 6): the censored zeros are not read
                case "ffill" -> 12;
                case "mean" -> (10 + 12 + 14 + 16) / 4.0;
                default -> Double.NaN;
            };
            assertEquals(expectedGap, y[2], 1e-12, fill + ": " + java.util.Arrays.toString(y));
            assertEquals(2, p.quality().series().get(0).censored(), fill);
            assertEquals(0, p.quality().series().get(0).imputedCells(), fill + ": censored cells are not imputed cells");
            assertEquals(1, p.quality().series().get(0).filledPeriods(), fill);
            assertEquals(List.of(0.0, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0),
                    java.util.Arrays.stream(p.panel().numericValues(Censoring.COLUMN, 0)).boxed().toList(), fill);
            assertFalse(p.panel().hasNumeric("in_stock"), "the stock column is not kept");
            assertFalse(p.features().contains(Censoring.COLUMN));
            assertTrue(p.quality().censoring());
            assertEquals(2, p.quality().summary().censored());
        }
    }

    @Test
    void onHandCensorsOnlyPeriodsWithoutStockAndWithoutSale() throws Exception {
        String csv = "series_id,date,value,stock\n" + days("a", "10,5", "0,0", "4,0", "0,-1", "0,3", "9,");
        PreparedData p = PrepareJob.prepareInMemory(config(csv, "{on_hand: stock}", ""), n -> null);
        double[] y = target(p, 0);
        assertEquals(10, y[0], 0);
        assertTrue(Double.isNaN(y[1]), "no stock, no sale");
        assertEquals(4, y[2], 0, "sold out during the day: observed demand");
        assertTrue(Double.isNaN(y[3]), "backorder, no sale");
        assertEquals(0, y[4], 0, "in stock and nothing sold: a real zero");
        assertEquals(9, y[5], 0);
        assertEquals(2, p.quality().summary().censored());
    }

    @Test
    void aCoarserPeriodWithACensoredDayIsCensored() throws Exception {
        StringBuilder csv = new StringBuilder("series_id,date,value,in_stock\n");
        for (int d = 0; d < 21; d++) {
            boolean out = d == 9;
            csv.append("a,").append(java.time.LocalDate.of(2024, 1, 1).plusDays(d)).append(',').append(out ? "0" : "5")
                    .append(',').append(out ? 0 : 1).append('\n');
        }
        PreparedData p = PrepareJob.prepareInMemory(config(csv.toString(), "{availability: in_stock}", "aggregate: weekly"), n -> null);
        double[] y = target(p, 0);
        assertEquals(3, y.length);
        assertEquals(35, y[0], 0);
        assertTrue(Double.isNaN(y[1]), "the week of the censored day");
        assertEquals(35, y[2], 0);
        assertEquals(List.of(0.0, 1.0, 0.0), java.util.Arrays.stream(p.panel().numericValues(Censoring.COLUMN, 0)).boxed().toList());
        assertEquals(1, p.quality().summary().censored(), "counted at the prepared frequency");
    }

    @Test
    void lagsNeverReadACensoredSaleNeitherInTheHistoryNorInFutureRows() throws Exception {
        // the last history day is out of stock; two future rows follow (target empty, availability not known yet)
        String csv = "series_id,date,value,in_stock,price\n" + days("a", "10,1,2", "11,1,2", "0,0,2", ",,2", ",,2");
        PreparedData p = PrepareJob.prepareInMemory(config(csv, "{availability: in_stock, covariates: [price]}",
                "features: {lags: [1]}"), n -> null);
        double[] y = target(p, 0);
        assertEquals(3, y.length);
        assertTrue(Double.isNaN(y[2]), "censored, and still history: the series ends on the panel's last day");
        Panel future = p.future();
        assertEquals(2, future.rowCount());
        assertTrue(Double.isNaN(future.numeric("lag_1", 0)), "the first future row's lag is the censored day: missing, not 0");
        assertFalse(future.hasNumeric("in_stock"));
    }

    @Test
    void dataWithoutAStockColumnPreparesAsBefore() throws Exception {
        String csv = "series_id,date,value\n" + days("a", "10", "0", "12");
        PreparedData p = PrepareJob.prepareInMemory(config(csv, "{}", ""), n -> null);
        assertFalse(p.panel().hasNumeric(Censoring.COLUMN));
        assertFalse(p.quality().censoring());
        assertEquals(-1, p.quality().summary().censored());
        // an unset key is not rendered, so prepared datasets of configs without it stay current
        assertFalse(ConfigLoader.toYaml(config(csv, "{}", "")).contains("availability"));
        assertFalse(ConfigLoader.toYaml(config(csv, "{}", "")).contains("on_hand"));
    }

    @Test
    void configAndDataErrorsNameTheKeyOrTheCell() throws Exception {
        String csv = "series_id,date,value,in_stock\n" + days("a", "10,1", "0,0");
        InvalidConfigException both = assertThrows(InvalidConfigException.class,
                () -> config(csv, "{availability: in_stock, on_hand: stock}", ""));
        assertTrue(both.getMessage().contains("data.schema.on_hand") && both.getMessage().contains("not both"), both.getMessage());
        InvalidConfigException twice = assertThrows(InvalidConfigException.class,
                () -> config(csv, "{availability: in_stock, covariates: [in_stock]}", ""));
        assertTrue(twice.getMessage().contains("declared twice"), twice.getMessage());
        InvalidConfigException target = assertThrows(InvalidConfigException.class, () -> config(csv, "{on_hand: value}", ""));
        assertTrue(target.getMessage().contains("declared twice"), target.getMessage());

        for (String bad : List.of("2", "yes", "0.5")) {
            String file = "series_id,date,value,in_stock\n" + days("a", "10,1", "0," + bad);
            DataException e = assertThrows(DataException.class,
                    () -> PrepareJob.prepareInMemory(config(file, "{availability: in_stock}", ""), n -> null));
            assertTrue(e.getMessage().contains("sales.csv:3:4: column 'in_stock' (data.schema.availability): '" + bad
                    + "' is not 1/0 or true/false"), e.getMessage());
        }
        DataException absent = assertThrows(DataException.class,
                () -> PrepareJob.prepareInMemory(config(csv, "{availability: stock}", ""), n -> null));
        assertTrue(absent.getMessage().contains("stock"), absent.getMessage());
        DataException onHandText = assertThrows(DataException.class,
                () -> PrepareJob.prepareInMemory(config("series_id,date,value,s\n" + days("a", "1,many"), "{on_hand: s}", ""), n -> null));
        assertTrue(onHandText.getMessage().contains("sales.csv:2:4") && onHandText.getMessage().contains("'many' is not a number"),
                onHandText.getMessage());
        InvalidConfigException reserved = assertThrows(InvalidConfigException.class,
                () -> PrepareJob.prepareInMemory(config("series_id,date,value,censored\n" + days("a", "1,0"), "{covariates: [censored]}", ""),
                        n -> null));
        assertTrue(reserved.getMessage().contains("'censored' has a reserved name"), reserved.getMessage());
    }
}
