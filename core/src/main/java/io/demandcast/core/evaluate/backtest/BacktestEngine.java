package io.demandcast.core.evaluate.backtest;

import io.demandcast.core.Progress;
import io.demandcast.core.data.DataException;
import io.demandcast.core.data.FutureCovariates;
import io.demandcast.core.data.Panel;
import io.demandcast.core.model.Explainable;
import io.demandcast.core.model.FeatureImportance;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.stat.combine.CombinationRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * The one loop over rolling-origin windows: every verb that needs out-of-sample forecasts
 * ({@code evaluate}, conformal calibration in {@code train}, later {@code tune}) runs it.
 *
 * <p>For each window the model sees only the rows of {@link BacktestPlan#training}, which end at
 * the window's cutoff: later rows never reach {@code fit} or {@code update}, so no family can peek.
 * Its forecast request carries the known covariates of the forecast periods, built by
 * {@link FutureCovariates}: target NaN, past-only columns dropped.
 * Windows that refit run in parallel, then the windows in between (which update the model fitted
 * on their refit window with the newer actuals, parameters fixed) run in parallel; each fit is
 * itself parallel over series, so windows × series share the cores. The run keeps the feature
 * importance of the last refit window's model when it can explain itself (not the fitted models).
 */
public final class BacktestEngine {
    private BacktestEngine() {
    }

    /**
     * Runs one model over every window of the plan.
     *
     * @param history       the panel the model may learn from (cut per window by the plan)
     * @param refitInterval refit on every {@code refitInterval}-th window
     * @param levels        quantile levels to forecast
     * @param adjust        applied to each window's forecast (e.g. clipping at zero); identity for none
     * @param progress      one task step per series fitted or updated
     * @param pastOnly      covariate columns of {@code history} observed only up to a cutoff (the prepared
     *                      dataset's {@code columns.past_only}): never in a forecast request
     */
    public static ModelRun run(BacktestModel model, Panel history, BacktestPlan plan, int refitInterval, double[] levels,
                               UnaryOperator<Forecast> adjust, Progress progress, Collection<String> pastOnly) {
        return run(model, history, plan, refitInterval, levels, adjust, progress, pastOnly, null);
    }

    /**
     * Something that looks at the model fitted on the last refit window before it is released (e.g.
     * the price response of {@code evaluate.elasticity}): called once, with that model, the window's
     * request and its raw forecast, from the worker thread of that window.
     */
    @FunctionalInterface
    public interface LastFitProbe {
        void accept(FittedModel fitted, ForecastRequest request, Forecast raw);
    }

    /** As {@link #run(BacktestModel, Panel, BacktestPlan, int, double[], UnaryOperator, Progress, Collection)}, with a probe of the last refit window's model (null for none). */
    public static ModelRun run(BacktestModel model, Panel history, BacktestPlan plan, int refitInterval, double[] levels,
                               UnaryOperator<Forecast> adjust, Progress progress, Collection<String> pastOnly, LastFitProbe probe) {
        int windows = plan.windows();
        long steps = 0;
        for (int w = 0; w < windows; w++) {
            steps += plan.seriesIn(w).length;
        }
        long t0 = System.nanoTime();
        FittedModel[] fitted = new FittedModel[windows];
        Forecast[] forecasts = new Forecast[windows];
        Forecast[] raw = new Forecast[windows];
        Boolean[] refitted = new Boolean[windows];
        try (Progress.Task task = progress.task("backtest " + model.name(), steps)) {
            int[] refitWindows = IntStream.range(0, windows).filter(w -> BacktestPlan.refitWindow(w, refitInterval) == w).toArray();
            int lastRefit = refitWindows[refitWindows.length - 1];
            Arrays.stream(refitWindows).parallel().forEach(w -> {
                fitted[w] = model.forecaster().fit(plan.training(history, w, w), task);
                ForecastRequest request = request(history, plan, w, w, levels, pastOnly);
                raw[w] = forecast(model, fitted[w], request);
                if (probe != null && w == lastRefit) {
                    probe.accept(fitted[w], request, raw[w]);
                }
                forecasts[w] = adjust.apply(raw[w]);
                refitted[w] = true;
            });
            IntStream.range(0, windows).filter(w -> refitted[w] == null).parallel().forEach(w -> {
                int r = BacktestPlan.refitWindow(w, refitInterval);
                Panel since = plan.training(history, w, r);
                FittedModel updated = fitted[r].update(since);
                raw[w] = forecast(model, updated, request(history, plan, w, r, levels, pastOnly));
                forecasts[w] = adjust.apply(raw[w]);
                refitted[w] = false;
                task.step(since.seriesCount());
            });
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<Map<String, Object>> fits = Arrays.stream(fitted).map(f -> f == null ? Map.<String, Object>of() : f.fitSummary()).toList();
        return new ModelRun(model, Arrays.asList(forecasts), Arrays.asList(raw), Arrays.asList(refitted), seconds,
                lastImportance(fitted), fits, lastFit(fitted));
    }

    /**
     * A window's forecast. A model refuses a request with an {@link IllegalArgumentException} that names
     * what it lacks (a known covariate over the forecast periods, a quantile level it was not fitted
     * for): that is bad input, reported as such with the model's name, as {@code predict} reports it.
     * (Thrown from a parallel stream's worker, the bare exception would also be re-wrapped by the
     * fork-join pool into a message repeating its class name.)
     */
    private static Forecast forecast(BacktestModel model, FittedModel fitted, ForecastRequest request) {
        try {
            return fitted.forecast(request);
        } catch (IllegalArgumentException e) {
            throw new DataException("model " + model.name() + " (" + model.forecaster().family() + "): " + e.getMessage(), e);
        }
    }

    /** The fit outcomes of the model fitted on the last refit window. */
    private static List<io.demandcast.core.model.FitOutcome> lastFit(FittedModel[] fitted) {
        for (int w = fitted.length - 1; w >= 0; w--) {
            if (fitted[w] != null) {
                return fitted[w].fitOutcomes();
            }
        }
        return List.of();
    }

    /** The importance of the model fitted on the last refit window, empty when it cannot explain itself. */
    private static List<FeatureImportance> lastImportance(FittedModel[] fitted) {
        for (int w = fitted.length - 1; w >= 0; w--) {
            if (fitted[w] != null) {
                return fitted[w] instanceof Explainable e ? e.importance() : List.of();
            }
        }
        return List.of();
    }

    /**
     * The request of window {@code w} for a model fitted at window {@code r}: the model forecasts every
     * series it was fitted on, those updated in {@code w} from their cutoff in {@code w}, the others
     * from their cutoff in {@code r} (an update leaves them as they were).
     */
    static ForecastRequest request(Panel history, BacktestPlan plan, int w, int r, double[] levels, Collection<String> pastOnly) {
        int[] series = plan.seriesIn(r);
        int[] ends = new int[series.length];
        for (int i = 0; i < series.length; i++) {
            int s = series[i];
            ends[i] = plan.includes(w, s) ? plan.cutoff(w, s) : plan.cutoff(r, s);
        }
        return new ForecastRequest(plan.horizon(), levels, FutureCovariates.afterCarryingForward(history, series, ends, plan.horizon(), pastOnly));
    }

    /**
     * The run of a combination whose members were all run already on the same plan: each window's
     * forecast combines the members' raw forecasts exactly as the fitted combination would, so
     * nothing is fitted twice. Its wall time is the members' plus the combining.
     *
     * @param members the members' runs, in the combination's member order
     * @param rule    the combination's rule (method and weights)
     */
    public static ModelRun combine(BacktestModel model, List<ModelRun> members, CombinationRule rule,
                                   UnaryOperator<Forecast> adjust) {
        long t0 = System.nanoTime();
        int windows = members.get(0).raw().size();
        List<Forecast> raw = new ArrayList<>();
        List<Forecast> adjusted = new ArrayList<>();
        List<Boolean> refitted = new ArrayList<>();
        double seconds = 0;
        for (ModelRun m : members) {
            seconds += m.wallSeconds();
        }
        for (int w = 0; w < windows; w++) {
            int window = w;
            Forecast f = rule.combine(model.forecaster().family(), members.stream().map(m -> m.raw().get(window)).toList());
            raw.add(f);
            adjusted.add(adjust.apply(f));
            refitted.add(members.stream().anyMatch(m -> m.refitted().get(window)));
        }
        return new ModelRun(model, adjusted, raw, refitted, seconds + (System.nanoTime() - t0) / 1e9, List.of(), List.of(),
                membersFit(model.forecaster().family(), members));
    }

    /** A combination's outcomes from its members' ({@link io.demandcast.core.model.FitOutcome#ofMembers}), series by series. */
    private static List<io.demandcast.core.model.FitOutcome> membersFit(String family, List<ModelRun> members) {
        if (members.stream().anyMatch(m -> m.lastFit().isEmpty())) {
            return List.of();
        }
        List<java.util.Map<String, io.demandcast.core.model.FitOutcome>> byId = members.stream()
                .map(m -> m.lastFit().stream().collect(java.util.stream.Collectors.toMap(
                        io.demandcast.core.model.FitOutcome::seriesId, o -> o, (a, b) -> a)))
                .toList();
        List<io.demandcast.core.model.FitOutcome> out = new ArrayList<>();
        for (io.demandcast.core.model.FitOutcome first : members.get(0).lastFit()) {
            List<io.demandcast.core.model.FitOutcome> of = byId.stream().map(m -> m.get(first.seriesId())).toList();
            if (of.stream().allMatch(java.util.Objects::nonNull)) {
                out.add(io.demandcast.core.model.FitOutcome.ofMembers(first.seriesId(), family, of));
            }
        }
        return out;
    }
}
