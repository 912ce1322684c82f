package io.demandcast.core.plan;

/**
 * Lead-time demand draws from a bootstrap of scale-free cumulative backtest errors: the forecast
 * summed over the interval plus the series' scale times each error, {@code F + scale * e}. Shared by
 * the backtest's policy simulation and {@code predict --lead-time} so both draw the same way.
 */
public final class BootstrapDraws {
    private BootstrapDraws() {
    }

    /**
     * One draw per error, in the errors' order.
     *
     * @param forecastSum the point forecasts summed over the interval
     * @param scale       the series' scale the errors were divided by
     * @param errors      scale-free cumulative errors of the interval's length
     * @param clipAtZero  cut each draw at 0 (demand is never negative)
     * @param counts      count data (whole-number history): each draw is rounded to a whole number,
     *                    to the nearest (a continuity correction: a draw of 2.4 stands for a demand
     *                    of 2) or up when {@code roundUp}
     * @param roundUp     round count draws up instead of to the nearest whole number
     */
    public static double[] of(double forecastSum, double scale, double[] errors, boolean clipAtZero, boolean counts,
                              boolean roundUp) {
        double[] draws = new double[errors.length];
        for (int e = 0; e < errors.length; e++) {
            double d = forecastSum + scale * errors[e];
            if (clipAtZero) {
                d = Math.max(d, 0);
            }
            draws[e] = !counts ? d : roundUp ? Math.ceil(d - 1e-9) : Math.rint(d);
        }
        return draws;
    }
}
