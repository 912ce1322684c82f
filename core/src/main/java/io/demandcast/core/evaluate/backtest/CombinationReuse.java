package io.demandcast.core.evaluate.backtest;

import io.demandcast.core.model.Forecaster;
import io.demandcast.core.model.stat.combine.CombinationFamily;
import io.demandcast.core.model.stat.combine.CombinationRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds, for a combination in a backtest (of local members, or with global ones), runs of exactly
 * its members (same family and parameters) among the models already run, so its forecasts can be
 * combined from theirs.
 */
final class CombinationReuse {
    private CombinationReuse() {
    }

    /** The rule that combines a model's members (it is a combination), or null when it is not a combination. */
    static CombinationRule members(BacktestModel model) {
        return CombinationFamily.rule(model.forecaster());
    }

    /** The runs of every member in member order, or null when the model is not a combination or one member has not been run. */
    static List<ModelRun> memberRuns(BacktestModel model, List<ModelRun> runs) {
        List<Forecaster> members = CombinationFamily.members(model.forecaster());
        if (members == null) {
            return null;
        }
        List<ModelRun> found = new ArrayList<>();
        for (Forecaster member : members) {
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
