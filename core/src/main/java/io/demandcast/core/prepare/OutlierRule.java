package io.demandcast.core.prepare;

/**
 * Decides, for each point of one series segment, the band outside which it is an outlier and the
 * typical value that replaces it. NaN points are never outliers.
 */
interface OutlierRule {

    /**
     * Writes, for every index {@code i} in {@code from..to-1}, {@code lower[i]}, {@code upper[i]} and
     * {@code centre[i]}; all three are NaN where the rule cannot decide (no spread, too few values).
     */
    void bands(double[] values, int from, int to, double[] lower, double[] upper, double[] centre);
}
