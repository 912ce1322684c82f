package io.demandcast.core.prepare;

/**
 * Intermittency statistics of one target series, over its non-NaN values in time order.
 *
 * <p>ADI is the mean interval between non-zero demands, the first interval counted from the start
 * of the series (as in Croston's method and R's tsintermittent): ADI = (position of the last
 * non-zero value, counting from 1) / (number of non-zero values). CV² is the squared coefficient
 * of variation of the non-zero sizes with the population standard deviation, so a single demand
 * has CV² 0. Both are NaN, and the class {@link DemandClass#NO_DEMAND}, without non-zero values.
 *
 * @param observed  non-NaN values
 * @param zeroShare share of observed values that are 0 (NaN when none is observed)
 * @param adi       average demand interval in periods
 * @param cv2       squared coefficient of variation of non-zero sizes
 * @param demandClass Syntetos–Boylan class
 */
public record DemandProfile(int observed, double zeroShare, double adi, double cv2, DemandClass demandClass) {

    /** Profile of {@code values[from..to-1]}. */
    public static DemandProfile of(double[] values, int from, int to) {
        int observed = 0;
        int zeros = 0;
        int nonZero = 0;
        int lastNonZeroPosition = 0;
        double sum = 0;
        for (int i = from; i < to; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                continue;
            }
            observed++;
            if (v == 0) {
                zeros++;
            } else {
                nonZero++;
                lastNonZeroPosition = observed;
                sum += v;
            }
        }
        double zeroShare = observed == 0 ? Double.NaN : (double) zeros / observed;
        if (nonZero == 0) {
            return new DemandProfile(observed, zeroShare, Double.NaN, Double.NaN, DemandClass.NO_DEMAND);
        }
        double mean = sum / nonZero;
        double squares = 0;
        for (int i = from; i < to; i++) {
            double v = values[i];
            if (!Double.isNaN(v) && v != 0) {
                squares += (v - mean) * (v - mean);
            }
        }
        double variance = squares / nonZero;
        double cv2 = variance / (mean * mean);
        double adi = (double) lastNonZeroPosition / nonZero;
        return new DemandProfile(observed, zeroShare, adi, cv2, DemandClass.of(adi, cv2));
    }
}
