package io.demandcast.core.evaluate.report;

import io.demandcast.core.model.FeatureImportance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Feature importance as CSV, {@code model,feature,share,standardised_coefficient}: every feature of
 * every model in {@link ReportData#importance()}, most important first per model; the coefficient
 * cell is empty for models without coefficients (trees). Numbers in full precision.
 */
final class ImportanceCsv {
    static final List<String> HEADER = List.of("model", "feature", "share", "standardised_coefficient");

    private ImportanceCsv() {
    }

    static String render(ReportData data) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(HEADER.toArray(String[]::new)).setRecordSeparator('\n').get();
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (Map.Entry<String, List<FeatureImportance>> e : data.importance().entrySet()) {
                for (FeatureImportance f : e.getValue()) {
                    printer.printRecord(e.getKey(), f.feature(), Numbers.exact(f.share()), Numbers.exact(f.coefficient()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing CSV to memory failed", e);
        }
        return out.toString();
    }
}
