package io.demandcast.core.plan;

import io.demandcast.core.evaluate.CumulativeScores;
import io.demandcast.core.evaluate.ForecastCalibration;
import io.demandcast.core.model.Forecast;

/**
 * Lead-time demand of a series whose model cannot simulate, from the bootstrap of backtest errors
 * that {@code train} recorded with its conformal calibration ({@link CumulativeScores}): the point
 * forecasts summed over the interval (each clipped at 0 when the model's forecasts are) plus the
 * series' scale times each scale-free cumulative error of its demand class for that interval length,
 * {@link BootstrapDraws} as the backtest's policy simulation draws them (cut at 0 when forecasts are
 * clipped, rounded to the nearest whole number for count data).
 */
final class BacktestBootstrap {
    /** The method of a bootstrap of the calibration backtest's cumulative errors. */
    static final String METHOD = "backtest_bootstrap";

    private BacktestBootstrap() {
    }

    /**
     * The demand of series {@code s} of {@code forecast} (whose horizon is the interval), or null when
     * the calibration has no cumulative errors for it: none recorded (no calibration, trained without
     * conformal intervals or by an older build), no scale for the series, an interval longer than the
     * calibration backtest's horizon, or a non-finite forecast.
     */
    static LeadTimeDemand demand(ForecastCalibration calibration, Forecast forecast, int s, boolean clipAtZero) {
        if (calibration == null || calibration.cumulative() == null) {
            return null;
        }
        String id = forecast.seriesId(s);
        Double scale = calibration.scales().get(id);
        double[] errors = calibration.cumulative().scores(calibration.groups().get(id), forecast.horizon());
        if (scale == null || errors.length == 0) {
            return null;
        }
        double sum = 0;
        for (int k = 0; k < forecast.horizon(); k++) {
            double point = forecast.point(s, k);
            sum += clipAtZero ? Math.max(0, point) : point;
        }
        if (!Double.isFinite(sum)) {
            return null;
        }
        boolean counts = calibration.counts().contains(id);
        return new EmpiricalLeadTimeDemand(BootstrapDraws.of(sum, scale, errors, clipAtZero, counts, false));
    }
}
