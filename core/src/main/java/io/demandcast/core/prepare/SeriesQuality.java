package io.demandcast.core.prepare;

/**
 * Data quality of one series. Lengths, zero share and the demand profile describe the prepared
 * target (after cleaning and aggregation, the series models will see); the counts describe what
 * cleaning changed at the input frequency.
 *
 * @param seriesId          series id as in the prepared panel (anonymous when anonymised)
 * @param length            prepared periods
 * @param zeroShare         share of prepared non-NaN targets that are 0
 * @param filledPeriods     absent periods inserted
 * @param imputedCells      empty target cells imputed
 * @param imputedCovariates covariate cells imputed
 * @param negatives         negative targets found
 * @param outliers          outliers found
 * @param adi               average demand interval (NaN without demand)
 * @param cv2               squared coefficient of variation of non-zero sizes (NaN without demand)
 * @param demandClass       Syntetos–Boylan class
 * @param censored          prepared periods out of stock (censored demand, target NaN; see {@link Censoring})
 */
public record SeriesQuality(String seriesId, int length, double zeroShare, int filledPeriods, int imputedCells,
                            int imputedCovariates, int negatives, int outliers, double adi, double cv2,
                            DemandClass demandClass, int censored) {

    /** No period censored. */
    public SeriesQuality(String seriesId, int length, double zeroShare, int filledPeriods, int imputedCells,
                         int imputedCovariates, int negatives, int outliers, double adi, double cv2, DemandClass demandClass) {
        this(seriesId, length, zeroShare, filledPeriods, imputedCells, imputedCovariates, negatives, outliers, adi, cv2, demandClass, 0);
    }

    /** Cells cleaning changed or inserted (covariate imputations aside), as a share of the prepared length. */
    public double changedShare() {
        int changed = filledPeriods + imputedCells + negatives + outliers;
        return length == 0 ? (changed > 0 ? 1.0 : 0.0) : (double) changed / length;
    }
}
