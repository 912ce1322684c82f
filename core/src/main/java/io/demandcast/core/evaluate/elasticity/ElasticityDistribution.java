package io.demandcast.core.evaluate.elasticity;

/**
 * How the series' estimated elasticities spread: counts, the share below zero, the share whose
 * whole 95 % interval is below zero, and quartiles (R's type 7).
 *
 * @param series                     series considered
 * @param estimable                  series with an estimate
 * @param shareNegative              share of the estimable series with an estimate below zero
 * @param shareSignificantlyNegative share of the estimable series whose interval is below zero
 * @param q1                         lower quartile of the estimates (NaN when none)
 * @param median                     median
 * @param q3                         upper quartile
 */
public record ElasticityDistribution(int series, int estimable, double shareNegative, double shareSignificantlyNegative,
                                     double q1, double median, double q3) {
}
