package io.demandcast.core.model.deep;

/** What gives the {@code horizon} outputs of windows: one network, or an ensemble's mean. */
interface LstmPredictor {
    /**
     * The outputs in inference mode (no dropout).
     *
     * @param window {@code rows × windowChannels × lookback}, row-major
     * @param future {@code rows × futureSize}
     * @return {@code rows × outputs}, row-major
     */
    float[] predict(float[] window, float[] future, int rows);

    /**
     * Every output from one pass: the quantities, the direction head's probabilities (null without the
     * head) and the quantile output (null without {@code quantiles: loss}); see {@link LstmNetwork#predictBoth}.
     */
    float[][] predictBoth(float[] window, float[] future, int rows);
}
