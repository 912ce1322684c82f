package io.demandcast.core.model;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes explained forecast rows as long CSV, one line per forecast row × kept feature:
 * {@code series_id,date,model,rank,feature,value,contribution,space,base,prediction}. {@code rank}
 * is 1 for the largest absolute contribution; {@code base} and {@code prediction} repeat on each
 * line of a forecast row, and {@code base} + every feature's contribution = {@code prediction}, in
 * {@code space} ({@code units}: the point forecast). An empty {@code value} is a missing feature.
 * Numbers as in {@link ForecastCsvWriter} (4 decimals).
 */
public final class ExplanationCsvWriter {
    public static final String HEADER = "series_id,date,model,rank,feature,value,contribution,space,base,prediction";

    private ExplanationCsvWriter() {
    }

    public static void write(String model, List<ExplainedPoint> points, Writer out) throws IOException {
        out.write(HEADER + "\n");
        String modelCell = ForecastCsvWriter.csvCell(model);
        StringBuilder line = new StringBuilder(128);
        for (ExplainedPoint p : points) {
            String id = ForecastCsvWriter.csvCell(p.seriesId());
            for (int rank = 1; rank <= p.top().size(); rank++) {
                ExplainedPoint.Contribution c = p.top().get(rank - 1);
                line.setLength(0);
                line.append(id).append(',').append(p.date()).append(',').append(modelCell).append(',').append(rank).append(',')
                        .append(ForecastCsvWriter.csvCell(c.feature())).append(',');
                if (!Double.isNaN(c.value())) {
                    ForecastCsvWriter.appendNumber(line, c.value());
                }
                line.append(',');
                ForecastCsvWriter.appendNumber(line, c.contribution());
                line.append(',').append(p.space()).append(',');
                ForecastCsvWriter.appendNumber(line, p.base());
                line.append(',');
                ForecastCsvWriter.appendNumber(line, p.prediction());
                out.write(line.append('\n').toString());
            }
        }
        out.flush();
    }
}
