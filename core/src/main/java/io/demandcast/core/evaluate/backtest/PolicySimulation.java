package io.demandcast.core.evaluate.backtest;

import io.demandcast.core.config.ServicePolicy;
import io.demandcast.core.evaluate.ConformalCalibration;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.plan.BootstrapDraws;
import io.demandcast.core.plan.EmpiricalLeadTimeDemand;
import io.demandcast.core.plan.LeadTimeDemand;
import io.demandcast.core.plan.NormalLeadTimeDemand;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Service levels in backtests: replays inventory policies ({@code evaluate.policies}) on each
 * window's actuals, with order-up-to levels set from what was known at the window's cutoff.
 *
 * <p><b>Lead-time demand at a cutoff.</b> For window {@code w}, series {@code s} and a protection
 * interval of {@code P = lead_time + review} periods, the model's forecast made at the cutoff
 * summed over steps 1..P, {@code F}, is spread by the errors of the calibration windows: the
 * earlier windows (all of them, or the last {@code evaluate.policy_calibration_windows}) whose P
 * forecast periods end at or before {@code w}'s cutoff for the series. Each such series × window
 * gives one scale-free cumulative error {@code (sum of actuals − sum of forecasts over P steps) /
 * scale}, the scale of {@link ConformalCalibration#scaleOf} on the history before that window's
 * cutoff (as conformal calibration scores each step). The errors are pooled per demand class
 * (the class's own when it has {@value BacktestScoring#MIN_PER_GROUP}, else all classes'), and
 * the distribution is {@code F + scale_w * e} over them ({@link EmpiricalLeadTimeDemand}), each
 * draw cut at 0 and, for count data (whole-number history), rounded to the nearest whole number (a
 * continuity correction: a draw of 2.4 stands for a demand of 2; {@code evaluate.policy_rounding: up}
 * rounds up instead), so order-up-to levels are whole units. The normal baseline is
 * {@code N(F, sigma_1 sqrt(P))} ({@link NormalLeadTimeDemand}), {@code sigma_1} the root mean square
 * of the series' own per-period errors at steps 1..P_max (the longest protection interval of the
 * policies) of the same calibration windows, periods at or before the cutoff only. The first window
 * has no earlier window, so it only calibrates.
 *
 * <p><b>The cycle.</b> The order-up-to level {@code S} ({@link PolicyLevels}) starts one
 * replenishment cycle per series and window, replayed on the actual demand of the P periods after
 * the cutoff ({@link PolicyCycle}). Series-windows with a missing actual or forecast among them are
 * not simulated; only series that {@code evaluate.score_series} scores are.
 */
public final class PolicySimulation {
    /** Method name of the bootstrap of backtest errors. */
    public static final String BOOTSTRAP = "bootstrap";
    /** Method name of the normal-approximation baseline. */
    public static final String NORMAL = "normal";
    /** Demand class of outcomes over every cycle. */
    public static final String ALL = "all";

    /**
     * One simulated cycle.
     *
     * @param window   backtest window, 0-based
     * @param seriesId the series
     * @param demandClass its demand class at the cutoff
     * @param policy   index into the simulated policies
     * @param method   {@link #BOOTSTRAP} or {@link #NORMAL}
     * @param forecast the model's forecast summed over the protection interval
     * @param level    the order-up-to level S
     * @param outcome  what happened
     */
    public record Cycle(int window, String seriesId, String demandClass, int policy, String method, double forecast, double level,
                        PolicyCycle outcome) {
    }

    private final BacktestPlan plan;
    private final WindowActuals values;
    private final List<ServicePolicy> policies;
    private final int calibrationWindows;
    private final Predicate<String> scored;
    private final int longest;
    private final boolean roundUp;

