package io.demandcast.core.evaluate.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report writer on a realistic backtest: six real M5 series of {@code sample-data/sales.csv},
 * seasonal naive and 28-day mean forecasts computed here over two 28-day windows with ±20 % bands,
 * and synthetic leaderboard, coverage and gate numbers.
 */
class ReportWriterTest {
    static final Path SALES = Path.of("..", "sample-data", "sales.csv");
    private static final List<String> SERIES = List.of("FOODS_3_586_CA_1", "FOODS_3_702_TX_1", "HOBBIES_1_254_CA_1",
            "HOUSEHOLD_1_272_TX_1", "FOODS_2_360_CA_1", "HOBBIES_2_015_TX_1");
    /** A series id with every character HTML must escape, standing in for FOODS_2_360_CA_1. */
    private static final String NASTY_ID = "A<B&C \"quoted\" 'x'";
    private static final int H = 28;
    private static final int WINDOWS = 2;
    private static final int TAIL = 56;

    private static ReportData data;
    /** The report, written once for all tests under a locale with decimal commas. */
    private static List<Path> files;
    @TempDir
    static Path dir;

    @BeforeAll
    static void writeReport() throws IOException {
        data = sampleReport();
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            files = ReportWriter.write(data, dir.resolve("report"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void writesTheThreeFilesAtomicallyWithDefaultPermissions() throws IOException {
        Path out = dir.resolve("report");
        assertEquals(List.of(out.resolve("leaderboard.csv"), out.resolve("report.md"), out.resolve("report.html")),
                files);
        files.forEach(f -> assertTrue(Files.isRegularFile(f), f + " missing"));
        try (Stream<Path> listing = Files.list(out)) {
            assertEquals(3, listing.count(), "no temporary file is left behind");
        }
        if (Files.getFileStore(out).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Path plain = Files.createFile(dir.resolve("plain.txt"));
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(files.get(2)),
                    "as readable as any new file, not 0600 like a temp file");
        }
    }

    @Test
    void htmlIsSelfContainedEscapedAndHasTheCharts() throws IOException {
        String html = Files.readString(files.get(2));

        assertFalse(html.contains("http://"), "no external reference");
        assertFalse(html.contains("https://"), "no external reference");
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "no script");
        Matcher images = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        int count = 0;
        while (images.find()) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(images.group(1))));
            assertEquals(900, image.getWidth());
            assertEquals(320, image.getHeight());
            count++;
        }
        assertEquals(3 + 3, count, "three series pictures, error distribution, error by step, coverage");
        assertTrue(html.contains("A&lt;B&amp;C &quot;quoted&quot; &#39;x&#39;"), "series id escaped");
        assertFalse(html.contains("A<B&C"), "raw series id never appears");
        assertTrue(html.contains("Model &lt;x&gt; &amp; y"), "notes escaped");
        assertTrue(html.contains("<span class=\"badge baseline\">baseline</span>"));
        assertTrue(html.contains("<span class=\"badge production\">production</span>"));
        assertTrue(html.contains("badge fail") && html.contains("badge pass"));
        assertTrue(html.contains("Skill</b> = 1 − model error / seasonal naive error"));
        assertTrue(html.contains("<td class=\"best\">0.7412</td>"), "decimal point under a German default locale");
    }

    @Test
    void csvHasOneColumnPerMetricAndEmptyCellsForNaN() throws IOException {
        try (Reader in = Files.newBufferedReader(files.get(0), StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().get().parse(in)) {
            List<String> expected = new ArrayList<>(List.of("rank", "model", "family", "role"));
            expected.addAll(data.metricNames());
            assertEquals(expected, parser.getHeaderNames());
            List<CSVRecord> rows = parser.getRecords();
            assertEquals(List.of("ets", "mean_28", "seasonal_naive"), rows.stream().map(r -> r.get("model")).toList());
            assertEquals(List.of("candidate", "production", "baseline"), rows.stream().map(r -> r.get("role")).toList());
            assertEquals("", rows.get(1).get("crps"), "NaN is an empty cell");
            assertEquals("", rows.get(2).get("skill_rmsse"), "NaN is an empty cell");
            assertEquals("0.7412", rows.get(0).get("rmsse"));
            assertEquals("0.0032", rows.get(1).get("fit_seconds"), "plain decimals, no exponent, no comma");
        }
    }

    @Test
    void markdownHasOneTableRowPerModelAndTheGate() throws IOException {
        List<String> lines = Files.readAllLines(files.get(1));

        List<String> table = lines.stream().filter(l -> l.startsWith("|")).toList();
        assertEquals(2 + data.leaderboard().size(), table.size(), "header, separator, one row per model");
        assertEquals("| 1 | ets | stat |  | 0.7412 | 0.6893 | 0.882 | 61.27 | 0.7900 | 1.532 | 0.1523 | 2.410 |",
                table.get(2));
        assertTrue(table.get(3).contains("| – |"), "undefined metric shown as a dash: " + table.get(3));
        assertTrue(lines.contains("# Backtest report: m5-sample"));
        assertTrue(lines.contains("- ✅ `skill_rmsse >= 0.05` on ets: skill_rmsse = 0.1523"));
        assertTrue(lines.contains("- ❌ `coverage_80 >= 0.75` on mean_28: coverage_80 = 0.74 < 0.75"));
        assertTrue(lines.contains("- Model &lt;x> & y was skipped: no interval."), "a tag-like < is escaped");
    }

    @Test
    void sameDataGivesIdenticalFilesWhateverTheLocale() throws IOException {
        List<Path> again = ReportWriter.write(data, dir.resolve("again"));

        for (int i = 0; i < files.size(); i++) {
            assertArrayEquals(Files.readAllBytes(files.get(i)), Files.readAllBytes(again.get(i)), files.get(i).toString());
        }
    }

    @Test
    void recordsRejectInconsistentInput() {
        assertThrows(IllegalArgumentException.class, () -> new WindowBand(1, 0, new double[3], new double[2],
                new double[3], 0.8));
        assertThrows(IllegalArgumentException.class, () -> new WindowBand(1, 0, new double[3], new double[3], null, 0.8));
        assertThrows(IllegalArgumentException.class, () -> new SeriesTrace("s", "m", "best", 1,
                List.of(LocalDate.of(2016, 1, 1)), new double[1], List.of(new WindowBand(1, 0, new double[2], null, null,
                Double.NaN))));
        assertThrows(IllegalArgumentException.class, () -> new LeaderboardRow(1, "m", "stat", "champion", Map.of()));
    }

    /** The realistic report of this test; also handy to look at the output by hand. */
    static ReportData sampleReport() throws IOException {
        Map<String, TreeMap<LocalDate, Double>> sales = readSales();
        List<SeriesTrace> snaiveTraces = new ArrayList<>();
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        Map<String, double[]> stepSums = new LinkedHashMap<>();
        Map<String, Double> snaiveScore = new LinkedHashMap<>();
        for (String model : List.of("seasonal_naive", "mean_28")) {
            samples.put(model, new ArrayList<>());
            stepSums.put(model, new double[H]);
        }
        for (String id : SERIES) {
            List<LocalDate> allDates = List.copyOf(sales.get(id).keySet());
            double[] y = sales.get(id).values().stream().mapToDouble(Double::doubleValue).toArray();
            int n = y.length;
            int first = n - WINDOWS * H - TAIL;
            List<LocalDate> dates = allDates.subList(first, n);
            double[] actual = java.util.Arrays.copyOfRange(y, first, n);
            List<WindowBand> bands = new ArrayList<>();
            double squaredScaled = 0;
            for (int w = 0; w < WINDOWS; w++) {
                int origin = n - (WINDOWS - w) * H;
                double scale = rmsseScale(y, origin);
                for (String model : List.of("seasonal_naive", "mean_28")) {
                    double[] point = forecast(model, y, origin);
                    double sse = 0;
                    for (int i = 0; i < H; i++) {
                        double e = point[i] - y[origin + i];
                        sse += e * e;
                        stepSums.get(model)[i] += Math.abs(e) / Math.sqrt(scale);
                    }
                    double rmsse = Math.sqrt(sse / H / scale);
                    samples.get(model).add(rmsse);
                    if (model.equals("seasonal_naive")) {
                        squaredScaled += rmsse * rmsse;
                        double[] lower = new double[H];
                        double[] upper = new double[H];
                        for (int i = 0; i < H; i++) {
                            lower[i] = 0.8 * point[i];
                            upper[i] = 1.2 * point[i];
                        }
                        bands.add(new WindowBand(w + 1, origin - first, point, lower, upper, 0.8));
                    }
                }
            }
            double score = Math.sqrt(squaredScaled / WINDOWS);
            snaiveScore.put(id, score);
            String shownId = id.equals("FOODS_2_360_CA_1") ? NASTY_ID : id;
            snaiveTraces.add(new SeriesTrace(shownId, "seasonal_naive", "", score, dates, actual, bands));
        }
        List<SeriesTrace> ranked = new ArrayList<>(snaiveTraces);
        ranked.sort((a, b) -> Double.compare(a.score(), b.score()));
        List<SeriesTrace> traces = List.of(relabel(ranked.get(0), "best"), relabel(ranked.get(ranked.size() - 1), "worst"),
                relabel(snaiveTraces.get(SERIES.indexOf("FOODS_2_360_CA_1")), "typical"));

        Map<String, double[]> errorSamples = new LinkedHashMap<>();
        Map<String, double[]> errorByStep = new LinkedHashMap<>();
        double[] snaive = samples.get("seasonal_naive").stream().mapToDouble(Double::doubleValue).toArray();
        errorSamples.put("ets", java.util.Arrays.stream(snaive).map(v -> 0.85 * v).toArray());
        errorSamples.put("seasonal_naive", snaive);
        errorSamples.put("mean_28", samples.get("mean_28").stream().mapToDouble(Double::doubleValue).toArray());
        for (String model : List.of("seasonal_naive", "mean_28")) {
            double[] mean = stepSums.get(model).clone();
            for (int i = 0; i < H; i++) {
                mean[i] /= SERIES.size() * WINDOWS;
            }
            errorByStep.put(model, mean);
        }
        errorByStep.put("ets", java.util.Arrays.stream(errorByStep.get("seasonal_naive")).map(v -> 0.85 * v).toArray());

        Map<String, List<CoveragePoint>> coverage = new LinkedHashMap<>();
        coverage.put("ets", List.of(new CoveragePoint(0.5, 0.44, 0.51), new CoveragePoint(0.8, 0.71, 0.79),
                new CoveragePoint(0.95, 0.88, 0.94)));
        coverage.put("mean_28", List.of(new CoveragePoint(0.5, 0.58, Double.NaN), new CoveragePoint(0.8, 0.74,
                Double.NaN), new CoveragePoint(0.95, 0.9, Double.NaN)));

        List<String> metrics = List.of("rmsse", "wrmsse", "mase", "smape", "coverage_80", "crps", "skill_rmsse",
                "fit_seconds");
        List<LeaderboardRow> leaderboard = List.of(
                new LeaderboardRow(1, "ets", "stat", LeaderboardRow.CANDIDATE, metrics(metrics, 0.7412, 0.6893, 0.8821,
                        61.27, 0.79, 1.532, 0.1523, 2.41)),
                new LeaderboardRow(2, "mean_28", "stat", LeaderboardRow.PRODUCTION, metrics(metrics, 0.8240, 0.7911,
                        0.9410, 66.02, 0.74, Double.NaN, 0.0571, 0.0032)),
                new LeaderboardRow(3, "seasonal_naive", "stat", LeaderboardRow.BASELINE, metrics(metrics, 0.8739,
                        0.8123, 1.0, 70.5, 0.64, 1.911, Double.NaN, 0.0011)));
        List<GateLine> gate = List.of(
                new GateLine("skill_rmsse >= 0.05", "ets", true, "skill_rmsse = 0.1523"),
                new GateLine("coverage_80 >= 0.75", "mean_28", false, "coverage_80 = 0.74 < 0.75"));
        List<String> notes = List.of("Forecast bands are ±20 % of the point forecast in this sample.",
                "Model <x> & y was skipped: no interval.");
        return new ReportData("m5-sample", "2016-06-20T08:00:00Z", "daily", H, WINDOWS, "every window", "conformal",
                metrics, leaderboard, traces, errorSamples, errorByStep, coverage, gate, notes);
    }

    private static SeriesTrace relabel(SeriesTrace t, String label) {
        return new SeriesTrace(t.seriesId(), t.model(), label, t.score(), t.dates(), t.actual(), t.windows());
    }

    private static Map<String, Double> metrics(List<String> names, double... values) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            map.put(names.get(i), values[i]);
        }
        return map;
    }

    /** Seasonal naive (last week repeated) or the flat mean of the last 28 days, from {@code origin} on. */
    private static double[] forecast(String model, double[] y, int origin) {
        double[] point = new double[H];
        if (model.equals("seasonal_naive")) {
            for (int i = 0; i < H; i++) {
                point[i] = y[origin - 7 + i % 7];
            }
        } else {
            double sum = 0;
            for (int i = origin - 28; i < origin; i++) {
                sum += y[i];
            }
            java.util.Arrays.fill(point, sum / 28);
        }
        return point;
    }

    /** M5 RMSSE scale: mean squared one-step difference of the history before {@code origin}, from the first sale on. */
    private static double rmsseScale(double[] y, int origin) {
        int start = 0;
        while (start < origin && y[start] == 0) {
            start++;
        }
        double sum = 0;
        for (int t = start + 1; t < origin; t++) {
            sum += (y[t] - y[t - 1]) * (y[t] - y[t - 1]);
        }
        return sum / (origin - start - 1);
    }

    private static Map<String, TreeMap<LocalDate, Double>> readSales() throws IOException {
        Map<String, TreeMap<LocalDate, Double>> sales = new LinkedHashMap<>();
        SERIES.forEach(id -> sales.put(id, new TreeMap<>()));
        try (Reader in = Files.newBufferedReader(SALES, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().get().parse(in)) {
            for (CSVRecord row : parser) {
                TreeMap<LocalDate, Double> series = sales.get(row.get("series_id"));
                if (series != null) {
                    series.put(LocalDate.parse(row.get("date")), Double.parseDouble(row.get("value")));
                }
            }
        }
        return sales;
    }
}
