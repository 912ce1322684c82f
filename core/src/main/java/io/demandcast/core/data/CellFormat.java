package io.demandcast.core.data;

import io.demandcast.core.config.DataFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Parses the number and date cells of input CSV files as {@code data.format} says they are written,
 * and words the error so that it echoes the format expected (the usual cause of a failure is a file
 * exported with another one).
 */
public final class CellFormat {
    /** Comma, point, ISO dates. */
    public static final CellFormat DEFAULT = new CellFormat(DataFormat.DEFAULT);

    private final DataFormat format;
    private final DateTimeFormatter dates;

    public CellFormat(DataFormat format) {
        this.format = format;
        this.dates = format.isoDates() ? null : format.dateFormatter();
    }

    /**
     * A number cell: empty or {@code NA} is missing (NaN), {@code true}/{@code false} are 1/0.
     *
     * @throws DataException at {@code file:line:column} when the cell is not a finite number in the decimal mark of the format
     */
    public double number(String text, String file, long line, int column, String columnName) {
        if (text.isEmpty() || text.equals("NA")) {
            return Double.NaN;
        }
        String plain = text;
        if (format.decimalComma()) {
            // A point as well would be a thousands separator or a mix-up: refused rather than guessed.
            plain = text.indexOf('.') >= 0 ? "x" : text.replace(',', '.');
        }
        try {
            double v = Double.parseDouble(plain);
            if (Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            if (text.equalsIgnoreCase("true")) {
                return 1;
            } else if (text.equalsIgnoreCase("false")) {
                return 0;
            }
            throw DataException.at(file, line, column + 1, "column '" + columnName + "': '" + text + "' is not a number" + numberHint(text));
        }
    }

    /** Powers of ten that are exact doubles, for the fast path of {@link #number(byte[], int, int, String, long, int, String)}. */
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

    /**
     * A number cell given as the UTF-8 bytes {@code b[from, to)}, as {@link #number(String, String, long, int, String)}
     * reads it. The usual cell (an optional minus, at most 15 digits, one decimal mark) is parsed from its
     * bytes: its digits are an exact long and the power of ten an exact double, so one division gives the
     * correctly rounded value, the very double {@link Double#parseDouble} returns. Anything else (an
     * exponent, more digits, {@code NA}, a word, a wrong decimal mark) goes through the String path.
     */
    public double number(byte[] b, int from, int to, String file, long line, int column, String columnName) {
        if (from == to) {
            return Double.NaN;
        }
        byte mark = (byte) (format.decimalComma() ? ',' : '.');
        int i = from;
        boolean negative = b[i] == '-';
        if (negative) {
            i++;
        }
        long digits = 0;
        int count = 0;
        int fraction = -1;
        for (; i < to; i++) {
            int c = b[i] - '0';
            if (c >= 0 && c <= 9) {
                digits = digits * 10 + c;
                count++;
            } else if (b[i] == mark && fraction < 0) {
                fraction = count;
            } else {
                count = 99;
                break;
            }
        }
        if (count == 0 || count > 15) {
            return number(new String(b, from, to - from, java.nio.charset.StandardCharsets.UTF_8), file, line, column, columnName);
        }
        double v = fraction < 0 || fraction == count ? digits : digits / POWERS_OF_TEN[count - fraction];
        return negative ? -v : v;
    }

    private String numberHint(String text) {
        if (format.decimalComma()) {
            return " with decimal mark ',' (data.format.decimal; no thousands separators)";
        }
        return text.matches("-?\\d*,\\d+") ? " with decimal mark '.'; for decimal commas set data.format: {delimiter: ';', decimal: ','}" : "";
    }

    /**
     * A date cell.
     *
     * @throws DataException at {@code file:line:column} naming the date pattern expected
     */
    public LocalDate date(String text, String file, long line, int column, String columnName) {
        try {
            return dates == null ? LocalDate.parse(text) : LocalDate.parse(text, dates);
        } catch (DateTimeParseException e) {
            throw DataException.at(file, line, column + 1, "column '" + columnName + "': '" + text + "' is not a date in "
                    + format.dateFormat() + (format.isoDates() ? " (set data.format.date_format for other patterns, e.g. dd/MM/yyyy)" : ""));
        }
    }
}
