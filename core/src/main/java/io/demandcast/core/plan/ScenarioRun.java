package io.demandcast.core.plan;

import io.demandcast.core.DemandcastException;
import io.demandcast.core.config.CovariateOverride;
import io.demandcast.core.config.Scenario;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * What-if scenarios over a baseline forecast: for each scenario, the baseline request's known-future
 * covariates with its overrides applied ({@link ScenarioOverrides}), forecast by the same model with
 * the same levels and finished the same way (calibration, clipping), and its lift over the baseline
 * ({@link ScenarioLift}). The model, the request and the baseline are not changed.
 */
public final class ScenarioRun {
    private ScenarioRun() {
    }

    /**
     * @param lifts   per scenario, in file order
     * @param summary per scenario, in file order: counts and totals for the summary and {@code --json}
     */
    public record Result(List<ScenarioLift.Lifts> lifts, List<ScenarioSummary.Entry> summary) {
        public Result {
            lifts = List.copyOf(lifts);
            summary = List.copyOf(summary);
        }
    }

    /**
     * @param model    the model that forecast {@code baseline} from {@code request}
     * @param baseline the published forecast: {@code finish} applied to the model's forecast of {@code request}
     * @param finish   what turned the model's forecast into {@code baseline} (calibration, clipping), applied to each scenario's
     * @param warn     one line per column a scenario overrides that the model does not read, or whose derived columns it reads
     * @throws DemandcastException                                 when the model reads no covariate, or a scenario overrides
     *                                                             only columns the model does not read (it would change nothing)
     * @throws io.demandcast.core.config.InvalidConfigException naming the override's {@code file:line:column} (see
     *                                                             {@link ScenarioOverrides#apply})
     */
    public static Result run(FittedModel model, ForecastRequest request, Forecast baseline, List<Scenario> scenarios,
                             ScenarioOverrides.Columns columns, UnaryOperator<Forecast> finish, Consumer<String> warn) {
        List<String> reads = model.features();
        if (reads.isEmpty() || request.futureCovariates() == null) {
            throw new DemandcastException("--scenario: the " + model.family() + " model reads no covariates; the scenario changes"
                    + " nothing (train a model that reads them, e.g. a global ML family with data.schema.covariates)");
        }
        List<ScenarioLift.Lifts> lifts = new ArrayList<>();
        List<ScenarioSummary.Entry> summary = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            Set<String> read = new LinkedHashSet<>();
            for (CovariateOverride o : scenario.overrides()) {
                if (reads.contains(o.column())) {
                    read.add(o.column());
                } else {
                    warn.accept("--scenario: " + o.location() + ": scenario '" + scenario.name() + "': the " + model.family()
                            + " model does not read '" + o.column() + "'; this override changes nothing (it reads "
                            + String.join(", ", reads) + ")");
                }
                List<String> derived = columns.derived().getOrDefault(o.column(), List.of()).stream().filter(reads::contains).toList();
                if (!derived.isEmpty()) {
                    warn.accept("--scenario: " + o.location() + ": the model also reads " + String.join(", ", derived)
                            + ", which prepare derived from '" + o.column() + "'; the scenario does not recompute them,"
                            + " so the lift leaves out their part");
                }
            }
            if (read.isEmpty()) {
                throw new DemandcastException("--scenario: " + scenario.location() + ": scenario '" + scenario.name() + "' overrides only"
                        + " columns the " + model.family() + " model does not read; it changes nothing (the model reads "
                        + String.join(", ", reads) + ")");
            }
            ScenarioOverrides.Applied applied = ScenarioOverrides.apply(request.futureCovariates(), scenario, columns);
            ForecastRequest changed = new ForecastRequest(request.horizon(), request.quantileLevels(), applied.panel());
            Forecast raw;
            try {
                raw = model.forecast(changed);
            } catch (IllegalArgumentException e) {
                throw new io.demandcast.core.data.DataException("--scenario: scenario '" + scenario.name() + "': " + e.getMessage(), e);
            }
            ScenarioLift.Lifts l = ScenarioLift.of(scenario.name(), baseline, finish.apply(raw));
            lifts.add(l);
            summary.add(ScenarioSummary.Entry.of(scenario.name(), applied.changed(), l));
        }
        return new Result(lifts, summary);
    }
}