    /**
     * @param calibrationWindows most recent earlier windows that calibrate a window; null for all
     * @param roundUp            count draws round up instead of to the nearest whole number
     * @throws IllegalArgumentException when a policy's protection interval exceeds the plan's horizon
     */
    PolicySimulation(BacktestPlan plan, WindowActuals values, List<ServicePolicy> policies, Integer calibrationWindows,
                     Predicate<String> scored, boolean roundUp) {
        this.plan = plan;
        this.roundUp = roundUp;
        this.values = values;
        this.policies = List.copyOf(policies);
        this.calibrationWindows = calibrationWindows == null ? Integer.MAX_VALUE : calibrationWindows;
        this.scored = scored;
        int p = 1;
        for (ServicePolicy policy : policies) {
            if (policy.protection() > plan.horizon()) {
                throw new IllegalArgumentException("policy " + policy.label() + ": lead_time + review = " + policy.protection()
                        + " periods exceeds the backtest horizon " + plan.horizon());
            }
            p = Math.max(p, policy.protection());
        }
        this.longest = p;
    }

    /** The distributions of one series at one window's cutoff, for one protection interval. */
    record Distributions(double forecast, LeadTimeDemand bootstrap, LeadTimeDemand normal, boolean counts) {
    }

    /** Simulates every policy on every window of the run that has calibration windows. */
    ServiceLevels simulate(ModelRun run) {
        if (policies.isEmpty()) {
            return ServiceLevels.NONE;
        }
        List<Cycle> cycles = new ArrayList<>();
        for (int w = 1; w < plan.windows(); w++) {
            Calibration calibration = calibrate(run, w);
            Forecast target = run.forecasts().get(w).select(scored);
            for (int i = 0; i < target.seriesCount(); i++) {
                int s = plan.indexOf(target.seriesId(i));
                if (!plan.includes(w, s)) {
                    continue; // forecast from an earlier refit window's cutoff: not this window's cycle
                }
                WindowActuals.Context c = values.context(w, s);
                for (int p = 0; p < policies.size(); p++) {
                    ServicePolicy policy = policies.get(p);
                    Distributions d = calibration.distributions(target, i, policy.protection());
                    double[] demand = java.util.Arrays.copyOf(c.y(), policy.protection());
                    if (d == null || !allFinite(demand)) {
                        continue;
                    }
                    double bootstrapLevel = PolicyLevels.orderUpTo(d.bootstrap(), policy, d.counts());
                    double normalLevel = PolicyLevels.orderUpTo(d.normal(), policy, d.counts());
                    cycles.add(new Cycle(w, target.seriesId(i), c.demandClass(), p, BOOTSTRAP, d.forecast(), bootstrapLevel,
                            PolicyCycle.replay(bootstrapLevel, demand)));
                    cycles.add(new Cycle(w, target.seriesId(i), c.demandClass(), p, NORMAL, d.forecast(), normalLevel,
                            PolicyCycle.replay(normalLevel, demand)));
                }
            }
        }
        return new ServiceLevels(aggregate(cycles), cycles);
    }

    /**
     * The lead-time demand distributions of series {@code seriesId} at window {@code w}'s cutoff
     * over {@code periods}, or null when there is no calibration for it (the first window, a
     * forecast gap, no earlier error of the series).
     */
    Distributions distributions(ModelRun run, int w, String seriesId, int periods) {
        if (w < 1) {
            return null;
        }
        Forecast target = run.forecasts().get(w).select(scored);
        for (int i = 0; i < target.seriesCount(); i++) {
            if (target.seriesId(i).equals(seriesId)) {
                return calibrate(run, w).distributions(target, i, periods);
            }
        }
        return null;
    }

    /** The actuals of series index {@code s} over window {@code w}'s horizon, NaN where none. */
    double[] actuals(int w, int s) {
        return values.context(w, s).y().clone();
    }

