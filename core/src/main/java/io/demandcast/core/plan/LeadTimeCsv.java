package io.demandcast.core.plan;

import io.demandcast.core.model.ForecastCsvWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes lead-time demand as CSV, one row per series in the given order:
 * {@code series_id,cutoff,lead_time,review_period,method,mean,sd,q0.5,q0.9,...}, one {@code q} column
 * per level (quantiles as {@link LeadTimeDemand#quantile}: for simulated draws an order statistic,
 * so integer demand gives integer stock levels). Values are rounded to 4 decimals as the forecast
 * CSV's; with clipping, mean and quantiles are at least 0 (the normal approximation's can be below).
 */
public final class LeadTimeCsv {
    private LeadTimeCsv() {
    }

    public static void write(List<LeadTimeForecast> rows, LeadTimeRequest request, double[] levels, Writer out) throws IOException {
        StringBuilder line = new StringBuilder(128);
        line.append("series_id,cutoff,lead_time,review_period,method,mean,sd");
        for (double level : levels) {
            line.append(',').append(ForecastCsvWriter.quantileColumn(level));
        }
        out.write(line.append('\n').toString());
        for (LeadTimeForecast row : rows) {
            line.setLength(0);
            line.append(ForecastCsvWriter.csvCell(row.seriesId())).append(',')
                    .append(row.cutoff() == null ? "" : row.cutoff().toString()).append(',')
                    .append(request.leadTime()).append(',').append(request.reviewPeriod()).append(',')
                    .append(row.method()).append(',');
            LeadTimeDemand d = row.demand();
            ForecastCsvWriter.appendNumber(line, clip(d.mean(), request));
            line.append(',');
            ForecastCsvWriter.appendNumber(line, d.standardDeviation());
            for (double level : levels) {
                line.append(',');
                ForecastCsvWriter.appendNumber(line, clip(d.quantile(level), request));
            }
            out.write(line.append('\n').toString());
        }
        out.flush();
    }

    private static double clip(double v, LeadTimeRequest request) {
        return request.clipAtZero() ? Math.max(0.0, v) : v;
    }
}
