package io.demandcast.core.evaluate.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The leaderboard as CSV: {@code rank, model, family, role}, then one column per metric in
 * {@link ReportData#metricNames()} order followed by every other value a row holds (the file is
 * for scripts, which want all of them; the HTML and Markdown tables show the chosen columns);
 * one row per model, best first. An undefined metric is an
 * empty cell; numbers are written in full precision with {@code .} decimals whatever the locale.
 */
final class LeaderboardCsv {
    static final List<String> FIXED_COLUMNS = List.of("rank", "model", "family", "role");

    private LeaderboardCsv() {
    }

    static String render(ReportData data) {
        List<String> metrics = new ArrayList<>(data.metricNames());
        for (LeaderboardRow row : data.leaderboard()) {
            row.metrics().keySet().stream().filter(m -> !metrics.contains(m)).forEach(metrics::add);
        }
        List<String> header = new ArrayList<>(FIXED_COLUMNS);
        header.addAll(metrics);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                .setRecordSeparator('\n').get();
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (LeaderboardRow row : data.leaderboard()) {
                List<String> cells = new ArrayList<>(List.of(Integer.toString(row.rank()), row.model(), row.family(),
                        row.role()));
                for (String metric : metrics) {
                    cells.add(Numbers.exact(row.metric(metric)));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing CSV to memory failed", e);
        }
        return out.toString();
    }
}
