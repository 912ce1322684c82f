package io.demandcast.core.model.ml.features;

/**
 * One series' inputs on consecutive periods, dense (position {@code i} is period
 * {@code firstPeriod + i}; NaN where a value is missing or unknown), from which {@link FeatureLayout}
 * reads feature rows. In training it spans the series' history; in forecasting the history's last
 * periods the model needs followed by the forecast periods, whose {@link #z} a recursive forecast
 * fills step by step. Scratch data: owned by one fit or forecast call.
 *
 * @param z           the target, scaled and transformed
 * @param known       per {@link FeatureSchema#known()} column
 * @param price       per {@link FeatureSchema#price()} column
 * @param categorical per {@link FeatureSchema#categorical()} column, codes of the model's coding (-1 none)
 * @param pastOnly    per {@link FeatureSchema#pastOnly()} column
 * @param logScale    log1p of the series' scale
 * @param priceMean   per price column, the series' mean price in the training data
 * @param staticCodes per {@link FeatureSchema#statics()} column, the series' code (-1 unseen)
 */
public record SeriesFrame(int firstPeriod, double[] z, double[][] known, double[][] price, int[][] categorical,
                          double[][] pastOnly, double logScale, double[] priceMean, int[] staticCodes) {

    public int length() {
        return z.length;
    }
}
