package io.demandcast.core.evaluate.report;

import io.demandcast.core.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the report of a backtest into one directory:
 * <ul>
 *   <li>{@value #LEADERBOARD_CSV}: the leaderboard for machines ({@code rank, model, family, role},
 *       then each metric; empty cell = undefined; {@code .} decimals whatever the locale);</li>
 *   <li>{@value #REPORT_MD}: run facts, leaderboard, gate and notes as Markdown;</li>
 *   <li>{@value #REPORT_HTML}: one self-contained page for planners with the leaderboard, the gate and
 *       charts (series with forecasts and intervals, error distribution, error by step, interval
 *       coverage, feature importance) embedded as PNG images;</li>
 *   <li>{@value #IMPORTANCE_CSV}, only when a model has feature importance: see {@link ImportanceCsv}.</li>
 * </ul>
 * Charts are drawn headless; the same data gives byte-identical files.
 */
public final class ReportWriter {
    public static final String LEADERBOARD_CSV = "leaderboard.csv";
    public static final String REPORT_MD = "report.md";
    public static final String REPORT_HTML = "report.html";
    public static final String IMPORTANCE_CSV = "importance.csv";
    /** Most series pictures in the HTML report; further {@link ReportData#traces()} are left out. */
    public static final int MAX_TRACES = HtmlReport.MAX_TRACES;

    private ReportWriter() {
    }

    /**
     * Creates {@code directory} if needed and writes the files into it, replacing earlier ones.
     * Each file is written to a temporary file in the same directory and then moved into place, so a
     * reader never sees half a file. {@code data} is left unchanged.
     *
     * @return the files written: CSV, Markdown, HTML, and the importance CSV when there is importance
     * @throws IOException when the directory or a file cannot be written (no temporary file is left)
     */
    public static List<Path> write(ReportData data, Path directory) throws IOException {
        return write(data, ReportHeading.backtest(data), directory);
    }

    /** As {@link #write(ReportData, Path)}, under another heading (title, run facts, lead sentence). */
    public static List<Path> write(ReportData data, ReportHeading heading, Path directory) throws IOException {
        String csv = LeaderboardCsv.render(data);
        String markdown = MarkdownReport.render(data, heading);
        String html = HtmlReport.render(data, heading);
        Files.createDirectories(directory);
        Path csvFile = directory.resolve(LEADERBOARD_CSV);
        Path mdFile = directory.resolve(REPORT_MD);
        Path htmlFile = directory.resolve(REPORT_HTML);
        AtomicFiles.writeText(csvFile, csv);
        AtomicFiles.writeText(mdFile, markdown);
        AtomicFiles.writeText(htmlFile, html);
        if (data.importance().isEmpty()) {
            return List.of(csvFile, mdFile, htmlFile);
        }
        Path importanceFile = directory.resolve(IMPORTANCE_CSV);
        AtomicFiles.writeText(importanceFile, ImportanceCsv.render(data));
        return List.of(csvFile, mdFile, htmlFile, importanceFile);
    }

    /** The leaderboard as a Markdown table, as in {@value #REPORT_MD}: what a CI job summary shows. */
    public static String leaderboardMarkdown(ReportData data) {
        return MarkdownReport.leaderboard(data);
    }
}
