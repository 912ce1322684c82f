package io.demandcast.core.model.stat.combine;

import io.demandcast.core.Progress;
import io.demandcast.core.data.Panel;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecaster;
import io.demandcast.core.model.ModelContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code combination} of members of which at least one is global (one model across series):
 * every member forecaster is fitted on the whole panel, each forecasts with the same request (the
 * future covariates reach every member) and the forecasts are combined by the {@link CombinationRule}.
 * A combination of local members only stays the per-series {@link Combination}.
 */
public final class CombinationForecaster implements Forecaster {
    private final List<Forecaster> members;
    private final CombinationRule rule;
    private final ModelContext context;

    /**
     * @param context the data context the members were built with, recorded in {@link #parameters()}
     * @throws IllegalArgumentException when the rule is not for this number of members
     */
    public CombinationForecaster(List<Forecaster> members, CombinationRule rule, ModelContext context) {
        if (members.isEmpty() || rule.members() != members.size()) {
            throw new IllegalArgumentException("a combination rule for " + rule.members() + " members cannot combine " + members.size());
        }
        this.members = List.copyOf(members);
        this.rule = rule;
        this.context = context;
    }

    public List<Forecaster> members() {
        return members;
    }

    public CombinationRule rule() {
        return rule;
    }

    @Override
    public String family() {
        return CombinationFamily.COMBINATION;
    }

    /**
     * As {@link Combination#parameters()}, with the whole data context: {@code horizon} and
     * {@code past_only} too, which global members are fitted for.
     */
    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = rule.parameters(members.stream().map(m -> m.family()).toList(),
                members.stream().map(m -> m.parameters()).toList());
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("frequency", context.frequency().label());
        ctx.put("season_length", context.seasonLength());
        ctx.put("horizon", context.horizon());
        ctx.put("past_only", context.pastOnly());
        p.put("context", ctx);
        return p;
    }

    @Override
    public FittedModel fit(Panel history) {
        return fit(history, Progress.Task.NONE);
    }

    /**
     * Fits the members one after the other (each is parallel inside: over series, or over a global
     * model's work); {@code task}'s {@code history.seriesCount()} steps are shared among them.
     */
    @Override
    public FittedModel fit(Panel history, Progress.Task task) {
        SharedTask shared = new SharedTask(task, members.size());
        List<FittedModel> fitted = new ArrayList<>();
        for (Forecaster m : members) {
            fitted.add(m.fit(history, shared));
        }
        return new FittedCombination(fitted, rule, parameters());
    }

    /** Forwards the members' steps, {@code members} of theirs making one of the combination's. */
    private static final class SharedTask implements Progress.Task {
        private final Progress.Task task;
        private final int members;
        private long steps;

        SharedTask(Progress.Task task, int members) {
            this.task = task;
            this.members = members;
        }

        @Override
        public synchronized void step(long n) {
            long before = steps / members;
            steps += n;
            long after = steps / members;
            if (after > before) {
                task.step(after - before);
            }
        }

        @Override
        public void note(String message) {
            task.note(message);
        }

        @Override
        public void close() {
        }
    }
}
