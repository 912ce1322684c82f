package io.demandcast.core.evaluate.report;

/**
 * How often the actuals fell inside a model's intervals of one nominal level.
 *
 * @param nominal           the level the intervals promise, e.g. 0.8
 * @param modelCoverage     observed share of actuals inside the model's own intervals, NaN when not computed
 * @param conformalCoverage observed share inside the conformal intervals, NaN when not computed
 */
public record CoveragePoint(double nominal, double modelCoverage, double conformalCoverage) {

    /** @throws IllegalArgumentException when the nominal level is not strictly between 0 and 1 */
    public CoveragePoint {
        if (!(nominal > 0 && nominal < 1)) {
            throw new IllegalArgumentException("nominal coverage must be in (0, 1) (got " + nominal + ")");
        }
    }
}
