package io.demandcast.core.model;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Writes a {@link Forecast} as long CSV: {@code series_id,date,model,forecast,q0.1,...}, one row
 * per series and step, series in forecast order; a forecast with a direction head has a last
 * column {@code p_up}, the probability that demand rises from the step before. Values are rounded
 * to 4 decimals, which is finer than any unit-sales quantity needs and keeps files small.
 */
public final class ForecastCsvWriter {
    private ForecastCsvWriter() {
    }

    /** Column name of a quantile level, e.g. {@code q0.1}, {@code q0.975}. */
    public static String quantileColumn(double level) {
        return "q" + stripZeros(String.format(Locale.ROOT, "%.6f", level));
    }

    public static void write(Forecast forecast, Writer out) throws IOException {
        double[] levels = forecast.levels();
        StringBuilder line = new StringBuilder(128);
        line.append("series_id,date,model,forecast");
        for (double level : levels) {
            line.append(',').append(quantileColumn(level));
        }
        if (forecast.hasDirection()) {
            line.append(",p_up");
        }
        out.write(line.append('\n').toString());
        String model = csvCell(forecast.model());
        for (int s = 0; s < forecast.seriesCount(); s++) {
            String id = csvCell(forecast.seriesId(s));
            for (int step = 0; step < forecast.horizon(); step++) {
                line.setLength(0);
                line.append(id).append(',')
                        .append(forecast.axis().date(forecast.firstPeriod(s) + step)).append(',')
                        .append(model).append(',');
                appendNumber(line, forecast.point(s, step));
                for (int q = 0; q < levels.length; q++) {
                    line.append(',');
                    appendNumber(line, forecast.quantile(q, s, step));
                }
                if (forecast.hasDirection()) {
                    line.append(',');
                    appendNumber(line, forecast.upProbability(s, step));
                }
                out.write(line.append('\n').toString());
            }
        }
        out.flush();
    }

    /** Appends a value rounded to 4 decimals without trailing zeros (no exponent, no locale). */
    public static void appendNumber(StringBuilder sb, double value) {
        if (Math.abs(value) >= 1e14) {
            sb.append(String.format(Locale.ROOT, "%.4f", value));
            return;
        }
        long scaled = Math.round(value * 10_000);
        if (scaled < 0) {
            sb.append('-');
            scaled = -scaled;
        }
        sb.append(scaled / 10_000);
        long frac = scaled % 10_000;
        if (frac != 0) {
            // Four digits with the leading zeros, then the trailing ones dropped: a regex here cost a
            // compiled Pattern per number, a tenth of a short predict's CPU.
            int width = 4;
            while (frac % 10 == 0) {
                frac /= 10;
                width--;
            }
            sb.append('.');
            int digits = frac < 10 ? 1 : frac < 100 ? 2 : frac < 1000 ? 3 : 4;
            for (int i = digits; i < width; i++) {
                sb.append('0');
            }
            sb.append(frac);
        }
    }

    private static String stripZeros(String text) {
        if (!text.contains(".")) {
            return text;
        }
        String s = text.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** A CSV cell: the text as is, or quoted when it holds a comma, quote or newline. */
    public static String csvCell(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
