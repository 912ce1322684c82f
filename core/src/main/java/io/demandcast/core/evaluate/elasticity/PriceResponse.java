package io.demandcast.core.evaluate.elasticity;

import io.demandcast.core.data.Panel;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How one fitted model's forecast responds to a price cut: the same request forecast twice, with the
 * price column as planned and with it multiplied by {@value #FACTOR} over every forecast period, summed
 * over the horizon per series. A model whose total forecast falls when price falls responds with the
 * wrong sign for ordinary goods. One extra forecast of the fitted model, no fit.
 *
 * @param model  the model's name
 * @param series one response per series of the request, in its order
 */
public record PriceResponse(String model, List<SeriesResponse> series) {
    /** The price multiplier of the probe: a 10 % cut. */
    public static final double FACTOR = 0.9;
    /** Relative change of the total forecast below which a model is taken not to respond. */
    static final double TOLERANCE = 1e-9;

    public PriceResponse {
        Objects.requireNonNull(model, "model");
        series = List.copyOf(series);
    }

    /**
     * One series' response.
     *
     * @param seriesId the series
     * @param base     the forecast summed over the horizon, price as planned
     * @param cut      the same with price × {@value #FACTOR}
     * @param implied  the model's implied arc elasticity {@code ln(cut/base) / ln(0.9)}; NaN when a
     *                 total is not positive
     */
    public record SeriesResponse(String seriesId, double base, double cut, double implied) {
        /** The forecast falls when price falls (beyond {@link #TOLERANCE} of the base). */
        public boolean wrongSign() {
            return cut < base - TOLERANCE * Math.abs(base);
        }

        /** The forecast does not move with price. */
        public boolean flat() {
            return Math.abs(cut - base) <= TOLERANCE * Math.abs(base);
        }
    }

    /**
     * The response of {@code fitted} to {@code request} with its price cut.
     *
     * @param base  the model's forecast of {@code request} (already made by the backtest)
     * @param price the price column of the request's future covariates
     * @throws IllegalArgumentException when the request has no future covariates or no such column
     */
    public static PriceResponse of(String model, FittedModel fitted, ForecastRequest request, Forecast base, String price) {
        Panel future = request.futureCovariates();
        if (future == null || !future.hasNumeric(price)) {
            throw new IllegalArgumentException("the forecast request of model " + model + " has no future '" + price + "' column");
        }
        double[] column = future.numericColumn(price);
        for (int r = 0; r < column.length; r++) {
            column[r] *= FACTOR;
        }
        Forecast cut = fitted.forecast(new ForecastRequest(request.horizon(), request.quantileLevels(), future.withNumeric(price, column)));
        java.util.Map<String, Integer> cutIndex = new java.util.HashMap<>();
        for (int c = 0; c < cut.seriesCount(); c++) {
            cutIndex.put(cut.seriesId(c), c);
        }
        List<SeriesResponse> out = new ArrayList<>();
        for (int s = 0; s < base.seriesCount(); s++) {
            Integer c = cutIndex.get(base.seriesId(s));
            if (c == null) {
                continue;
            }
            double b = sum(base.points(s));
            double k = sum(cut.points(c));
            double implied = b > 0 && k > 0 ? Math.log(k / b) / Math.log(FACTOR) : Double.NaN;
            out.add(new SeriesResponse(base.seriesId(s), b, k, implied));
        }
        return new PriceResponse(model, out);
    }

    public long wrongSignCount() {
        return series.stream().filter(SeriesResponse::wrongSign).count();
    }

    public long flatCount() {
        return series.stream().filter(SeriesResponse::flat).count();
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                s += v;
            }
        }
        return s;
    }
}
