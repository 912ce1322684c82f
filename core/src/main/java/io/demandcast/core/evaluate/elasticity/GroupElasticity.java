package io.demandcast.core.evaluate.elasticity;

/**
 * The elasticity of one group of series (one value of a static column, e.g. brand 3): the
 * precision-weighted mean of its series' estimates (weights {@code 1/se²}, the fixed-effect
 * meta-analysis estimate), its standard error {@code 1/sqrt(Σ 1/se²)} and normal 95 % interval,
 * and the median of the series' estimates. The interval assumes one elasticity shared by the
 * group's series: when they differ, it is narrower than the spread of the series (the median and
 * the per-series table show that spread).
 *
 * @param column    the static column, e.g. {@code brand}
 * @param group     its value
 * @param series    series of the group
 * @param estimable series of the group with an estimate
 * @param pooled    the precision-weighted mean; NaN when no series is estimable
 * @param se        its standard error
 * @param lo        lower bound of the 95 % interval
 * @param hi        upper bound of the 95 % interval
 * @param median    median of the series' estimates
 */
public record GroupElasticity(String column, String group, int series, int estimable, double pooled, double se, double lo,
                              double hi, double median) {
}
