package io.demandcast.core.evaluate;

/**
 * How well a forecast calls the direction of change, as a confusion matrix with "up" as the
 * positive class.
 *
 * <p>At step {@code t} the actual moved up when {@code y_t > y_{t-1}} and the forecast called up
 * when {@code f_t > f_{t-1}}; both chains start from the last training value, so step 1 compares
 * {@code y_1} and {@code f_1} with it. A zero change (tie) counts as "not up". A step is skipped
 * when {@code y_t}, or the actual it is compared with, is NaN, or when there is no last training
 * value (step 1 only). Comparing step to step, rather than each forecast with the last actual,
 * judges the shape the model predicts, not just its level.
 *
 * @param truePositives  steps where both went up
 * @param falsePositives steps where the forecast went up and the actual did not
 * @param trueNegatives  steps where neither went up
 * @param falseNegatives steps where the actual went up and the forecast did not
 */
public record DirectionScore(long truePositives, long falsePositives, long trueNegatives, long falseNegatives) {

    /** No steps. */
    public static final DirectionScore EMPTY = new DirectionScore(0, 0, 0, 0);

    public DirectionScore {
        if (truePositives < 0 || falsePositives < 0 || trueNegatives < 0 || falseNegatives < 0) {
            throw new IllegalArgumentException("direction counts must be >= 0");
        }
    }

    /**
     * Scores one series.
     *
     * @param lastTraining last training value (NaN when unknown: step 1 is then skipped)
     * @param actual       actuals over the horizon (NaN = missing)
     * @param forecast     forecasts of the same periods, finite
     * @throws IllegalArgumentException when the lengths differ
     */
    public static DirectionScore of(double lastTraining, double[] actual, double[] forecast) {
        if (actual.length != forecast.length) {
            throw new IllegalArgumentException("actual has " + actual.length + " values, forecast " + forecast.length);
        }
        boolean[] calls = new boolean[forecast.length];
        for (int t = 0; t < forecast.length; t++) {
            calls[t] = forecast[t] > (t == 0 ? lastTraining : forecast[t - 1]);
        }
        return ofCalls(lastTraining, actual, calls);
    }

    /**
     * Scores one series' direction calls made by a model directly (a direction head), step by step
     * against the actual's moves, with the same skipping rules as {@link #of}.
     *
     * @param calledUp per step, whether the model called a rise from the step before
     * @throws IllegalArgumentException when the lengths differ
     */
    public static DirectionScore ofCalls(double lastTraining, double[] actual, boolean[] calledUp) {
        if (actual.length != calledUp.length) {
            throw new IllegalArgumentException("actual has " + actual.length + " values, calls " + calledUp.length);
        }
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (int t = 0; t < actual.length; t++) {
            double previousActual = t == 0 ? lastTraining : actual[t - 1];
            if (Double.isNaN(actual[t]) || Double.isNaN(previousActual)) {
                continue;
            }
            boolean actualUp = actual[t] > previousActual;
            boolean forecastUp = calledUp[t];
            if (actualUp && forecastUp) {
                tp++;
            } else if (forecastUp) {
                fp++;
            } else if (actualUp) {
                fn++;
            } else {
                tn++;
            }
        }
        return new DirectionScore(tp, fp, tn, fn);
    }

    /** The counts of both scores added (pools series). */
    public DirectionScore plus(DirectionScore other) {
        return new DirectionScore(truePositives + other.truePositives, falsePositives + other.falsePositives,
                trueNegatives + other.trueNegatives, falseNegatives + other.falseNegatives);
    }

    /** Steps scored. */
    public long steps() {
        return truePositives + falsePositives + trueNegatives + falseNegatives;
    }

    /** Share of steps whose direction (up / not up) was called right; NaN without steps. */
    public double accuracy() {
        long steps = steps();
        return steps == 0 ? Double.NaN : (double) (truePositives + trueNegatives) / steps;
    }

    /** Of the steps called up, the share that went up; NaN when none was called up. */
    public double precision() {
        long called = truePositives + falsePositives;
        return called == 0 ? Double.NaN : (double) truePositives / called;
    }

    /** Of the steps that went up, the share called up; NaN when none went up. */
    public double recall() {
        long up = truePositives + falseNegatives;
        return up == 0 ? Double.NaN : (double) truePositives / up;
    }

    /**
     * Harmonic mean of precision and recall, {@code 2TP / (2TP + FP + FN)}; NaN when there is no
     * "up" step at all, either called or actual.
     */
    public double f1() {
        long denominator = 2 * truePositives + falsePositives + falseNegatives;
        return denominator == 0 ? Double.NaN : (double) (2 * truePositives) / denominator;
    }
}
