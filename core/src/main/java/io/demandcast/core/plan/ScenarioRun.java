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
     * @param summary  per scenario, in file order: counts and totals for the summary and {@code --json}
     * @param warnings one line per column a scenario overrides that the model does not read, or whose derived columns it reads
     */
    public record Result(List<ScenarioLift.Lifts> lifts, List<ScenarioSummary.Entry> summary, List<String> warnings) {
        public Result {
            lifts = List.copyOf(lifts);
            summary = List.copyOf(summary);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * @param model    the model that forecast {@code baseline} from {@code request}
     * @param baseline the published forecast: {@code finish} applied to the model's forecast of {@code request}
     * @param finish   what turned the model's forecast into {@code baseline} (calibration, clipping), applied to each scenario's
     * @throws DemandcastException                                 when the model reads no covariate, or a scenario overrides
     *                                                             only columns the model does not read (it would change nothing)
     * @throws io.demandcast.core.config.InvalidConfigException naming the override's {@code file:line:column} (see
     *                                                             {@link ScenarioOverrides#apply})
     */
    public static Result run(FittedModel model, ForecastRequest request, Forecast baseline, List<Scenario> scenarios,
                             ScenarioOverrides.Columns columns, UnaryOperator<Forecast> finish) {
        List<String> reads = model.features();
        if (reads.isEmpty() || request.futureCovariates() == null) {
            throw new DemandcastException("--scenario: the " + model.family() + " model reads no covariates; the scenario changes"
                    + " nothing (train a model that reads them, e.g. a global ML family with data.schema.covariates)");
        }
        List<ScenarioLift.Lifts> lifts = new ArrayList<>();
        List<ScenarioSummary.Entry> summary = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Consumer<String> warn = warnings::add;
        // Every override is checked against the data (column, series, dates) before any is judged against the model.
        List<ScenarioOverrides.Applied> applied = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            applied.add(ScenarioOverrides.apply(request.futureCovariates(), scenario, columns));
        }
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario scenario = scenarios.get(i);
            Set<String> read = new LinkedHashSet<>();
            for (CovariateOverride o : scenario.overrides()) {
                if (reads.contains(o.column())) {
                    read.add(o.column());
                } else {
                    warn.accept(o.location() + ": scenario '" + scenario.name() + "': the " + model.family()
                            + " model does not read '" + o.column() + "'; this override changes nothing (it reads "
                            + String.join(", ", reads) + ")");
                }
                List<String> derived = columns.derived().getOrDefault(o.column(), List.of()).stream().filter(reads::contains).toList();
                if (!derived.isEmpty()) {
                    warn.accept(o.location() + ": the model also reads " + String.join(", ", derived)
                            + ", which prepare derived from '" + o.column() + "'; the scenario does not recompute them,"
                            + " so the lift leaves out their part");
                }
            }
            if (read.isEmpty()) {
                throw new DemandcastException("--scenario: " + scenario.location() + ": scenario '" + scenario.name() + "' overrides only"
                        + " columns the " + model.family() + " model does not read; it changes nothing (the model reads "
                        + String.join(", ", reads) + ")");
            }
            ForecastRequest changed = new ForecastRequest(request.horizon(), request.quantileLevels(), applied.get(i).panel());
            Forecast raw;
            try {
                raw = model.forecast(changed);
            } catch (IllegalArgumentException e) {
                throw new io.demandcast.core.data.DataException("--scenario: scenario '" + scenario.name() + "': " + e.getMessage(), e);
            }
            ScenarioLift.Lifts l = ScenarioLift.of(scenario.name(), baseline, finish.apply(raw));
            lifts.add(l);
            summary.add(ScenarioSummary.Entry.of(scenario.name(), applied.get(i).changed(), l));
        }
        return new Result(lifts, summary, warnings);
    }
}
