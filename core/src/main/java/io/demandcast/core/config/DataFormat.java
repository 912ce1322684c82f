package io.demandcast.core.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * How the input CSV files are written ({@code data.format}): the field delimiter, the decimal mark
 * of numbers and the date pattern. The defaults read what demandcast writes (comma, point, ISO
 * dates); a European spreadsheet export is {@code {delimiter: ';', decimal: ',', date_format: 'dd/MM/yyyy'}}.
 *
 * @param delimiter  one character between fields: {@code ,} (default), {@code ;}, {@code |} or a tab
 * @param decimal    the decimal mark of numbers: {@code .} (default) or {@code ,} (then the delimiter
 *                   must not be {@code ,})
 * @param dateFormat a {@link DateTimeFormatter} pattern with year, month and day, such as
 *                   {@code dd/MM/yyyy} or {@code MM/dd/yyyy}; default {@code yyyy-MM-dd}. Dates are
 *                   parsed strictly: {@code 31/02/2024} is refused, not moved to 29 February
 * @throws IllegalArgumentException naming the key ({@code data.format.delimiter}, ...) when a value is not allowed
 */
public record DataFormat(String delimiter, String decimal, String dateFormat) {

    /** Comma, point, ISO dates. */
    public static final DataFormat DEFAULT = new DataFormat(null, null, null);

    private static final String DELIMITERS = ",;|\t";

    public DataFormat {
        delimiter = delimiter == null ? "," : delimiter;
        decimal = decimal == null ? "." : decimal;
        dateFormat = dateFormat == null ? "yyyy-MM-dd" : dateFormat;
        if (delimiter.length() != 1 || DELIMITERS.indexOf(delimiter.charAt(0)) < 0) {
            throw new IllegalArgumentException("data.format.delimiter must be one of ',', ';', '|' or a tab (got '" + delimiter + "')");
        }
        if (!decimal.equals(".") && !decimal.equals(",")) {
            throw new IllegalArgumentException("data.format.decimal must be '.' or ',' (got '" + decimal + "')");
        }
        if (decimal.equals(delimiter)) {
            throw new IllegalArgumentException("data.format.decimal: '" + decimal + "' is also the delimiter;"
                    + " a file with decimal commas separates fields with ';' (set data.format.delimiter: ';')");
        }
        formatter(dateFormat);
    }

    /** The field delimiter. */
    @JsonIgnore
    public char delimiterChar() {
        return delimiter.charAt(0);
    }

    /** True when numbers are written with a decimal comma. */
    @JsonIgnore
    public boolean decimalComma() {
        return decimal.equals(",");
    }

    /** True for the ISO default, which is parsed by {@code LocalDate.parse} as before. */
    @JsonIgnore
    public boolean isoDates() {
        return dateFormat.equals("yyyy-MM-dd");
    }

    /** A strict, locale-independent parser of {@link #dateFormat}. */
    @JsonIgnore
    public DateTimeFormatter dateFormatter() {
        return formatter(dateFormat);
    }

    private static DateTimeFormatter formatter(String pattern) {
        DateTimeFormatter f;
        try {
            // ERA defaults to AD so that 'yyyy' (year of era) resolves under the strict style, which
            // is what refuses 31/02 instead of moving it to the month's last day.
            f = new DateTimeFormatterBuilder().appendPattern(pattern).parseDefaulting(ChronoField.ERA, 1)
                    .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("data.format.date_format: '" + pattern + "' is not a date pattern (" + e.getMessage()
                    + "); use letters such as dd/MM/yyyy or MM/dd/yyyy");
        }
        String letters = pattern.replaceAll("'[^']*'", "");
        if (!letters.contains("d") || !letters.contains("M") || !(letters.contains("y") || letters.contains("u"))) {
            throw new IllegalArgumentException("data.format.date_format: '" + pattern + "' must have a day (dd), a month (MM)"
                    + " and a year (yyyy), e.g. dd/MM/yyyy");
        }
        return f;
    }
}
