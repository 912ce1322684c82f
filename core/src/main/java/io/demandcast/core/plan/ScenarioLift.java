package io.demandcast.core.plan;

import io.demandcast.core.model.Forecast;
import java.util.ArrayList;
import java.util.List;

/**
 * The lift of a scenario over the baseline, per series and period and summed over the horizon:
 * {@code lift = scenario - baseline} of the point forecasts, with an interval.
 *
 * <p><b>The interval.</b> The difference of two forecasts' quantiles is not, in general, a quantile of
 * their difference; the interval here is one under a stated assumption: the same error draw hits
 * both forecasts (the scenario changes the covariates, not the luck). If a forecast's demand is
 * {@code Q(u)}, the quantile function at an error draw {@code u ~ U(0,1)}, the lift at that draw is
 * {@code L(u) = Q_scenario(u) - Q_baseline(u)}; {@code [lift_lo, lift_hi]} is the smallest and largest
 * of {@code L} over the requested quantile levels and the point, which holds at least
 * {@code highest - lowest level} of the lift's probability (80 % with the default 0.1 .. 0.9) when
 * {@code L} is monotone between those levels. So the errors cancel as far as they act alike on both:
 * a model whose spread is additive and does not depend on the covariates (residual quantiles in
 * units) gives {@code lift_lo = lift = lift_hi}; a multiplicative one ({@code transform: log1p}),
 * or one whose quantiles respond to the covariate themselves (quantile regressors, ETS/ARIMA
 * regressors), gives an interval that scales with the effect. It does not hold the uncertainty of
 * the estimated effect itself (the model's coefficients or trees refitted on other data); that
 * needs refits, which {@code predict} does not do. The horizon's total sums {@code L(u)} over the
 * periods at the same {@code u}: errors perfectly dependent across periods, the widest such interval.
 */
public final class ScenarioLift {
    private ScenarioLift() {
    }

    /** One series and period of one scenario. */
    public record Row(String seriesId, java.time.LocalDate date, String scenario, double baseline, double forecast,
                      double lift, double liftLo, double liftHi) {
    }

    /**
     * One series' sums over the horizon.
     *
     * @param liftPct {@code lift / baseline} in percent; NaN when the baseline sums to 0
     */
    public record Total(String seriesId, String scenario, java.time.LocalDate firstDate, java.time.LocalDate lastDate,
                        double baseline, double forecast, double lift, double liftLo, double liftHi, double liftPct) {
    }

    /** Per-period rows and per-series totals of one scenario. */
    public record Lifts(List<Row> rows, List<Total> totals) {
        public Lifts {
            rows = List.copyOf(rows);
            totals = List.copyOf(totals);
        }
    }

    /**
     * @param baseline and {@code scenario}: forecasts of the same series, periods and quantile levels
     * @throws IllegalArgumentException when their shapes differ
     */
    public static Lifts of(String name, Forecast baseline, Forecast scenario) {
        int h = baseline.horizon();
        int levels = baseline.levels().length;
        if (!baseline.seriesIds().equals(scenario.seriesIds()) || scenario.horizon() != h
                || !java.util.Arrays.equals(baseline.levels(), scenario.levels())) {
            throw new IllegalArgumentException("scenario '" + name + "': its forecast has another shape than the baseline's");
        }
        List<Row> rows = new ArrayList<>(baseline.seriesCount() * h);
        List<Total> totals = new ArrayList<>(baseline.seriesCount());
        for (int s = 0; s < baseline.seriesCount(); s++) {
            if (scenario.firstPeriod(s) != baseline.firstPeriod(s)) {
                throw new IllegalArgumentException("scenario '" + name + "': series '" + baseline.seriesId(s)
                        + "' forecasts other periods than the baseline");
            }
            double sumB = 0;
            double sumF = 0;
            double[] sumQ = new double[levels];
            for (int k = 0; k < h; k++) {
                double b = baseline.point(s, k);
                double f = scenario.point(s, k);
                double lift = f - b;
                double lo = lift;
                double hi = lift;
                for (int q = 0; q < levels; q++) {
                    double d = scenario.quantile(q, s, k) - baseline.quantile(q, s, k);
                    lo = Math.min(lo, d);
                    hi = Math.max(hi, d);
                    sumQ[q] += d;
                }
                sumB += b;
                sumF += f;
                rows.add(new Row(baseline.seriesId(s), baseline.axis().date(baseline.firstPeriod(s) + k), name, b, f, lift, lo, hi));
            }
            double lift = sumF - sumB;
            double lo = lift;
            double hi = lift;
            for (double d : sumQ) {
                lo = Math.min(lo, d);
                hi = Math.max(hi, d);
            }
            totals.add(new Total(baseline.seriesId(s), name, baseline.axis().date(baseline.firstPeriod(s)),
                    baseline.axis().date(baseline.firstPeriod(s) + h - 1), sumB, sumF, lift, lo, hi,
                    sumB == 0 ? Double.NaN : 100 * lift / sumB));
        }
        return new Lifts(rows, totals);
    }
}
