package io.demandcast.core.evaluate;

import io.demandcast.core.config.SchemaConfig;
import io.demandcast.core.data.DataException;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.TimeAxis;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the target of chosen series from long CSV files (columns named by a {@link SchemaConfig}:
 * series key, date, target) into a panel; several files (train, then validation) are read as one.
 *
 * <p>Why not {@link io.demandcast.core.data.PanelCsvReader}: it reads every series of a file and
 * rejects a file whose dates do not all fit one frequency, while scoring an external forecast must
 * read just the forecast's series from files that may mix frequencies (the M3 files hold yearly,
 * quarterly, monthly and daily-indexed series together). Keys of several id columns are joined
 * with {@code /}, as PanelCsvReader does. Rows may have gaps (scoring skips them); a repeated
 * (series, date) is an error.
 */
final class SeriesCsv {
    private SeriesCsv() {
    }

    private static final String KEY_SEPARATOR = "/";

    static Panel read(List<Path> files, SchemaConfig schema, Frequency frequency, Set<String> series) {
        Map<String, Rows> bySeries = new LinkedHashMap<>();
        for (String id : series) {
            bySeries.put(id, new Rows());
        }
        TimeAxis axis = null;
        for (Path file : files) {
            try (CsvInput in = CsvInput.open(file)) {
                int[] id = schema.id().stream().mapToInt(in::column).toArray();
                int date = in.column(schema.date());
                int value = in.column(schema.target());
                StringBuilder key = new StringBuilder();
                for (CSVRecord r : in.records()) {
                    key.setLength(0);
                    for (int i = 0; i < id.length; i++) {
                        key.append(i == 0 ? "" : KEY_SEPARATOR).append(in.requiredText(r, id[i]));
                    }
                    Rows rows = bySeries.get(key.toString());
                    if (rows == null) {
                        continue;
                    }
                    LocalDate d = in.date(r, date);
                    if (axis == null) {
                        try {
                            axis = new TimeAxis(frequency, d);
                        } catch (IllegalArgumentException e) {
                            throw in.error(r, date, e.getMessage());
                        }
                    }
                    if (!axis.fits(d)) {
                        throw in.error(r, date, "date " + d + " is not a " + frequency.label() + " period start ("
                                + axis.describeAnchor() + ")");
                    }
                    rows.add(axis.period(d), in.number(r, value), in.name() + ":" + CsvInput.line(r));
                }
            }
        }
        if (axis == null) {
            throw new DataException(files + ": none of the " + series.size() + " wanted series has a row");
        }
        return toPanel(axis, bySeries);
    }

    private static Panel toPanel(TimeAxis axis, Map<String, Rows> bySeries) {
        int n = bySeries.size();
        String[] ids = bySeries.keySet().toArray(String[]::new);
        int[] offsets = new int[n + 1];
        for (int s = 0; s < n; s++) {
            offsets[s + 1] = offsets[s] + bySeries.get(ids[s]).size;
        }
        int[] periods = new int[offsets[n]];
        double[] target = new double[offsets[n]];
        for (int s = 0; s < n; s++) {
            bySeries.get(ids[s]).sortedInto(ids[s], axis, periods, target, offsets[s]);
        }
        return new Panel(axis, ids, offsets, periods, target, Map.of(), Map.of(), Map.of());
    }

    private static final class Rows {
        private long[] keys = new long[16];
        private double[] values = new double[16];
        private String[] where = new String[16];
        private int size;

        void add(int period, double value, String location) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
                where = Arrays.copyOf(where, size * 2);
            }
            // period in the high bits, arrival index in the low bits: one primitive sort orders by period
            keys[size] = ((long) period << 32) | size;
            values[size] = value;
            where[size] = location;
            size++;
        }

        void sortedInto(String id, TimeAxis axis, int[] periods, double[] target, int offset) {
            long[] sorted = Arrays.copyOf(keys, size);
            Arrays.sort(sorted);
            for (int i = 0; i < size; i++) {
                int period = (int) (sorted[i] >> 32);
                int index = (int) sorted[i];
                if (i > 0 && periods[offset + i - 1] == period) {
                    int previous = (int) sorted[i - 1];
                    throw new DataException(where[index] + ": series '" + id + "' has a second value for "
                            + axis.date(period) + " (first at " + where[previous] + ")");
                }
                periods[offset + i] = period;
                target[offset + i] = values[index];
            }
        }
    }
}
