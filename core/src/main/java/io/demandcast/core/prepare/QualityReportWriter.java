package io.demandcast.core.prepare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link QualityReport} as {@code quality.json} (stable snake_case keys with a
 * {@code schema_version}; undefined statistics are {@code null}, since JSON has no NaN) and as a
 * readable {@code quality.md} (summary table, class counts, worst series).
 */
public final class QualityReportWriter {
    public static final String JSON_FILE = "quality.json";
    public static final String MARKDOWN_FILE = "quality.md";
    public static final int SCHEMA_VERSION = 1;
    static final int WORST_LIMIT = 10;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private QualityReportWriter() {
    }

    public static void write(QualityReport report, Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(JSON_FILE), toJson(report), StandardCharsets.UTF_8);
        Files.writeString(directory.resolve(MARKDOWN_FILE), toMarkdown(report), StandardCharsets.UTF_8);
    }

    public static String toJson(QualityReport report) {
        return toJson(report, List.of());
    }

    /** With the data warnings of the run, as {@code warnings} (the objects {@code prepare --json} prints). */
    public static String toJson(QualityReport report, List<PrepareWarning> warnings) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema_version", SCHEMA_VERSION);
        root.put("basis", "prepared target (cleaned, aggregated); counts at the input frequency");
        QualityReport.Summary sum = report.summary();
        ObjectNode summary = root.putObject("summary");
        summary.put("series_count", sum.seriesCount());
        summary.put("periods", sum.periods());
        putNumber(summary, "zero_share", sum.zeroShare());
        ObjectNode classes = summary.putObject("demand_classes");
        sum.demandClasses().forEach((c, count) -> classes.put(c.label(), count));
        summary.put("filled_periods", sum.filledPeriods());
        summary.put("imputed_cells", sum.imputedCells());
        summary.put("imputed_covariates", sum.imputedCovariates());
        summary.put("negatives", sum.negatives());
        summary.put("outliers", sum.outliers());
        if (report.censoring()) {
            summary.put("censored", sum.censored());
        }
        ArrayNode series = root.putArray("series");
        for (SeriesQuality q : report.series()) {
            ObjectNode o = series.addObject();
            o.put("series_id", q.seriesId());
            o.put("length", q.length());
            putNumber(o, "zero_share", q.zeroShare());
            o.put("filled_periods", q.filledPeriods());
            o.put("imputed_cells", q.imputedCells());
            o.put("imputed_covariates", q.imputedCovariates());
            o.put("negatives", q.negatives());
            o.put("outliers", q.outliers());
            if (report.censoring()) {
                o.put("censored", q.censored());
            }
            putNumber(o, "adi", q.adi());
            putNumber(o, "cv2", q.cv2());
            o.put("demand_class", q.demandClass().label());
        }
        ArrayNode warningList = root.putArray("warnings");
        for (PrepareWarning w : warnings) {
            warningList.add(JSON.valueToTree(w.toMap()));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render quality.json", e);
        }
    }

    public static String toMarkdown(QualityReport report) {
        return toMarkdown(report, List.of());
    }

    /** With a {@code Warnings} section when the run had data warnings. */
    public static String toMarkdown(QualityReport report, List<PrepareWarning> warnings) {
        QualityReport.Summary sum = report.summary();
        StringBuilder md = new StringBuilder();
        md.append("# Data quality\n\n");
        md.append("Demand classes and zero shares describe the prepared target (cleaned and aggregated); ")
                .append("cleaning counts are at the input frequency.\n\n");
        md.append("| measure | value |\n|---|---:|\n");
        row(md, "series", String.valueOf(sum.seriesCount()));
        row(md, "periods", String.valueOf(sum.periods()));
        row(md, "share of zeros", percent(sum.zeroShare()));
        row(md, "periods filled", String.valueOf(sum.filledPeriods()));
        row(md, "target cells imputed", String.valueOf(sum.imputedCells()));
        row(md, "covariate cells imputed", String.valueOf(sum.imputedCovariates()));
        row(md, "negative targets", String.valueOf(sum.negatives()));
        row(md, "outliers", String.valueOf(sum.outliers()));
        if (report.censoring()) {
            row(md, "periods out of stock (censored: target missing, left out of fits and metrics)", String.valueOf(sum.censored()));
        }
        if (!warnings.isEmpty()) {
            md.append("\n## Warnings\n\n");
            for (PrepareWarning w : warnings) {
                md.append("- ").append(w.message()).append('\n');
            }
        }
        md.append("\n## Demand classes (Syntetos–Boylan: ADI 1.32, CV² 0.49)\n\n");
        md.append("| class | series | share |\n|---|---:|---:|\n");
        for (Map.Entry<DemandClass, Integer> e : sum.demandClasses().entrySet()) {
            double share = sum.seriesCount() == 0 ? Double.NaN : (double) e.getValue() / sum.seriesCount();
            md.append("| ").append(e.getKey().label()).append(" | ").append(e.getValue()).append(" | ")
                    .append(percent(share)).append(" |\n");
        }
        List<SeriesQuality> worst = report.worst(WORST_LIMIT);
        md.append("\n## Worst series\n\n");
        md.append("Ranked by the share of periods cleaning changed (filled, imputed, negative, outlier), then by share of zeros.\n\n");
        md.append("| series | length | zeros | filled | imputed | negatives | outliers | ADI | CV² | class |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (SeriesQuality q : worst) {
            md.append("| ").append(q.seriesId().replace("|", "\\|")).append(" | ").append(q.length())
                    .append(" | ").append(percent(q.zeroShare()))
                    .append(" | ").append(q.filledPeriods()).append(" | ").append(q.imputedCells())
                    .append(" | ").append(q.negatives()).append(" | ").append(q.outliers())
                    .append(" | ").append(decimal(q.adi())).append(" | ").append(decimal(q.cv2()))
                    .append(" | ").append(q.demandClass().label()).append(" |\n");
        }
        return md.toString();
    }

    private static void putNumber(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    private static String decimal(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f", value) : "–";
    }
}
