package io.demandcast.core.prepare;

import io.demandcast.core.data.Categorical;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.TimeAxis;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Test-only reader of the m5-tiny long CSV (sorted by series, then date), until the data package
 * has its own CSV reader. Knows exactly that file's columns and nothing more.
 */
final class M5TinyCsv {
    static final List<String> CATEGORICAL = List.of("event_name_1", "event_type_1", "event_name_2", "event_type_2");

    private M5TinyCsv() {
    }

    static Panel read(Path file) throws IOException {
        List<String> ids = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>(List.of(0));
        int capacity = 1 << 16;
        int[] periods = new int[capacity];
        double[] value = new double[capacity];
        double[] price = new double[capacity];
        double[] snap = new double[capacity];
        int[][] codes = new int[CATEGORICAL.size()][capacity];
        List<Map<String, Integer>> levels = new ArrayList<>();
        for (int c = 0; c < CATEGORICAL.size(); c++) {
            levels.add(new LinkedHashMap<>());
        }
        TimeAxis axis = null;
        Map<String, Integer> dateCache = new HashMap<>();
        int rows = 0;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                String id = rec.get(0);
                if (ids.isEmpty() || !ids.get(ids.size() - 1).equals(id)) {
                    if (!ids.isEmpty()) {
                        offsets.add(rows);
                    }
                    ids.add(id);
                }
                if (rows == periods.length) {
                    int n = rows * 2;
                    periods = Arrays.copyOf(periods, n);
                    value = Arrays.copyOf(value, n);
                    price = Arrays.copyOf(price, n);
                    snap = Arrays.copyOf(snap, n);
                    for (int c = 0; c < codes.length; c++) {
                        codes[c] = Arrays.copyOf(codes[c], n);
                    }
                }
                if (axis == null) {
                    axis = new TimeAxis(Frequency.DAILY, LocalDate.parse(rec.get(1)));
                }
                TimeAxis a = axis;
                periods[rows] = dateCache.computeIfAbsent(rec.get(1), d -> a.period(LocalDate.parse(d)));
                value[rows] = number(rec.get(2));
                price[rows] = number(rec.get(3));
                snap[rows] = number(rec.get(4));
                for (int c = 0; c < CATEGORICAL.size(); c++) {
                    String level = rec.get(5 + c);
                    Map<String, Integer> dict = levels.get(c);
                    codes[c][rows] = level.isEmpty() ? Categorical.MISSING : dict.computeIfAbsent(level, k -> dict.size());
                }
                rows++;
            }
        }
        offsets.add(rows);
        Map<String, double[]> numeric = new LinkedHashMap<>();
        numeric.put("sell_price", Arrays.copyOf(price, rows));
        numeric.put("snap", Arrays.copyOf(snap, rows));
        Map<String, Categorical> categorical = new LinkedHashMap<>();
        for (int c = 0; c < CATEGORICAL.size(); c++) {
            categorical.put(CATEGORICAL.get(c), new Categorical(Arrays.copyOf(codes[c], rows), List.copyOf(levels.get(c).keySet())));
        }
        return new Panel(axis, ids.toArray(String[]::new), offsets.stream().mapToInt(Integer::intValue).toArray(),
                Arrays.copyOf(periods, rows), Arrays.copyOf(value, rows), numeric, categorical, Map.of());
    }

    private static double number(String text) {
        return text.isEmpty() ? Double.NaN : Double.parseDouble(text);
    }
}
