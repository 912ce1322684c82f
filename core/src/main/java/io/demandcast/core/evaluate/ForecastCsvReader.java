package io.demandcast.core.evaluate;

import io.demandcast.core.data.DataException;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.TimeAxis;
import io.demandcast.core.model.Forecast;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads point forecasts made by another tool from a long-format CSV (see {@link ForecastCsvFormat})
 * into a {@link Forecast}, so they can be scored like demandcast's own.
 *
 * <p>Every kept series must forecast consecutive periods of the given frequency, all series the same
 * number of them (a {@link Forecast} has one horizon); rows may come in any order. Forecasts must be
 * finite numbers. The forecast is named after the filter value (e.g. {@code THETA}), else after the
 * file. Reading a file with another frequency or differing horizons needs a series filter.
 */
public final class ForecastCsvReader {
    private ForecastCsvReader() {
    }

    /**
     * Reads every series of the file.
     *
     * @throws DataException naming file:line:column on a bad cell, a date off the frequency's grid, a
     *                       repeated (series, date); naming the series on a gap or a differing horizon
     */
    public static Forecast read(Path file, ForecastCsvFormat format, Frequency frequency) {
        return read(file, format, frequency, null);
    }

    /**
     * Reads the series of the file that are in {@code series} (all when null), in file order of
     * first appearance.
     *
     * @throws DataException as {@link #read(Path, ForecastCsvFormat, Frequency)}, and when no row is kept
     */
    public static Forecast read(Path file, ForecastCsvFormat format, Frequency frequency, Set<String> series) {
        Map<String, Rows> bySeries = new LinkedHashMap<>();
        TimeAxis axis = null;
        try (CsvInput in = CsvInput.open(file)) {
            int id = in.column(format.idColumn());
            int date = in.column(format.dateColumn());
            int value = in.column(format.forecastColumn());
            int filter = format.filterColumn() == null ? -1 : in.column(format.filterColumn());
            for (CSVRecord r : in.records()) {
                if (filter >= 0 && !format.filterValue().equals(in.text(r, filter))) {
                    continue;
                }
                String seriesId = in.requiredText(r, id);
                if (series != null && !series.contains(seriesId)) {
                    continue;
                }
                LocalDate d = in.date(r, date);
                if (axis == null) {
                    axis = axisAt(in, r, date, frequency, d);
                }
                if (!axis.fits(d)) {
                    throw in.error(r, date, "date " + d + " is not a " + frequency.label() + " period start ("
                            + axis.describeAnchor() + ")");
                }
                bySeries.computeIfAbsent(seriesId, k -> new Rows()).add(axis.period(d), in.finiteNumber(r, value),
                        CsvInput.line(r));
            }
        }
        if (bySeries.isEmpty()) {
            throw new DataException(file + ": no forecast rows" + (format.filterColumn() == null ? ""
                    : " with " + format.filterColumn() + " = " + format.filterValue())
                    + (series == null ? "" : " for the " + series.size() + " requested series"));
        }
        return assemble(file, format, axis, bySeries);
    }

    private static TimeAxis axisAt(CsvInput in, CSVRecord r, int column, Frequency frequency, LocalDate date) {
        try {
            return new TimeAxis(frequency, date);
        } catch (IllegalArgumentException e) {
            throw in.error(r, column, e.getMessage());
        }
    }

    private static Forecast assemble(Path file, ForecastCsvFormat format, TimeAxis axis, Map<String, Rows> bySeries) {
        int n = bySeries.size();
        String[] ids = new String[n];
        int[] firstPeriods = new int[n];
        int horizon = -1;
        String horizonSeries = null;
        List<double[]> values = new ArrayList<>(n);
        int s = 0;
        for (Map.Entry<String, Rows> e : bySeries.entrySet()) {
            Rows rows = e.getValue();
            double[] v = rows.consecutive(file, e.getKey(), axis);
            if (horizon < 0) {
                horizon = v.length;
                horizonSeries = e.getKey();
            } else if (v.length != horizon) {
                throw new DataException(file + ": series '" + e.getKey() + "' has " + v.length + " forecast steps but '"
                        + horizonSeries + "' has " + horizon + "; score series of one horizon together (filter the series)");
            }
            ids[s] = e.getKey();
            firstPeriods[s] = rows.minPeriod();
            values.add(v);
            s++;
        }
        double[] point = new double[n * horizon];
        for (int i = 0; i < n; i++) {
            System.arraycopy(values.get(i), 0, point, i * horizon, horizon);
        }
        String model = format.filterValue() != null ? format.filterValue() : String.valueOf(file.getFileName());
        return new Forecast(model, axis, ids, firstPeriods, horizon, point, new double[0], new double[0][]);
    }

    /** The rows of one series as read, in file order. */
    private static final class Rows {
        private int[] periods = new int[8];
        private double[] values = new double[8];
        private long[] lines = new long[8];
        private int size;

        void add(int period, double value, long line) {
            if (size == periods.length) {
                periods = Arrays.copyOf(periods, size * 2);
                values = Arrays.copyOf(values, size * 2);
                lines = Arrays.copyOf(lines, size * 2);
            }
            periods[size] = period;
            values[size] = value;
            lines[size] = line;
            size++;
        }

        int minPeriod() {
            int min = Integer.MAX_VALUE;
            for (int i = 0; i < size; i++) {
                min = Math.min(min, periods[i]);
            }
            return min;
        }

        /** Values ordered by period; every period from the first to the last must occur exactly once. */
        double[] consecutive(Path file, String id, TimeAxis axis) {
            int first = minPeriod();
            int last = Integer.MIN_VALUE;
            for (int i = 0; i < size; i++) {
                last = Math.max(last, periods[i]);
            }
            double[] out = new double[last - first + 1];
            long[] seen = new long[out.length];
            for (int i = 0; i < size; i++) {
                int k = periods[i] - first;
                if (seen[k] != 0) {
                    throw new DataException(file + ":" + lines[i] + ": series '" + id + "' has a second forecast for "
                            + axis.date(periods[i]) + " (first on line " + seen[k] + ")");
                }
                seen[k] = lines[i];
                out[k] = values[i];
            }
            for (int k = 0; k < out.length; k++) {
                if (seen[k] == 0) {
                    throw new DataException(file + ": series '" + id + "' has no forecast for " + axis.date(first + k)
                            + " between its first " + axis.date(first) + " and last " + axis.date(last)
                            + " forecast date");
                }
            }
            return out;
        }
    }
}
