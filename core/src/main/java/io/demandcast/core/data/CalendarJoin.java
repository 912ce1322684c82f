package io.demandcast.core.data;

import io.demandcast.core.config.CalendarConfig;
import io.demandcast.core.config.DataFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Joins a covariate CSV to every series of a panel: on date (a calendar, one row per date, the M5
 * {@code calendar.csv} shape), or with {@code by} on a static column's value and date (one row per
 * key and date, e.g. every brand's price per store and week). The chosen numeric columns become
 * numeric covariates, the chosen text columns categorical covariates. Rows of the panel the file
 * has no row for (a date it lacks, or a key and date) get NaN / missing, which the gap policy then
 * fills like any other missing covariate. Future rows (after a series' last target value) are rows
 * of the panel like the others, so they get their values too.
 */
public final class CalendarJoin {

    private CalendarJoin() {
    }

    /**
     * @throws DataException naming file, line and column for a bad cell, a missing column, a
     *                       repeated date (or key and date), a column name the panel already has,
     *                       or a {@code by} column that is not a static column of the panel
     */
    public static Panel join(Panel panel, CalendarConfig config, Path file) {
        return join(panel, config, file, DataFormat.DEFAULT);
    }

    /** As {@link #join(Panel, CalendarConfig, Path)}, for a file written in {@code format} ({@code data.format}). */
    public static Panel join(Panel panel, CalendarConfig config, Path file, DataFormat format) {
        CellFormat cells = new CellFormat(format);
        String name = file.toString();
        for (String column : config.columns()) {
            if (panel.hasNumeric(column) || panel.categoricalNames().contains(column) || panel.staticNames().contains(column)) {
                throw new DataException(name + ": joined column '" + column + "' clashes with a column of the data; drop one of them");
            }
        }
        String by = config.by();
        if (by != null && !panel.staticNames().contains(by)) {
            throw new DataException(name + ": join key '" + by + "' is not a static column of the data (statics: "
                    + panel.staticNames() + "); declare it in data.schema.statics or data.attributes");
        }
        List<String> numericNames = config.numericColumns();
        List<String> textNames = config.categoricalColumns();
        // Key values are numbered as they are met; a row of the file is found by (key number, day).
        Map<String, Integer> keyCodes = new HashMap<>();
        Map<Long, Integer> rowByKeyDay = new HashMap<>();
        List<double[]> numericRows = new ArrayList<>();
        List<String[]> textRows = new ArrayList<>();
        try (CSVParser parser = CsvSource.open(file, format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            int dateCol = column(name, header, config.date());
            int keyCol = by == null ? -1 : column(name, header, by);
            int[] numCols = numericNames.stream().mapToInt(c -> column(name, header, c)).toArray();
            int[] catCols = textNames.stream().mapToInt(c -> column(name, header, c)).toArray();
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (record.size() != header.size()) {
                    throw DataException.at(name, line, Math.min(record.size(), header.size()) + 1,
                            "expected " + header.size() + " fields, found " + record.size());
                }
                String text = record.get(dateCol);
                int day = Math.toIntExact(cells.date(text, name, line, dateCol, config.date()).toEpochDay());
                int key = 0;
                if (keyCol >= 0) {
                    String keyText = record.get(keyCol);
                    key = keyCodes.computeIfAbsent(keyText, k -> keyCodes.size());
                }
                if (rowByKeyDay.put(keyDay(key, day), numericRows.size()) != null) {
                    throw DataException.at(name, line, dateCol + 1, keyCol < 0 ? "date " + text + " appears twice in the calendar"
                            : by + " '" + record.get(keyCol) + "' and date " + text + " appear twice in the file");
                }
                double[] nums = new double[numCols.length];
                for (int i = 0; i < numCols.length; i++) {
                    nums[i] = cells.number(record.get(numCols[i]), name, line, numCols[i], numericNames.get(i));
                }
                numericRows.add(nums);
                String[] texts = new String[catCols.length];
                for (int i = 0; i < catCols.length; i++) {
                    texts[i] = record.get(catCols[i]);
                }
                textRows.add(texts);
            }
        } catch (NoSuchFileException e) {
            throw new DataException(name + ": " + (by == null ? "calendar" : "join") + " file not found", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            // Commons CSV reports malformed quoting this way; it is bad input, not an I/O failure.
            throw new DataException(name + ": malformed CSV: " + e.getMessage(), e);
        }
        int rows = panel.rowCount();
        int[] fileRow = new int[rows];
        for (int s = 0; s < panel.seriesCount(); s++) {
            Integer key = by == null ? Integer.valueOf(0) : keyCodes.get(panel.staticValue(by, s));
            for (int r = panel.rowStart(s); r < panel.rowEnd(s); r++) {
                Integer c = key == null ? null
                        : rowByKeyDay.get(keyDay(key, Math.toIntExact(panel.axis().date(panel.period(r)).toEpochDay())));
                fileRow[r] = c == null ? -1 : c;
            }
        }
        Panel out = panel;
        for (int i = 0; i < numericNames.size(); i++) {
            double[] col = new double[rows];
            for (int r = 0; r < rows; r++) {
                col[r] = fileRow[r] < 0 ? Double.NaN : numericRows.get(fileRow[r])[i];
            }
            out = out.withNumeric(numericNames.get(i), col);
        }
        for (int i = 0; i < textNames.size(); i++) {
            Map<String, Integer> dict = new LinkedHashMap<>();
            int[] codes = new int[rows];
            for (int r = 0; r < rows; r++) {
                String level = fileRow[r] < 0 ? "" : textRows.get(fileRow[r])[i];
                codes[r] = level.isEmpty() || level.equals("NA") ? Categorical.MISSING : dict.computeIfAbsent(level, k -> dict.size());
            }
            out = out.withCategorical(textNames.get(i), new Categorical(codes, List.copyOf(dict.keySet())));
        }
        return out;
    }

    private static long keyDay(int key, int day) {
        return ((long) key << 32) | (day & 0xFFFFFFFFL);
    }

    private static int column(String file, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        if (index == null) {
            throw DataException.at(file, 1, header.size() + 1, "missing column '" + column + "' (found: " + String.join(", ", header.keySet()) + ")");
        }
        return index;
    }
}
