package io.demandcast.core.data;

import io.demandcast.core.config.AttributesConfig;
import io.demandcast.core.config.DataFormat;
import io.demandcast.core.config.SchemaConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Per-series text attributes ({@code data.attributes}): a CSV with one row per series, read whole
 * (it has one row per series, not per period) and attached to a panel as static columns. Values
 * are kept as text, numbers included: a store number is a code, not a quantity. Immutable.
 */
public final class SeriesAttributes {
    private static final int SHOWN_IDS = 5;

    private final String file;
    private final List<String> columns;
    private final Map<String, String[]> valuesById;
    private final AttributesConfig.Missing missing;

    private SeriesAttributes(String file, List<String> columns, Map<String, String[]> valuesById, AttributesConfig.Missing missing) {
        this.file = file;
        this.columns = columns;
        this.valuesById = valuesById;
        this.missing = missing;
    }

    /**
     * Reads {@code config.file()}.
     *
     * @throws DataException naming the file (and line and column) when it is missing or malformed, lacks
     *                       a named column, or has an empty or repeated id
     */
    public static SeriesAttributes read(AttributesConfig config) {
        return read(config, DataFormat.DEFAULT);
    }

    /** Reads {@code config.file()} written in {@code format} ({@code data.format}). */
    public static SeriesAttributes read(AttributesConfig config, DataFormat format) {
        Path path = Path.of(config.file());
        String name = path.toString();
        try (CSVParser parser = CsvSource.open(path, format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            if (header == null || header.isEmpty()) {
                throw new DataException(name + ":1: no header line (data.attributes.file needs one, naming column '"
                        + config.idColumn() + "')");
            }
            int idCol = column(name, header, config.idColumn());
            List<String> columns = config.columns();
            if (columns.isEmpty()) {
                columns = header.keySet().stream().filter(c -> !c.equals(config.idColumn())).toList();
            }
            int[] cols = columns.stream().mapToInt(c -> column(name, header, c)).toArray();
            Map<String, String[]> values = new HashMap<>();
            Map<String, Long> lines = new HashMap<>();
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (record.size() != header.size()) {
                    throw DataException.at(name, line, Math.min(record.size(), header.size()) + 1,
                            "expected " + header.size() + " fields, found " + record.size());
                }
                String id = record.get(idCol);
                if (id.isEmpty()) {
                    throw DataException.at(name, line, idCol + 1, "empty series id in column '" + config.idColumn() + "'");
                }
                Long first = lines.putIfAbsent(id, line);
                if (first != null) {
                    throw DataException.at(name, line, idCol + 1, "series '" + id + "' appears twice (first at line " + first
                            + "); data.attributes.file holds one row per series");
                }
                String[] row = new String[cols.length];
                for (int i = 0; i < cols.length; i++) {
                    row[i] = record.get(cols[i]);
                }
                values.put(id, row);
            }
            return new SeriesAttributes(name, List.copyOf(columns), values, config.missing());
        } catch (NoSuchFileException e) {
            throw new DataException(name + ": file not found (data.attributes.file)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            // Commons CSV reports malformed quoting this way; it is bad input, not an I/O failure.
            throw new DataException(name + ": malformed CSV: " + e.getMessage(), e);
        }
    }

    /** The attribute columns, in the order they are attached. */
    public List<String> columns() {
        return columns;
    }

    /** The file read, as named in the config. */
    public String file() {
        return file;
    }

    /**
     * The value of one attribute of a series: empty when the file lacks the series (whether that is
     * an error is decided by {@link #attach}).
     */
    public String value(String seriesId, int column) {
        String[] row = valuesById.get(seriesId);
        return row == null ? "" : row[column];
    }

    /**
     * The panel with every attribute column added as a static column, after its own statics.
     *
     * @param schema the data's column roles, to refuse an attribute named like one of its columns
     * @throws DataException naming the file and the column when an attribute column is already a
     *                       column of the data; naming up to 5 series when the file lacks some of the
     *                       panel's series and {@code missing} is {@code error}
     */
    public Panel attach(Panel panel, SchemaConfig schema) {
        for (String column : columns) {
            if (schema.id().contains(column) || column.equals(schema.date()) || column.equals(schema.target())
                    || panel.hasNumeric(column) || panel.categoricalNames().contains(column) || panel.staticNames().contains(column)) {
                throw new DataException(file + ": attribute column '" + column + "' clashes with a column of the data files"
                        + " (data.schema); list data.attributes.columns without it");
            }
        }
        if (missing == AttributesConfig.Missing.error) {
            List<String> absent = new ArrayList<>();
            for (int s = 0; s < panel.seriesCount(); s++) {
                if (!valuesById.containsKey(panel.seriesId(s))) {
                    absent.add(panel.seriesId(s));
                }
            }
            if (!absent.isEmpty()) {
                String some = String.join(", ", absent.subList(0, Math.min(SHOWN_IDS, absent.size())))
                        + (absent.size() > SHOWN_IDS ? " and " + (absent.size() - SHOWN_IDS) + " more" : "");
                throw new DataException(file + ": data.attributes: " + absent.size() + " of the " + panel.seriesCount()
                        + " series of the data have no row in the file: " + some
                        + "; add them, or set data.attributes.missing: empty to give them empty values");
            }
        }
        Panel out = panel;
        for (int c = 0; c < columns.size(); c++) {
            String[] col = new String[panel.seriesCount()];
            for (int s = 0; s < col.length; s++) {
                col[s] = value(panel.seriesId(s), c);
            }
            out = out.withStatic(columns.get(c), col);
        }
        return out;
    }

    private static int column(String file, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        if (index == null) {
            throw new DataException(file + ":1: no column '" + column + "' (data.attributes; columns: "
                    + String.join(", ", header.keySet()) + ")");
        }
        return index;
    }
}
