package io.demandcast.core.evaluate.backtest;

import io.demandcast.core.data.Panel;
import io.demandcast.core.evaluate.ConformalCalibration;
import io.demandcast.core.evaluate.Scales;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.prepare.DemandProfile;
import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * The actuals of each series in each backtest window and what its history up to the cutoff says
 * about it (scales, demand class, recent volume), computed once per series × window and shared by
 * every model's scoring and by conformal calibration: they do not depend on the model, and the
 * history pass is the costly part. Also turns forecasts into conformal scores {@code (y − f) / scale},
 * grouped by demand class, for {@code evaluate} (calibrating each window on earlier ones) and
 * {@code train} (calibrating a model on its own backtest), so both score alike. Not thread-safe.
 */
final class WindowActuals {
    /**
     * @param y               actuals over the window's horizon, NaN where none
     * @param maseScale       MASE scale of the history (NaN when undefined)
     * @param conformalScale  {@link ConformalCalibration#scaleOf} of the history, always > 0
     * @param demandClass     Syntetos–Boylan class of the history
     * @param volume          sum of |actual| over the last {@code horizon} history periods
     * @param counts          every observed history value is a whole number (count data)
     */
    record Context(double[] y, double maseScale, double conformalScale, String demandClass, double volume, boolean counts) {
    }

    private final Panel actuals;
    private final BacktestPlan plan;
    private final int seasonLength;
    private final Context[][] contexts;

    WindowActuals(Panel actuals, BacktestPlan plan, int seasonLength) {
        this.actuals = actuals;
        this.plan = plan;
        this.seasonLength = seasonLength;
        this.contexts = new Context[plan.windows()][plan.seriesCount()];
    }

    /** Series {@code s} in window {@code w} (which must include it). */
    Context context(int w, int s) {
        Context c = contexts[w][s];
        if (c == null) {
            double[] x = history(s, plan.cutoff(w, s));
            c = new Context(window(s, plan.cutoff(w, s)), Scales.mase(x, seasonLength),
                    ConformalCalibration.scaleOf(x, seasonLength), demandClass(x), volume(x, plan.horizon()), counts(x));
            contexts[w][s] = c;
        }
        return c;
    }

    /**
     * Adds the conformal scores of window {@code j}'s forecast whose period is at or before
     * {@code limit(series)}; series with a limit of {@link BacktestPlan#LEFT_OUT} are skipped.
     *
     * @return scores added
     */
    int addScores(ConformalCalibration.Builder builder, Forecast forecast, int j, IntUnaryOperator limit) {
        int added = 0;
        for (int i = 0; i < forecast.seriesCount(); i++) {
            int s = plan.indexOf(forecast.seriesId(i));
            int last = limit.applyAsInt(s);
            if (last == BacktestPlan.LEFT_OUT) {
                continue;
            }
            int cutoff = plan.cutoff(j, s);
            Context c = context(j, s);
            for (int k = 0; k < c.y().length; k++) {
                if (cutoff + 1 + k <= last && !Double.isNaN(c.y()[k])) {
                    builder.add(c.demandClass(), k, (c.y()[k] - forecast.point(i, k)) / c.conformalScale());
                    added++;
                }
            }
        }
        return added;
    }

    /**
     * Adds the cumulative scores of window {@code j}'s forecast for each series whose first
     * {@code k} forecast periods end at or before {@code limit(series)}, for k = 1..{@code periods}:
     * at step {@code k - 1} the score {@code (sum of y - sum of f over steps 1..k) / scale}, the
     * scale of window {@code j}'s history. A series with a missing actual among those k periods
     * adds no score at step k - 1 or beyond; series with a limit of {@link BacktestPlan#LEFT_OUT}
     * are skipped.
     *
     * @param periods the longest interval scored, {@code <= horizon} and {@code <= builder}'s horizon
     * @return series that added a score at step {@code periods - 1}
     */
    int addCumulativeScores(ConformalCalibration.Builder builder, Forecast forecast, int j, int periods, IntUnaryOperator limit) {
        int added = 0;
        for (int i = 0; i < forecast.seriesCount(); i++) {
            int s = plan.indexOf(forecast.seriesId(i));
            int last = limit.applyAsInt(s);
            if (last == BacktestPlan.LEFT_OUT || !plan.includes(j, s)) {
                continue;
            }
            int cutoff = plan.cutoff(j, s);
            Context c = context(j, s);
            double sum = 0;
            for (int k = 0; k < periods && cutoff + 1 + k <= last; k++) {
                double e = c.y()[k] - forecast.point(i, k);
                if (!Double.isFinite(e)) {
                    break;
                }
                sum += e;
                builder.add(c.demandClass(), k, sum / c.conformalScale());
                if (k == periods - 1) {
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
    private double[] window(int s, int cutoff) {
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

    /** True when every finite value is a whole number (and there is at least one). */
    static boolean counts(double[] history) {
        boolean any = false;
        for (double v : history) {
            if (Double.isFinite(v)) {
                if (v != Math.rint(v)) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    static String demandClass(double[] history) {
        return DemandProfile.of(history, 0, history.length).demandClass().label();
    }

    /** Sum of the last {@code h} observed history values (recent volume, M5's weighting idea in units). */
    private static double volume(double[] history, int h) {
        double sum = 0;
        for (int t = Math.max(0, history.length - h); t < history.length; t++) {
            if (!Double.isNaN(history[t])) {
                sum += Math.abs(history[t]);
            }
        }
        return sum;
    }
}
