package io.demandcast.core.evaluate.backtest;

import io.demandcast.core.model.Forecaster;
import io.demandcast.core.model.stat.LocalForecaster;
import io.demandcast.core.model.stat.SeriesMethod;
import io.demandcast.core.model.stat.combine.Combination;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds, for a combination in a backtest, runs of exactly its members (same family and
 * parameters) among the models already run, so its forecasts can be combined from theirs.
 */
final class CombinationReuse {
    private CombinationReuse() {
    }

    /** The combination a model is, or null when it is not a combination. */
    static Combination members(BacktestModel model) {
        Forecaster f = model.forecaster();
        return f instanceof LocalForecaster local && local.method() instanceof Combination c ? c : null;
    }

    /** The runs of every member in member order, or null when one member has not been run. */
    static List<ModelRun> memberRuns(BacktestModel model, List<ModelRun> runs) {
        Combination combination = members(model);
        if (combination == null) {
            return null;
        }
        List<ModelRun> found = new ArrayList<>();
        for (SeriesMethod member : combination.members()) {
            ModelRun match = runs.stream().filter(r -> r.model().forecaster().family().equals(member.family())
                    && r.model().forecaster().parameters().equals(member.parameters())).findFirst().orElse(null);
            if (match == null) {
                return null;
            }
            found.add(match);
        }
        return found;
    }
}
