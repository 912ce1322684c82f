package io.demandcast.core.prepare;

import java.util.Arrays;

/**
 * What cleaning changed, per series in panel order, at the input frequency (before aggregation).
 * Arrays are copied in and out, so the record stays immutable.
 *
 * @param negatives         negative targets found (changed unless {@code prepare.negatives: keep})
 * @param filledPeriods     absent periods inserted by gap filling
 * @param imputedCells      empty target cells of present periods that got a value
 * @param imputedCovariates numeric covariate cells that got a value (inserted periods included)
 * @param outliers          target outliers found (changed unless {@code prepare.outliers.action: flag})
 */
public record CleaningCounts(int[] negatives, int[] filledPeriods, int[] imputedCells, int[] imputedCovariates,
                             int[] outliers) {

    public CleaningCounts {
        int n = negatives.length;
        if (filledPeriods.length != n || imputedCells.length != n || imputedCovariates.length != n || outliers.length != n) {
            throw new IllegalArgumentException("every count needs one entry per series (" + n + ")");
        }
        negatives = negatives.clone();
        filledPeriods = filledPeriods.clone();
        imputedCells = imputedCells.clone();
        imputedCovariates = imputedCovariates.clone();
        outliers = outliers.clone();
    }

    @Override
    public int[] negatives() {
        return negatives.clone();
    }

    @Override
    public int[] filledPeriods() {
        return filledPeriods.clone();
    }

    @Override
    public int[] imputedCells() {
        return imputedCells.clone();
    }

    @Override
    public int[] imputedCovariates() {
        return imputedCovariates.clone();
    }

    @Override
    public int[] outliers() {
        return outliers.clone();
    }

    public long totalNegatives() {
        return Arrays.stream(negatives).asLongStream().sum();
    }

    public long totalFilledPeriods() {
        return Arrays.stream(filledPeriods).asLongStream().sum();
    }

    public long totalImputedCells() {
        return Arrays.stream(imputedCells).asLongStream().sum();
    }

    public long totalImputedCovariates() {
        return Arrays.stream(imputedCovariates).asLongStream().sum();
    }

    public long totalOutliers() {
        return Arrays.stream(outliers).asLongStream().sum();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CleaningCounts c && Arrays.equals(negatives, c.negatives)
                && Arrays.equals(filledPeriods, c.filledPeriods) && Arrays.equals(imputedCells, c.imputedCells)
                && Arrays.equals(imputedCovariates, c.imputedCovariates) && Arrays.equals(outliers, c.outliers);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {Arrays.hashCode(negatives), Arrays.hashCode(filledPeriods),
                Arrays.hashCode(imputedCells), Arrays.hashCode(imputedCovariates), Arrays.hashCode(outliers)});
    }

    @Override
    public String toString() {
        return "CleaningCounts[negatives=" + totalNegatives() + ", filledPeriods=" + totalFilledPeriods()
                + ", imputedCells=" + totalImputedCells() + ", imputedCovariates=" + totalImputedCovariates()
                + ", outliers=" + totalOutliers() + "]";
    }
}
