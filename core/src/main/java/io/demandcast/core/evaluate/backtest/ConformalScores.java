package io.demandcast.core.evaluate.backtest;

import io.demandcast.core.data.Panel;
import io.demandcast.core.evaluate.ConformalCalibration;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.prepare.DemandProfile;
import java.util.Arrays;

/**
 * Turns backtest forecasts into conformal scores: {@code (y − f) / scale} per series and step,
 * grouped by the series' demand class, with the scale and class taken from the history before the
 * forecast's cutoff. Shared by {@code evaluate} (calibrating each window on earlier ones) and
 * {@code train} (calibrating a model on its own backtest), so both score alike.
 */
final class ConformalScores {
    private final Panel actuals;
    private final BacktestPlan plan;
    private final int seasonLength;

    ConformalScores(Panel actuals, BacktestPlan plan, int seasonLength) {
        this.actuals = actuals;
        this.plan = plan;
        this.seasonLength = seasonLength;
    }

    /**
     * Adds the scores of window {@code j}'s forecast whose period is at or before
     * {@code limit(series)}; series with a limit of {@link BacktestPlan#LEFT_OUT} are skipped.
     *
     * @return scores added
     */
    int add(ConformalCalibration.Builder builder, Forecast forecast, int j, java.util.function.IntUnaryOperator limit) {
        int added = 0;
        for (int i = 0; i < forecast.seriesCount(); i++) {
            int s = plan.indexOf(forecast.seriesId(i));
            int last = limit.applyAsInt(s);
            if (last == BacktestPlan.LEFT_OUT) {
                continue;
            }
            int cutoff = plan.cutoff(j, s);
            double[] x = history(s, cutoff);
            double[] y = window(s, cutoff);
            double scale = ConformalCalibration.scaleOf(x, seasonLength);
            String group = demandClass(x);
            for (int k = 0; k < y.length; k++) {
                if (cutoff + 1 + k <= last && !Double.isNaN(y[k])) {
                    builder.add(group, k, (y[k] - forecast.point(i, k)) / scale);
                    added++;
                }
            }
        }
        return added;
    }

    /** Actual values of series s from its first period up to and including the cutoff, gaps as NaN. */
    double[] history(int s, int cutoff) {
        int first = actuals.firstPeriod(s);
        double[] x = new double[Math.max(0, cutoff - first + 1)];
        Arrays.fill(x, Double.NaN);
        for (int r = actuals.rowStart(s); r < actuals.rowEnd(s) && actuals.period(r) <= cutoff; r++) {
            x[actuals.period(r) - first] = actuals.target(r);
        }
        return x;
    }

    /** Actual values of series s over the horizon after the cutoff, NaN where none. */
    double[] window(int s, int cutoff) {
        double[] y = new double[plan.horizon()];
        Arrays.fill(y, Double.NaN);
        for (int r = actuals.rowStart(s); r < actuals.rowEnd(s); r++) {
            int k = actuals.period(r) - cutoff - 1;
            if (k >= 0 && k < y.length) {
                y[k] = actuals.target(r);
            }
        }
        return y;
    }

    static String demandClass(double[] history) {
        return DemandProfile.of(history, 0, history.length).demandClass().label();
    }
}
