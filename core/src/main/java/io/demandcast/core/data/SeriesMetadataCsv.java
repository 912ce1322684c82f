package io.demandcast.core.data;

import io.demandcast.core.config.DataFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the ids of a series metadata CSV ({@code data.series.file}: one row per series, a header
 * line, e.g. M3's {@code meta.csv}) whose rows match every {@code where} condition. Problems name
 * the file, line and (when there is one) column.
 */
final class SeriesMetadataCsv {
    /** Distinct values remembered per column, to say what a column holds when nothing matched. */
    private static final int SHOWN_VALUES = 10;

    private SeriesMetadataCsv() {
    }

    /**
     * @param where column to accepted values (compared as text, exactly); empty keeps every row
     * @return the selected ids, in file order, without repeats
     * @throws DataException when the file is missing or malformed, a column is absent, an id cell is
     *                       empty or no row matches
     */
    static Set<String> ids(Path file, String idColumn, Map<String, List<String>> where) {
        String name = file.toString();
        try (CSVParser parser = CsvSource.open(file, DataFormat.DEFAULT)) {
            Map<String, Integer> header = parser.getHeaderMap();
            if (header == null || header.isEmpty()) {
                throw new DataException(name + ":1: no header line (data.series.file needs one, naming column '" + idColumn + "')");
            }
            int idCol = column(name, header, idColumn);
            List<String> columns = new ArrayList<>(where.keySet());
            int[] whereCols = new int[columns.size()];
            List<Set<String>> accepted = new ArrayList<>();
            List<Set<String>> seen = new ArrayList<>();
            for (int i = 0; i < whereCols.length; i++) {
                whereCols[i] = column(name, header, columns.get(i));
                accepted.add(Set.copyOf(where.get(columns.get(i))));
                seen.add(new LinkedHashSet<>());
            }
            boolean[] occurs = new boolean[whereCols.length];
            Set<String> ids = new LinkedHashSet<>();
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (record.size() != header.size()) {
                    throw DataException.at(name, line, Math.min(record.size(), header.size()) + 1,
                            "expected " + header.size() + " fields, found " + record.size());
                }
                boolean match = true;
                for (int i = 0; i < whereCols.length; i++) {
                    String value = record.get(whereCols[i]);
                    if (seen.get(i).size() < SHOWN_VALUES) {
                        seen.get(i).add(value);
                    }
                    boolean ok = accepted.get(i).contains(value);
                    occurs[i] |= ok;
                    match &= ok;
                }
                if (!match) {
                    continue;
                }
                String id = record.get(idCol);
                if (id.isEmpty()) {
                    throw DataException.at(name, line, idCol + 1, "empty series id in column '" + idColumn + "'");
                }
                ids.add(id);
            }
            if (ids.isEmpty()) {
                throw new DataException(name + ": data.series selects no series: " + (parser.getRecordNumber() == 0
                        ? "the file has no data rows" : noMatch(columns, accepted, occurs, seen)));
            }
            return ids;
        } catch (NoSuchFileException e) {
            throw new DataException(name + ": file not found (data.series.file)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            // Commons CSV reports malformed quoting this way; it is bad input, not an I/O failure.
            throw new DataException(name + ": malformed CSV: " + e.getMessage(), e);
        }
    }

    private static int column(String file, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        if (index == null) {
            throw new DataException(file + ":1: no column '" + column + "' (columns: " + String.join(", ", header.keySet()) + ")");
        }
        return index;
    }

    /** Why no row matched: the columns whose wanted values never occur, with what they hold. */
    private static String noMatch(List<String> columns, List<Set<String>> accepted, boolean[] occurs, List<Set<String>> seen) {
        Map<String, String> absent = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            if (!occurs[i]) {
                absent.put(columns.get(i), String.join(", ", seen.get(i)) + (seen.get(i).size() == SHOWN_VALUES ? ", ..." : ""));
            }
        }
        StringBuilder sb = new StringBuilder("no row matches where ");
        List<String> tests = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            tests.add(columns.get(i) + " in " + accepted.get(i).stream().sorted().toList());
        }
        sb.append(String.join(" and ", tests));
        absent.forEach((column, values) -> sb.append("; column '").append(column).append("' holds ").append(values));
        return sb.toString();
    }
}
