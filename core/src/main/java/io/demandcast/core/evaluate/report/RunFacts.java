package io.demandcast.core.evaluate.report;

import io.demandcast.core.evaluate.report.ReportHeading.Fact;
import java.util.List;

/** The run facts at the top of the backtest's Markdown and HTML reports, as label and value pairs. */
final class RunFacts {
    private RunFacts() {
    }

    static List<Fact> of(ReportData data) {
        return List.of(
                new Fact("Experiment", data.experiment()),
                new Fact("Created", data.createdAt()),
                new Fact("Frequency", data.frequency()),
                new Fact("Horizon", data.horizon() + (data.horizon() == 1 ? " period" : " periods") + " per window"),
                new Fact("Backtest windows", Integer.toString(data.windows())),
                new Fact("Refit", data.refitEvery()),
                new Fact("Intervals", data.intervals()),
                new Fact("Models compared", Integer.toString(data.leaderboard().size())));
    }
}
