package io.demandcast.core.model;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Per series, the family asked and the family really used ({@link FittedModel#fitOutcomes()}), as
 * {@code train} publishes it in a version ({@code model/fit_report.csv}) and {@code evaluate}
 * writes it: {@code series_id,family_asked,family_used,reason}, the reason empty where the asked
 * family was used. Immutable.
 */
public record FitReport(List<FitOutcome> outcomes) {
    /** File name in a version's payload and in an evaluation. */
    public static final String FILE = "fit_report.csv";
    static final String[] HEADER = {"series_id", "family_asked", "family_used", "reason"};

    public FitReport {
        outcomes = List.copyOf(outcomes);
    }

    public static FitReport of(FittedModel fitted) {
        return new FitReport(fitted.fitOutcomes());
    }

    public int seriesCount() {
        return outcomes.size();
    }

    /** Series whose fit fell back to a simpler family. */
    public int fallbackCount() {
        return (int) outcomes.stream().filter(FitOutcome::fellBack).count();
    }

    /** {@link #fallbackCount()} over the series; 0 without series. */
    public double fallbackShare() {
        return outcomes.isEmpty() ? 0 : (double) fallbackCount() / outcomes.size();
    }

    /** Fallbacks per reason code, in {@link FallbackReason} order; reasons that did not occur are left out. */
    public Map<String, Integer> byReason() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (FallbackReason r : FallbackReason.values()) {
            int n = (int) outcomes.stream().filter(o -> o.reason() == r).count();
            if (n > 0) {
                counts.put(r.code(), n);
            }
        }
        return counts;
    }

    /**
     * One line for stderr, e.g. {@code fit: 7 of 280 series fell back (5 too_short → naive,
     * 2 constant → naive); see <where>} ({@code where} null: without the pointer), or {@code fit: all 280 series fitted as asked (auto_ets)}.
     * Reasons come in {@link FallbackReason} order, the families used within a reason by count.
     */
    public String summaryLine(String where) {
        return "fit: " + summary() + (where == null || fallbackCount() == 0 ? "" : "; see " + where);
    }

    /** {@link #summaryLine} without its {@code fit: } prefix and pointer. */
    public String summary() {
        int n = fallbackCount();
        if (n == 0) {
            String asked = outcomes.isEmpty() ? "" : " (" + outcomes.get(0).familyAsked() + ")";
            return "all " + outcomes.size() + " series fitted as asked" + asked;
        }
        List<String> parts = new ArrayList<>();
        for (FallbackReason r : FallbackReason.values()) {
            Map<String, Integer> byFamily = new LinkedHashMap<>();
            outcomes.stream().filter(o -> o.reason() == r).forEach(o -> byFamily.merge(o.familyUsed(), 1, Integer::sum));
            byFamily.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> parts.add(e.getValue() + " " + r.code() + " → " + e.getKey()));
        }
        return n + " of " + outcomes.size() + " series fell back (" + String.join(", ", parts) + ")";
    }

    /** For {@code --json} and {@code metrics.json}: {@code {count, share, by_reason}}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", fallbackCount());
        m.put("share", fallbackShare());
        m.put("by_reason", byReason());
        return m;
    }

    /**
     * Whether the share of series that fell back is above {@code maxShare} (null: no limit).
     *
     * @return the failure message naming {@code key}, or empty when within the limit
     */
    public Optional<String> exceeds(Double maxShare, String key) {
        if (maxShare == null || fallbackShare() <= maxShare) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%d of %d series (%.1f %%) fell back to a simpler family, above %s %s",
                fallbackCount(), seriesCount(), 100 * fallbackShare(), key, Numbers.plain(maxShare)));
    }

    /** Writes the CSV to {@code out} (series in report order). */
    public void write(Writer out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator('\n').get());
        for (FitOutcome o : outcomes) {
            csv.printRecord(row(o));
        }
        csv.flush();
    }

    /** One outcome's fields in {@link #HEADER} order (the reason empty when the family was used as asked). */
    public static List<String> row(FitOutcome o) {
        return List.of(o.seriesId(), o.familyAsked(), o.familyUsed(), o.reason() == null ? "" : o.reason().code());
    }

    /** {@link #HEADER} with extra leading columns (evaluate's {@code model}). */
    public static String[] header(String... leading) {
        String[] h = new String[leading.length + HEADER.length];
        System.arraycopy(leading, 0, h, 0, leading.length);
        System.arraycopy(HEADER, 0, h, leading.length, HEADER.length);
        return h;
    }

    /** Writes {@value #FILE} into a directory being built (a version's payload, an evaluation's temporary directory). */
    public void writeInto(Path directory) throws IOException {
        try (Writer out = Files.newBufferedWriter(directory.resolve(FILE), StandardCharsets.UTF_8)) {
            write(out);
        }
    }

    /**
     * Reads {@value #FILE} from a directory; empty when there is none (a version published before
     * fit reports existed).
     *
     * @throws IOException naming the file when it is not a fit report
     */
    public static Optional<FitReport> readFrom(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<FitOutcome> outcomes = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader(HEADER).setSkipHeaderRecord(true).get().parse(in)) {
                String reason = r.get("reason");
                outcomes.add(new FitOutcome(r.get("series_id"), r.get("family_asked"), r.get("family_used"),
                        reason.isEmpty() ? null : FallbackReason.ofCode(reason)));
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException(file + ": not a fit report: " + e.getMessage(), e);
        }
        return Optional.of(new FitReport(outcomes));
    }

    /** Numbers as written in messages: no trailing zeros. */
    private static final class Numbers {
        static String plain(double v) {
            return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        }
    }
}
