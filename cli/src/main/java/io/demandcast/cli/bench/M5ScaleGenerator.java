package io.demandcast.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a panel of the full M5 shape (3,049 items x 10 stores = 30,490 daily series, 1,941 days
 * 2011-01-29..2016-05-22, with sell price, SNAP and events) scaled by a factor, resampled from the
 * real series of m5-tiny (280 intermittent item-store series with prices) and m5-smooth-items-ca
 * (501 smooth ones, without prices: each borrows the price path of an m5-tiny series). Every new
 * series gets a new item-store id, its store's SNAP flags and small integer noise on the target.
 * Deterministic: one fixed seed, one random stream per series. Run by
 * {@code scripts/bench/make-m5-scale.sh}; not part of the CLI.
 *
 * <p>Usage: {@code M5ScaleGenerator <shared data folder> <size factor> <output sales.csv>}
 *
 * <p>Rows are assembled as bytes from pieces prepared once (ids, dates, price and event text):
 * formatting ~59 M rows through Strings or a CSV library would take minutes instead of about one.
 */
public final class M5ScaleGenerator {
    static final int DAYS = 1941;
    /** Days of train.csv; the 28 after them (test_validation) have no price in m5-tiny. */
    static final int TRAIN_DAYS = 1913;
    static final int FULL_ITEMS = 3049;
    static final long SEED = 20_160_522L;
    /** The ten M5 stores and their states. */
    static final String[] STORES = {"CA_1", "CA_2", "CA_3", "CA_4", "TX_1", "TX_2", "TX_3", "WI_1", "WI_2", "WI_3"};
    /** The seven M5 departments and their item counts in the full data (3,049 in all). */
    static final String[] DEPTS = {"FOODS_1", "FOODS_2", "FOODS_3", "HOBBIES_1", "HOBBIES_2", "HOUSEHOLD_1", "HOUSEHOLD_2"};
    static final int[] DEPT_ITEMS = {216, 398, 823, 416, 149, 532, 515};
    static final byte[] HEADER = "series_id,store_id,cat_id,date,value,sell_price,snap,event_name_1,event_type_1,event_name_2,event_type_2\n"
            .getBytes(StandardCharsets.US_ASCII);

    private M5ScaleGenerator() {
    }

