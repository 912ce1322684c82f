package io.demandcast.core.evaluate;

import io.demandcast.core.config.DataFormat;
import io.demandcast.core.data.CsvSource;
import io.demandcast.core.data.DataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A headed CSV file opened for reading, with the cell parsing and {@code file:line:column} error
 * messages the CSV readers of evaluate and plan share. Lines are counted as the record number plus one (the header),
 * which is exact for files without quoted line breaks, as all long-format series files are.
 */
public final class CsvInput implements AutoCloseable {
    private final String name;
    private final CSVParser parser;
    private final List<String> header;

    private CsvInput(String name, CSVParser parser) {
        this.name = name;
        this.parser = parser;
        this.header = parser.getHeaderNames();
    }

    public static CsvInput open(Path file) {
        try {
            return new CsvInput(file.toString(), CsvSource.open(file, DataFormat.DEFAULT));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public Iterable<CSVRecord> records() {
        return parser;
    }

    /** Index of a required column, or a DataException naming the file and the columns it has. */
    public int column(String column) {
        int index = header.indexOf(column);
        if (index < 0) {
            throw DataException.at(name, 1, 1, "no column '" + column + "'; the header has " + header);
        }
        return index;
    }

    /** Index of an optional column, or -1. */
    public int optionalColumn(String column) {
        return column == null ? -1 : header.indexOf(column);
    }

    public static long line(CSVRecord record) {
        return record.getRecordNumber() + 1;
    }

    public String text(CSVRecord record, int column) {
        if (column >= record.size()) {
            throw DataException.at(name, line(record), column + 1, "missing cell: the row has " + record.size()
                    + " cells, the header " + header.size());
        }
        return record.get(column);
    }

    public String requiredText(CSVRecord record, int column) {
        String text = text(record, column);
        if (text.isEmpty()) {
            throw DataException.at(name, line(record), column + 1, "empty " + header.get(column));
        }
        return text;
    }

    /** A number; an empty cell, "NA" or "NaN" is NaN (missing). */
    public double number(CSVRecord record, int column) {
        String text = text(record, column);
        if (text.isEmpty() || text.equals("NA") || text.equals("NaN")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw DataException.at(name, line(record), column + 1, header.get(column) + " '" + text + "' is not a number");
        }
    }

    /** A finite number; empty or non-numeric cells are errors. */
    public double finiteNumber(CSVRecord record, int column) {
        double value = number(record, column);
        if (!Double.isFinite(value)) {
            throw DataException.at(name, line(record), column + 1, header.get(column) + " must be a finite number (got '"
                    + text(record, column) + "')");
        }
        return value;
    }

    public LocalDate date(CSVRecord record, int column) {
        String text = requiredText(record, column);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw DataException.at(name, line(record), column + 1, header.get(column) + " '" + text
                    + "' is not an ISO date (yyyy-mm-dd)");
        }
    }

    public DataException error(CSVRecord record, int column, String what) {
        return DataException.at(name, line(record), column + 1, what);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + name + ": " + e.getMessage(), e);
        }
    }
}
