package io.demandcast.core.evaluate.report;

import java.util.List;
import java.util.Objects;

/**
 * A section of the report that the writer renders as it is, for results the backtest computes
 * beside the leaderboard (e.g. price elasticities): a heading, paragraphs and tables, shown after
 * the feature importance and before the notes, in Markdown and in HTML alike.
 *
 * @param id         an HTML id for the section, e.g. {@code elasticity}; letters, digits and dashes
 * @param title      the heading
 * @param paragraphs plain-text paragraphs shown before the tables
 * @param tables     the tables, in order
 */
public record ReportSection(String id, String title, List<String> paragraphs, List<Table> tables) {

    public ReportSection {
        Objects.requireNonNull(title, "title");
        if (id == null || !id.matches("[A-Za-z][A-Za-z0-9-]*")) {
            throw new IllegalArgumentException("section id must be letters, digits and dashes (got '" + id + "')");
        }
        paragraphs = List.copyOf(paragraphs);
        tables = List.copyOf(tables);
    }

    /**
     * A table of text cells, already formatted.
     *
     * @param caption     a line shown above the table (may be empty)
     * @param header      the column names
     * @param textColumns how many leading columns hold text (left-aligned); the rest are numbers
     * @param rows        the rows, each with one cell per header column
     */
    public record Table(String caption, List<String> header, int textColumns, List<List<String>> rows) {
        public Table {
            Objects.requireNonNull(caption, "caption");
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("a row of table '" + caption + "' has " + row.size() + " cells for "
                            + header.size() + " columns");
                }
            }
        }
    }
}
