package io.demandcast.core.tune;

import io.demandcast.core.config.TuneConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Successive halving over backtest windows: rung 0 scores every candidate on the first
 * {@code min_windows} windows; after each rung the best 1/{@code eta} (at least one) go on to
 * {@code eta} times as many windows, up to all of them. A candidate that is clearly worse on the
 * first windows so costs a fraction of a full backtest.
 */
public final class Halving {
    private Halving() {
    }

    /** The number of windows scored after each rung, ascending; the last is {@code windows}. */
    public static List<Integer> rungs(TuneConfig.Halving rule, int windows) {
        List<Integer> out = new ArrayList<>();
        if (!rule.enabled()) {
            out.add(windows);
            return out;
        }
        int k = Math.min(rule.minWindows(), windows);
        out.add(k);
        while (k < windows) {
            k = (int) Math.min((long) k * rule.eta(), windows);
            out.add(k);
        }
        return out;
    }

    /** How many of {@code n} candidates go on to the next rung. */
    public static int survivors(int n, int eta) {
        return Math.max(1, (n + eta - 1) / eta);
    }

    /**
     * The candidates that go on: the {@link #survivors} best by score (lower first, NaN last, ties by id).
     *
     * @param scored the candidates scored on this rung's windows
     */
    public static List<CandidateResult> promote(List<CandidateResult> scored, int eta) {
        List<CandidateResult> sorted = new ArrayList<>(scored);
        sorted.sort(Comparator.comparingDouble(CandidateResult::sortScore).thenComparing(r -> r.candidate().id()));
        return List.copyOf(sorted.subList(0, Math.min(sorted.size(), survivors(scored.size(), eta))));
    }
}
