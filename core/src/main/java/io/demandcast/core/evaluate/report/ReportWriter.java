package io.demandcast.core.evaluate.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;

/**
 * Writes the report of a backtest into one directory:
 * <ul>
 *   <li>{@value #LEADERBOARD_CSV}: the leaderboard for machines ({@code rank, model, family, role},
 *       then each metric; empty cell = undefined; {@code .} decimals whatever the locale);</li>
 *   <li>{@value #REPORT_MD}: run facts, leaderboard, gate and notes as Markdown;</li>
 *   <li>{@value #REPORT_HTML}: one self-contained page for planners with the leaderboard, the gate and
 *       charts (series with forecasts and intervals, error distribution, error by step, interval
 *       coverage) embedded as PNG images.</li>
 * </ul>
 * Charts are drawn headless; the same data gives byte-identical files.
 */
public final class ReportWriter {
    public static final String LEADERBOARD_CSV = "leaderboard.csv";
    public static final String REPORT_MD = "report.md";
    public static final String REPORT_HTML = "report.html";
    /** Most series pictures in the HTML report; further {@link ReportData#traces()} are left out. */
    public static final int MAX_TRACES = HtmlReport.MAX_TRACES;

    private ReportWriter() {
    }

    /**
     * Creates {@code directory} if needed and writes the three files into it, replacing earlier ones.
     * Each file is written to a temporary file in the same directory and then moved into place, so a
     * reader never sees half a file. {@code data} is left unchanged.
     *
     * @return the files written: CSV, Markdown, HTML
     * @throws IOException when the directory or a file cannot be written (no temporary file is left)
     */
    public static List<Path> write(ReportData data, Path directory) throws IOException {
        String csv = LeaderboardCsv.render(data);
        String markdown = MarkdownReport.render(data);
        String html = HtmlReport.render(data);
        Files.createDirectories(directory);
        Path csvFile = directory.resolve(LEADERBOARD_CSV);
        Path mdFile = directory.resolve(REPORT_MD);
        Path htmlFile = directory.resolve(REPORT_HTML);
        writeAtomically(csvFile, csv);
        writeAtomically(mdFile, markdown);
        writeAtomically(htmlFile, html);
        return List.of(csvFile, mdFile, htmlFile);
    }

    /** Writes beside {@code file} first, then moves; the file gets the default permissions (not 0600). */
    private static void writeAtomically(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                out.write(content);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }
}