    /** A real series' daily values (1,941) and, for m5-tiny ones, its price text per day (null: none). */
    record Source(int[] values, byte[][] prices) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: M5ScaleGenerator <shared data folder> <size factor> <output sales.csv>");
            System.exit(2);
        }
        Path shared = Path.of(args[0]);
        double size = Double.parseDouble(args[1]);
        Path output = Path.of(args[2]);
        long t0 = System.nanoTime();
        List<Source> tiny = readSources(shared.resolve("m5-tiny"), true);
        List<Source> smooth = readSources(shared.resolve("m5-smooth-items-ca"), false);
        Calendar calendar = Calendar.read(shared.resolve("m5-tiny/calendar.csv"));
        long rows = write(tiny, smooth, calendar, size, output);
        System.err.printf(Locale.ROOT, "M5ScaleGenerator: %s: %d rows, %.1f MB in %.1f s%n", output, rows,
                Files.size(output) / 1e6, (System.nanoTime() - t0) / 1e9);
    }

    /** Item count of a size factor: 0.05 -> 152 items (1,520 series), 1 -> 3,049 (30,490). */
    static int itemCount(double size) {
        return Math.max(1, (int) Math.round(size * FULL_ITEMS));
    }

    static long write(List<Source> tiny, List<Source> smooth, Calendar calendar, double size, Path output) throws IOException {
        int items = itemCount(size);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Path temporary = output.resolveSibling("." + output.getFileName() + ".tmp");
        byte[][] dates = new byte[DAYS][];
        for (int d = 0; d < DAYS; d++) {
            dates[d] = (calendar.dates[d] + ",").getBytes(StandardCharsets.US_ASCII);
        }
        byte[] buffer = new byte[1 << 20];
        long rows = 0;
        // Items are spread over the departments in the full data's proportions.
        int[] perDept = new int[DEPTS.length];
        for (int i = 0; i < items; i++) {
            perDept[deptOf(i, items)]++;
        }
        try (OutputStream out = Files.newOutputStream(temporary)) {
            out.write(HEADER);
            int item = 0;
            for (int dept = 0; dept < DEPTS.length; dept++) {
                String cat = DEPTS[dept].substring(0, DEPTS[dept].indexOf('_'));
                for (int k = 1; k <= perDept[dept]; k++, item++) {
                    String itemId = String.format(Locale.ROOT, "%s_%03d", DEPTS[dept], k);
                    for (int s = 0; s < STORES.length; s++) {
                        SplittableRandom random = new SplittableRandom(SEED * 31 + (long) item * STORES.length + s);
                        String store = STORES[s];
                        byte[] prefix = (itemId + "_" + store + "," + store + "," + cat + ",").getBytes(StandardCharsets.US_ASCII);
                        // Two in three series are intermittent (m5-tiny), like the full M5, one in three smooth.
                        boolean intermittent = random.nextInt(3) < 2;
                        Source source = intermittent ? tiny.get(random.nextInt(tiny.size())) : smooth.get(random.nextInt(smooth.size()));
                        byte[][] prices = source.prices != null ? source.prices : tiny.get(random.nextInt(tiny.size())).prices;
                        byte[] snap = calendar.snap[s < 4 ? 0 : s < 7 ? 1 : 2];
                        int n = 0;
                        for (int d = 0; d < DAYS; d++) {
                            if (n + 256 > buffer.length) {
                                out.write(buffer, 0, n);
                                n = 0;
                            }
                            n = put(buffer, n, prefix);
                            n = put(buffer, n, dates[d]);
                            n = putInt(buffer, n, noisy(source.values[d], random));
                            buffer[n++] = ',';
                            n = put(buffer, n, prices[d]);
                            buffer[n++] = ',';
                            buffer[n++] = snap[d];
                            n = put(buffer, n, calendar.events[d]);
                        }
                        out.write(buffer, 0, n);
                        rows += DAYS;
                    }
                }
            }
        }
        Files.move(temporary, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return rows;
    }

    /** The department of item i of n, in the full data's proportions. */
    static int deptOf(int i, int n) {
        double position = (i + 0.5) / n * FULL_ITEMS;
        int cumulative = 0;
        for (int dept = 0; dept < DEPT_ITEMS.length; dept++) {
            cumulative += DEPT_ITEMS[dept];
            if (position < cumulative) {
                return dept;
            }
        }
        return DEPT_ITEMS.length - 1;
    }

    /** Small noise that keeps the target a non-negative integer and zeros mostly zero. */
    static int noisy(int value, SplittableRandom random) {
        int u = random.nextInt(100);
        if (value == 0) {
            return u == 0 ? 1 : 0;
        }
        if (u < 10) {
            return value - 1;
        }
        return u < 20 ? value + 1 : value;
    }

    static int put(byte[] buffer, int n, byte[] piece) {
        System.arraycopy(piece, 0, buffer, n, piece.length);
        return n + piece.length;
    }

    static int putInt(byte[] buffer, int n, int value) {
        if (value < 10) {
            buffer[n] = (byte) ('0' + value);
            return n + 1;
        }
        int digits = 0;
        for (int v = value; v > 0; v /= 10) {
            digits++;
        }
        for (int i = n + digits - 1, v = value; i >= n; i--, v /= 10) {
            buffer[i] = (byte) ('0' + v % 10);
        }
        return n + digits;
    }

    /**
     * Reads train.csv and test_validation.csv of a data set (1,913 + 28 days per series). m5-tiny's
     * test files have no price: there the last known price carries forward, as a weekly price would.
     */
    static List<Source> readSources(Path folder, boolean withPrices) throws IOException {
        Map<String, int[]> values = new LinkedHashMap<>();
        Map<String, byte[][]> prices = new HashMap<>();
        Map<String, Integer> filled = new HashMap<>();
        Map<String, byte[]> priceText = new HashMap<>();
        for (String file : new String[] {"train.csv", "test_validation.csv"}) {
            try (BufferedReader reader = Files.newBufferedReader(folder.resolve(file), StandardCharsets.UTF_8)) {
                reader.readLine();
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String[] fields = line.split(",", -1);
                    String id = fields[0];
                    int day = filled.merge(id, 1, Integer::sum) - 1;
                    if (day >= DAYS) {
                        throw new IOException(folder.resolve(file) + ": more than " + DAYS + " days for " + id);
                    }
                    values.computeIfAbsent(id, k -> new int[DAYS])[day] = (int) Double.parseDouble(fields[2]);
                    if (withPrices) {
                        byte[][] path = prices.computeIfAbsent(id, k -> new byte[DAYS][]);
                        String price = fields[3];
                        path[day] = price.isEmpty() && day >= TRAIN_DAYS ? path[day - 1] : priceText.computeIfAbsent(price, p -> p.getBytes(StandardCharsets.US_ASCII));
                    }
                }
            }
        }
        List<Source> sources = new ArrayList<>();
        for (Map.Entry<String, int[]> e : values.entrySet()) {
            if (filled.get(e.getKey()) != DAYS) {
                throw new IOException(folder + ": " + e.getKey() + " has " + filled.get(e.getKey()) + " days, not " + DAYS);
            }
            sources.add(new Source(e.getValue(), withPrices ? prices.get(e.getKey()) : null));
        }
        return sources;
    }

    /** The M5 calendar's first 1,941 days: dates, SNAP flags of CA, TX, WI, and event text. */
    record Calendar(String[] dates, byte[][] snap, byte[][] events) {
        static Calendar read(Path file) throws IOException {
            String[] dates = new String[DAYS];
            byte[][] snap = new byte[3][DAYS];
            byte[][] events = new byte[DAYS][];
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                reader.readLine();
                for (int d = 0; d < DAYS; d++) {
                    String line = reader.readLine();
                    if (line == null) {
                        throw new IOException(file + ": fewer than " + DAYS + " days");
                    }
                    // date,wm_yr_wk,weekday,wday,month,year,event_name_1,event_type_1,event_name_2,event_type_2,snap_CA,snap_TX,snap_WI,d
                    String[] f = line.split(",", -1);
                    dates[d] = f[0];
                    for (int s = 0; s < 3; s++) {
                        snap[s][d] = (byte) f[10 + s].charAt(0);
                    }
                    events[d] = ("," + f[6] + "," + f[7] + "," + f[8] + "," + f[9] + "\n").getBytes(StandardCharsets.US_ASCII);
                }
            }
            return new Calendar(dates, snap, events);
        }
    }
}
