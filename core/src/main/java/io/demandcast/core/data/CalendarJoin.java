package io.demandcast.core.data;

import io.demandcast.core.config.CalendarConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Joins a calendar/event CSV (one row per date, the M5 {@code calendar.csv} shape) to every series
 * of a panel on date: the chosen numeric columns become numeric covariates, the chosen text
 * columns categorical covariates. Dates of the panel the calendar lacks get NaN / missing.
 */
public final class CalendarJoin {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();

    private CalendarJoin() {
    }

    /**
     * @throws DataException naming file, line and column for a bad cell, a missing column, a
     *                       repeated date, or a column name the panel already has
     */
    public static Panel join(Panel panel, CalendarConfig config, Path file) {
        String name = file.toString();
        for (String column : config.covariates()) {
            if (panel.hasNumeric(column) || panel.categoricalNames().contains(column)) {
                throw new DataException(name + ": calendar column '" + column + "' clashes with a column of the data files; drop one of them");
            }
        }
        for (String column : config.categorical()) {
            if (panel.hasNumeric(column) || panel.categoricalNames().contains(column)) {
                throw new DataException(name + ": calendar column '" + column + "' clashes with a column of the data files; drop one of them");
            }
        }
        Map<Integer, Integer> rowByDay = new HashMap<>();
        List<double[]> numericRows = new ArrayList<>();
        List<String[]> textRows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
            Map<String, Integer> header = parser.getHeaderMap();
            int dateCol = column(name, header, config.date());
            int[] numCols = config.covariates().stream().mapToInt(c -> column(name, header, c)).toArray();
            int[] catCols = config.categorical().stream().mapToInt(c -> column(name, header, c)).toArray();
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                String text = record.get(dateCol);
                int day;
                try {
                    day = Math.toIntExact(LocalDate.parse(text).toEpochDay());
                } catch (DateTimeParseException e) {
                    throw DataException.at(name, line, dateCol + 1, "cannot parse date '" + text + "' (expected ISO yyyy-MM-dd)");
                }
                if (rowByDay.put(day, numericRows.size()) != null) {
                    throw DataException.at(name, line, dateCol + 1, "date " + text + " appears twice in the calendar");
                }
                double[] nums = new double[numCols.length];
                for (int i = 0; i < numCols.length; i++) {
                    String cell = record.get(numCols[i]);
                    try {
                        nums[i] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
                    } catch (NumberFormatException e) {
                        throw DataException.at(name, line, numCols[i] + 1, "column '" + config.covariates().get(i) + "': '" + cell + "' is not a number");
                    }
                }
                numericRows.add(nums);
                String[] texts = new String[catCols.length];
                for (int i = 0; i < catCols.length; i++) {
                    texts[i] = record.get(catCols[i]);
                }
                textRows.add(texts);
            }
        } catch (NoSuchFileException e) {
            throw new DataException(name + ": calendar file not found", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
        int rows = panel.rowCount();
        int[] calendarRow = new int[rows];
        for (int r = 0; r < rows; r++) {
            Integer c = rowByDay.get(Math.toIntExact(panel.axis().date(panel.period(r)).toEpochDay()));
            calendarRow[r] = c == null ? -1 : c;
        }
        Panel out = panel;
        for (int i = 0; i < config.covariates().size(); i++) {
            double[] col = new double[rows];
            for (int r = 0; r < rows; r++) {
                col[r] = calendarRow[r] < 0 ? Double.NaN : numericRows.get(calendarRow[r])[i];
            }
            out = out.withNumeric(config.covariates().get(i), col);
        }
        for (int i = 0; i < config.categorical().size(); i++) {
            Map<String, Integer> dict = new LinkedHashMap<>();
            int[] codes = new int[rows];
            for (int r = 0; r < rows; r++) {
                String level = calendarRow[r] < 0 ? "" : textRows.get(calendarRow[r])[i];
                codes[r] = level.isEmpty() ? Categorical.MISSING : dict.computeIfAbsent(level, k -> dict.size());
            }
            out = out.withCategorical(config.categorical().get(i), new Categorical(codes, List.copyOf(dict.keySet())));
        }
        return out;
    }

    private static int column(String file, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        if (index == null) {
            throw DataException.at(file, 1, header.size() + 1, "missing column '" + column + "' (found: " + String.join(", ", header.keySet()) + ")");
        }
        return index;
    }
}