    /** The calibration of window {@code w}: errors of earlier windows known at its cutoffs. */
    private Calibration calibrate(ModelRun run, int w) {
        ConformalCalibration.Builder builder = ConformalCalibration.builder(longest);
        double[] squares = new double[plan.seriesCount()];
        int[] counts = new int[plan.seriesCount()];
        for (int j = Math.max(0, w - calibrationWindows); j < w; j++) {
            Forecast earlier = run.forecasts().get(j).select(scored);
            values.addCumulativeScores(builder, earlier, j, longest,
                    s -> plan.includes(w, s) ? plan.cutoff(w, s) : BacktestPlan.LEFT_OUT);
            for (int i = 0; i < earlier.seriesCount(); i++) {
                int s = plan.indexOf(earlier.seriesId(i));
                if (!plan.includes(w, s) || !plan.includes(j, s)) {
                    continue;
                }
                int cutoff = plan.cutoff(j, s);
                double[] y = values.context(j, s).y();
                for (int k = 0; k < longest && cutoff + 1 + k <= plan.cutoff(w, s); k++) {
                    double e = y[k] - earlier.point(i, k);
                    if (Double.isFinite(e)) {
                        squares[s] += e * e;
                        counts[s]++;
                    }
                }
            }
        }
        return new Calibration(w, builder, squares, counts);
    }

    /** One window's pooled cumulative errors and per-series one-period error sums. */
    private final class Calibration {
        private final int window;
        private final ConformalCalibration.Builder builder;
        private final double[] squares;
        private final int[] counts;
        private final Map<String, double[]> byClassAndPeriods = new HashMap<>();

        Calibration(int window, ConformalCalibration.Builder builder, double[] squares, int[] counts) {
            this.window = window;
            this.builder = builder;
            this.squares = squares;
            this.counts = counts;
        }

        Distributions distributions(Forecast target, int i, int periods) {
            int s = plan.indexOf(target.seriesId(i));
            WindowActuals.Context c = values.context(window, s);
            double[] errors = byClassAndPeriods.computeIfAbsent(c.demandClass() + "\u0000" + periods,
                    key -> builder.scores(c.demandClass(), periods - 1, BacktestScoring.MIN_PER_GROUP));
            if (errors.length == 0 || counts[s] == 0) {
                return null;
            }
            double sum = 0;
            for (int k = 0; k < periods; k++) {
                sum += target.point(i, k);
            }
            if (!Double.isFinite(sum)) {
                return null;
            }
            double[] draws = BootstrapDraws.of(sum, c.conformalScale(), errors, true, c.counts(), roundUp);
            double sigma1 = Math.sqrt(squares[s] / counts[s]);
            return new Distributions(sum, new EmpiricalLeadTimeDemand(draws),
                    new NormalLeadTimeDemand(sum, sigma1 * Math.sqrt(periods)), c.counts());
        }
    }

    private List<PolicyOutcome> aggregate(List<Cycle> cycles) {
        TreeSet<String> classes = new TreeSet<>();
        cycles.forEach(c -> classes.add(c.demandClass()));
        List<PolicyOutcome> out = new ArrayList<>();
        for (int p = 0; p < policies.size(); p++) {
            for (String method : List.of(BOOTSTRAP, NORMAL)) {
                List<String> groups = new ArrayList<>(List.of(ALL));
                groups.addAll(classes);
                for (String group : groups) {
                    int policy = p;
                    List<Cycle> of = cycles.stream().filter(c -> c.policy() == policy && c.method().equals(method)
                            && (group.equals(ALL) || c.demandClass().equals(group))).toList();
                    if (!of.isEmpty()) {
                        out.add(outcome(policies.get(p), method, group, of));
                    }
                }
            }
        }
        return out;
    }

    static PolicyOutcome outcome(ServicePolicy policy, String method, String group, List<Cycle> cycles) {
        int served = 0;
        double demand = 0;
        double shortage = 0;
        double stock = 0;
        double outs = 0;
        double level = 0;
        for (Cycle c : cycles) {
            served += c.outcome().served() ? 1 : 0;
            demand += c.outcome().demand();
            shortage += c.outcome().shortage();
            stock += c.outcome().averageStock();
            outs += c.outcome().stockoutPeriods();
            level += c.level();
        }
        int n = cycles.size();
        return new PolicyOutcome(policy, method, group, n, (double) served / n, demand > 0 ? 1 - shortage / demand : Double.NaN,
                stock / n, outs / n, level / n);
    }

    private static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
