package io.demandcast.cli;

import static io.demandcast.cli.Errors.assertUserError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stockout-aware demand through the CLI: {@code data.schema.availability} marks out-of-stock days,
 * {@code prepare} counts them, {@code evaluate} leaves them out of its metrics and says how many,
 * {@code train} and {@code predict} run over the missing targets, and bad stock cells or keys exit 2.
 */
class StockoutCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Days of series B out of stock: 20-21 in the history, 55-57 in the 7-day test split (days 53-59). */
    private static final List<Integer> OUT = List.of(20, 21, 55, 56, 57);

    @TempDir
    Path tmp;

    TestProject p;

    @BeforeEach
    void project() {
        p = TestProject.create(tmp);
    }

    /** The project's sales with an {@code in_stock} column: 0 and no sale on B's out-of-stock days, {@code cell} on day 30 of A. */
    private static String salesWithStock(String cell) {
        StringBuilder out = new StringBuilder("series_id,date,value,in_stock\n");
        TestProject.salesCsv().lines().skip(1).forEach(line -> {
            String[] f = line.split(",");
            int day = (int) java.time.temporal.ChronoUnit.DAYS.between(TestProject.START, java.time.LocalDate.parse(f[1]));
            boolean gone = f[0].equals("B") && OUT.contains(day);
            String stock = f[0].equals("A") && day == 30 ? cell : gone ? "0" : "1";
            out.append(f[0]).append(',').append(f[1]).append(',').append(gone ? "0" : f[2]).append(',').append(stock).append('\n');
        });
        return out.toString();
    }

    private Path config(String name, String cell, String schemaLine) {
        String csv = salesWithStock(cell);
        Path cfg = p.configReading(name, csv);
        try {
            String yaml = Files.readString(cfg).replace("    target: value\n", "    target: value\n" + schemaLine);
            Files.writeString(cfg, yaml);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return cfg;
    }

    @Test
    void prepareCountsEvaluateLeavesOutAndPredictRuns() throws Exception {
        Path cfg = config("stock", "1", "    availability: in_stock\n");
        CliRun.Result prepared = CliRun.run("prepare", "--json", "-c", cfg.toString());
        assertEquals(0, prepared.code(), prepared.toString());
        assertEquals(5, JSON.readTree(prepared.out()).get("censored_periods").asInt(), prepared.out());
        assertTrue(prepared.err().contains("5 period(s) out of stock, censored"), prepared.err());
        JsonNode quality = JSON.readTree(Files.readString(tmp.resolve("prepared").resolve("quality.json")));
        assertEquals(5, quality.get("summary").get("censored").asInt());

        CliRun.Result evaluated = CliRun.run("evaluate", "--json", "-c", cfg.toString());
        assertEquals(0, evaluated.code(), evaluated.toString());
        JsonNode summary = JSON.readTree(evaluated.out());
        assertEquals(3, summary.get("censored_periods_excluded").asInt(), evaluated.out());
        Path output = Path.of(summary.get("output").asText());
        assertEquals(3, JSON.readTree(Files.readString(output.resolve("metrics.json"))).get("censored_periods_excluded").asInt());
        List<String> perSeries = Files.readAllLines(output.resolve("per_series.csv"));
        int n = List.of(perSeries.get(0).split(",")).indexOf("n");
        int censored = List.of(perSeries.get(0).split(",")).indexOf("censored");
        assertEquals(n + 1, censored, perSeries.get(0));
        String b = perSeries.stream().filter(l -> l.contains(",B,")).findFirst().orElseThrow();
        assertEquals("4", b.split(",")[n], "7 test days, 3 out of stock: 4 scored");
        assertEquals("3", b.split(",")[censored]);

        assertEquals(0, CliRun.run("train", "-q", "-c", cfg.toString()).code());
        CliRun.Result predicted = CliRun.run("predict", "-q", "-c", cfg.toString(), "-o", "-");
        assertEquals(0, predicted.code(), predicted.toString());
        assertFalse(predicted.out().contains("NaN"), predicted.out());
        assertEquals(1 + 3 * TestProject.HORIZON, predicted.out().lines().count(), predicted.out());
    }

    @Test
    void aStockCellThatIsNoFlagAndTwoStockKeysExitTwo() throws Exception {
        Path bad = config("bad", "3", "    availability: in_stock\n");
        CliRun.Result r = CliRun.run("prepare", "-c", bad.toString());
        assertUserError(r);
        assertTrue(r.err().contains("bad.csv:32:4: column 'in_stock' (data.schema.availability): '3' is not 1/0 or true/false"), r.err());
        assertFalse(Files.exists(tmp.resolve("prepared")), "nothing written");

        Path both = config("both", "1", "    availability: in_stock\n    on_hand: in_stock\n");
        CliRun.Result twice = CliRun.run("prepare", "-c", both.toString());
        assertUserError(twice);
        assertTrue(twice.err().contains("data.schema.on_hand") && twice.err().contains("not both"), twice.err());
    }
}
