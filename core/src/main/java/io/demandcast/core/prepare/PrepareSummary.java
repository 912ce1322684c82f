package io.demandcast.core.prepare;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code prepare} did, for the human summary and {@code --json}.
 *
 * @param warnings the data warnings, printed apart from the summary (see {@link PrepareWarning})
 * @param censored periods out of stock (censored demand) in the prepared data; -1 without a stock column
 */
public record PrepareSummary(Path output, int seriesCount, int rowCount, String frequency, String firstDate,
                             String lastDate, String trainEnd, String validationEnd, String testEnd,
                             Map<String, Integer> demandClasses, long filledPeriods, long outliers,
                             double readSeconds, double prepareSeconds, double writeSeconds, Path idMapping,
                             List<PrepareWarning> warnings, long censored) {

    public PrepareSummary {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** Without a stock column. */
    public PrepareSummary(Path output, int seriesCount, int rowCount, String frequency, String firstDate,
                          String lastDate, String trainEnd, String validationEnd, String testEnd,
                          Map<String, Integer> demandClasses, long filledPeriods, long outliers,
                          double readSeconds, double prepareSeconds, double writeSeconds, Path idMapping,
                          List<PrepareWarning> warnings) {
        this(output, seriesCount, rowCount, frequency, firstDate, lastDate, trainEnd, validationEnd, testEnd, demandClasses,
                filledPeriods, outliers, readSeconds, prepareSeconds, writeSeconds, idMapping, warnings, -1);
    }

    public String text() {
        return String.format(java.util.Locale.ROOT,
                "prepare: %d series, %d rows (%s, %s .. %s); train to %s, validation to %s, test to %s; classes %s"
                        + (censored >= 0 ? "; " + censored + " period(s) out of stock, censored" : "") + "; wrote %s"
                        + (idMapping == null ? "" : " (id mapping: " + idMapping + ")"),
                seriesCount, rowCount, frequency, firstDate, lastDate, trainEnd, dash(validationEnd), dash(testEnd),
                demandClasses, output);
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("output", output.toString());
        m.put("series_count", seriesCount);
        m.put("row_count", rowCount);
        m.put("frequency", frequency);
        m.put("first_date", firstDate);
        m.put("last_date", lastDate);
        Map<String, Object> split = new LinkedHashMap<>();
        split.put("train_end", trainEnd);
        split.put("validation_end", validationEnd);
        split.put("test_end", testEnd);
        m.put("split", split);
        m.put("demand_classes", demandClasses);
        m.put("filled_periods", filledPeriods);
        m.put("outliers", outliers);
        if (censored >= 0) {
            m.put("censored_periods", censored);
        }
        m.put("read_seconds", readSeconds);
        m.put("prepare_seconds", prepareSeconds);
        m.put("write_seconds", writeSeconds);
        m.put("id_mapping", idMapping == null ? null : idMapping.toString());
        m.put("warnings", warnings.stream().map(PrepareWarning::toMap).toList());
        return m;
    }
}
