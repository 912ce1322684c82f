package io.demandcast.core.plan;

import io.demandcast.core.model.ForecastCsvWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes scenario lifts as CSV, numbers as the forecast CSV writes them (4 decimals at most):
 * per period {@code series_id,date,scenario,baseline,forecast,lift,lift_lo,lift_hi}, scenarios in file
 * order and, within one, series in forecast order; per series {@code series_id,scenario,first_date,
 * last_date,baseline,forecast,lift,lift_lo,lift_hi,lift_pct} summed over the horizon ({@code lift_pct}
 * empty where the baseline sums to 0).
 */
public final class ScenarioCsvWriter {
    public static final String HEADER = "series_id,date,scenario,baseline,forecast,lift,lift_lo,lift_hi";
    public static final String TOTALS_HEADER = "series_id,scenario,first_date,last_date,baseline,forecast,lift,lift_lo,lift_hi,lift_pct";

    private ScenarioCsvWriter() {
    }

    public static void writeRows(List<ScenarioLift.Lifts> lifts, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        StringBuilder sb = new StringBuilder();
        for (ScenarioLift.Lifts l : lifts) {
            for (ScenarioLift.Row r : l.rows()) {
                sb.setLength(0);
                sb.append(ForecastCsvWriter.csvCell(r.seriesId())).append(',').append(r.date()).append(',').append(r.scenario());
                numbers(sb, r.baseline(), r.forecast(), r.lift(), r.liftLo(), r.liftHi());
                sb.append('\n');
                out.write(sb.toString());
            }
        }
    }

    public static void writeTotals(List<ScenarioLift.Lifts> lifts, Writer out) throws IOException {
        out.write(TOTALS_HEADER);
        out.write('\n');
        StringBuilder sb = new StringBuilder();
        for (ScenarioLift.Lifts l : lifts) {
            for (ScenarioLift.Total t : l.totals()) {
                sb.setLength(0);
                sb.append(ForecastCsvWriter.csvCell(t.seriesId())).append(',').append(t.scenario()).append(',')
                        .append(t.firstDate()).append(',').append(t.lastDate());
                numbers(sb, t.baseline(), t.forecast(), t.lift(), t.liftLo(), t.liftHi());
                sb.append(',');
                if (!Double.isNaN(t.liftPct())) {
                    ForecastCsvWriter.appendNumber(sb, t.liftPct());
                }
                sb.append('\n');
                out.write(sb.toString());
            }
        }
    }

    private static void numbers(StringBuilder sb, double... values) {
        for (double v : values) {
            sb.append(',');
            ForecastCsvWriter.appendNumber(sb, v);
        }
    }
}
