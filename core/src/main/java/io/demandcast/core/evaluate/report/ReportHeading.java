package io.demandcast.core.evaluate.report;

import java.util.List;
import java.util.Objects;

/**
 * What the top of a report says: its title, the run facts, and (HTML) the lead sentence. The backtest
 * report's heading is {@link #backtest}; {@code monitor} writes the same report under its own.
 *
 * @param title the kind of report, e.g. {@code Backtest report}; the experiment's name follows it
 * @param facts label and value pairs, in order
 * @param lead  one sentence of plain text under the title, or null for the backtest's own (who won)
 * @param checks the heading of the checks section (the gate list), e.g. {@code Gate} or {@code Thresholds}
 */
public record ReportHeading(String title, List<Fact> facts, String lead, String checks) {

    /** One run fact. */
    public record Fact(String label, String value) {
        public Fact {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }
    }

    public ReportHeading {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(checks, "checks");
        facts = List.copyOf(facts);
    }

    /** The backtest report's heading. */
    public static ReportHeading backtest(ReportData data) {
        return new ReportHeading("Backtest report", RunFacts.of(data), null, "Gate");
    }
}
