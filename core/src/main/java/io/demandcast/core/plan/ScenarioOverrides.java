package io.demandcast.core.plan;

import io.demandcast.core.config.CovariateOverride;
import io.demandcast.core.config.InvalidConfigException;
import io.demandcast.core.config.Scenario;
import io.demandcast.core.data.Panel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a scenario's overrides to the known-future covariates of a forecast request (the panel
 * {@link io.demandcast.core.data.FutureCovariates} built: each series' forecast periods). Only the
 * cells of the chosen series, on the chosen dates, in the named column change; every other cell,
 * column, series and the target stay as they were. The request is not modified: a new panel is returned.
 *
 * <p>Values are changed in the column's original units: a column {@code prepare} scaled
 * ({@code scaled = (x - a) / b}) is unscaled, changed and scaled again, so {@code multiply: 0.9} cuts
 * a price by 10 % and {@code set: 1} sets a flag to 1 whatever the scaling.
 */
public final class ScenarioOverrides {
    /** Ids named in a message; the count gives the rest. */
    private static final int SHOWN = 5;

    /**
     * What a scenario may override and how the columns are stored.
     *
     * @param pastOnly columns observed only up to the cutoff: never overridable
     * @param scalers  column to {@code {a, b}} of {@code scaled = (x - a) / b}, for the columns {@code prepare} scaled
     * @param derived  column to the columns {@code prepare} derived from it ({@code price_change}, {@code price_rel_28}),
     *                 which an override of it does not recompute
     */
    public record Columns(Set<String> pastOnly, Map<String, double[]> scalers, Map<String, List<String>> derived) {
        public Columns {
            pastOnly = Set.copyOf(pastOnly);
            scalers = Map.copyOf(scalers);
            derived = Map.copyOf(derived);
        }

        public static Columns unscaled(Set<String> pastOnly) {
            return new Columns(pastOnly, Map.of(), Map.of());
        }
    }

    /**
     * A request panel with a scenario applied.
     *
     * @param changed cells changed per override, in the scenario's order (0: it matched forecast periods but
     *                left their values as they were, e.g. {@code set: 1} where the flag was 1 already)
     */
    public record Applied(Panel panel, int[] changed) {
    }

    private ScenarioOverrides() {
    }

    /**
     * @param request the baseline request's covariates: one series per forecast series, its rows the forecast periods
     * @throws InvalidConfigException naming the override's {@code file:line:column} when its column is not a
     *                                known numeric covariate of the request (unknown, past-only, categorical),
     *                                a series id is not forecast, {@code where} names no static column or selects
     *                                no series, or a date is not a period start or lies outside the forecast periods
     */
    public static Applied apply(Panel request, Scenario scenario, Columns columns) {
        Panel out = request;
        int[] changed = new int[scenario.overrides().size()];
        int i = 0;
        for (CovariateOverride o : scenario.overrides()) {
            requireKnownNumeric(request, o, columns);
            boolean[] chosen = series(request, o);
            requireDatesInHorizon(request, o, chosen);
            double[] col = out.numericColumn(o.column()).clone();
            double[] scale = columns.scalers().get(o.column());
            int n = 0;
            for (int s = 0; s < request.seriesCount(); s++) {
                if (!chosen[s]) {
                    continue;
                }
                for (int r = request.rowStart(s); r < request.rowEnd(s); r++) {
                    if (!o.covers(request.axis().date(request.period(r)))) {
                        continue;
                    }
                    double x = scale == null ? col[r] : col[r] * scale[1] + scale[0];
                    double y = o.operation().apply(x, o.value());
                    double stored = scale == null ? y : (y - scale[0]) / scale[1];
                    if (Double.compare(stored, col[r]) != 0) {
                        n++;
                    }
                    col[r] = stored;
                }
            }
            out = out.withNumeric(o.column(), col);
            changed[i++] = n;
        }
        return new Applied(out, changed);
    }

    private static void requireKnownNumeric(Panel request, CovariateOverride o, Columns columns) {
        String c = o.column();
        if (columns.pastOnly().contains(c)) {
            throw error(o, "'" + c + "' is a past_only covariate, observed only up to the forecast's cutoff; a scenario"
                    + " overrides known covariates only (data.schema.covariates, calendar and join columns)");
        }
        if (request.categoricalNames().contains(c)) {
            throw error(o, "'" + c + "' is a categorical column; a scenario sets numeric known covariates (add an event"
                    + " or holiday as a 0/1 known column and set it to 1)");
        }
        if (!request.hasNumeric(c)) {
            throw error(o, "'" + c + "' is not a known covariate of the data; known numeric covariates: "
                    + (request.numericNames().isEmpty() ? "none" : String.join(", ", request.numericNames())));
        }
    }

    private static boolean[] series(Panel request, CovariateOverride o) {
        boolean[] chosen = new boolean[request.seriesCount()];
        if (o.allSeries()) {
            java.util.Arrays.fill(chosen, true);
            return chosen;
        }
        for (String column : o.where().keySet()) {
            if (!request.staticNames().contains(column)) {
                throw error(o, "series.where: '" + column + "' is not a static column of the data; static columns: "
                        + (request.staticNames().isEmpty() ? "none" : String.join(", ", request.staticNames())));
            }
        }
        Set<String> ids = new HashSet<>(o.seriesIds());
        List<String> unknown = new ArrayList<>();
        for (String id : o.seriesIds()) {
            if (request.indexOf(id) < 0) {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            throw error(o, unknown.size() + " series id(s) not forecast by the model: " + String.join(", ", unknown.subList(0, Math.min(SHOWN, unknown.size())))
                    + (unknown.size() > SHOWN ? " and " + (unknown.size() - SHOWN) + " more" : ""));
        }
        int count = 0;
        for (int s = 0; s < request.seriesCount(); s++) {
            boolean keep = ids.isEmpty() || ids.contains(request.seriesId(s));
            for (Map.Entry<String, List<String>> e : o.where().entrySet()) {
                keep &= e.getValue().contains(request.staticValue(e.getKey(), s));
            }
            chosen[s] = keep;
            count += keep ? 1 : 0;
        }
        if (count == 0) {
            throw error(o, "the series selection (ids and where) selects no series");
        }
        return chosen;
    }

    private static void requireDatesInHorizon(Panel request, CovariateOverride o, boolean[] chosen) {
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (int s = 0; s < request.seriesCount(); s++) {
            if (chosen[s] && request.length(s) > 0) {
                first = Math.min(first, request.firstPeriod(s));
                last = Math.max(last, request.lastPeriod(s));
            }
        }
        if (first > last) {
            throw error(o, "the selected series have no forecast periods");
        }
        List<LocalDate> given = new ArrayList<>(o.dates());
        if (o.from() != null) {
            given.add(o.from());
        }
        if (o.to() != null) {
            given.add(o.to());
        }
        LocalDate firstDate = request.axis().date(first);
        LocalDate lastDate = request.axis().date(last);
        for (LocalDate d : given) {
            if (!request.axis().fits(d)) {
                throw error(o, "date " + d + " is not a period start of the " + request.frequency().label() + " data ("
                        + request.axis().describeAnchor() + ")");
            }
            int p = request.axis().period(d);
            if (p < first || p > last) {
                throw error(o, "date " + d + " is outside the forecast periods of the selected series (" + firstDate + " .. "
                        + lastDate + ")");
            }
        }
    }

    private static InvalidConfigException error(CovariateOverride o, String problem) {
        return new InvalidConfigException(o.location() + ": " + problem);
    }
}
