package io.demandcast.core.prepare;

import io.demandcast.core.data.Panel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Per-series data quality of a prepared panel plus totals; rendered as {@code quality.json} and
 * {@code quality.md} by {@link QualityReportWriter}.
 *
 * <p>The demand classification is computed on the prepared target: regular, cleaned (negatives,
 * imputation, clipped or replaced outliers) and aggregated, because that is the series the models
 * are fitted on and the class is used to choose among them (Croston for intermittent, ETS for
 * smooth). Flagged outliers are not changed, so they count in the profile.
 */
public record QualityReport(List<SeriesQuality> series, boolean censoring) {

    /**
     * @param censoring whether the data had a stock column ({@code data.schema.availability} or {@code on_hand}), so
     *                  that the censored counts are reported
     */
    public QualityReport {
        series = List.copyOf(series);
    }

    /** Without a stock column. */
    public QualityReport(List<SeriesQuality> series) {
        this(series, false);
    }

    /** Totals over all series; {@code censored} is -1 without a stock column. */
    public record Summary(int seriesCount, long periods, Map<DemandClass, Integer> demandClasses, long filledPeriods,
                          long imputedCells, long imputedCovariates, long negatives, long outliers, double zeroShare,
                          long censored) {
        public Summary {
            demandClasses = Collections.unmodifiableMap(new EnumMap<>(demandClasses));
        }
    }

    /** Builds the report from the final panel and the cleaning counts (same series order). */
    public static QualityReport of(Panel prepared, CleaningCounts counts) {
        int n = prepared.seriesCount();
        int[] negatives = counts.negatives();
        if (negatives.length != n) {
            throw new IllegalArgumentException("counts cover " + negatives.length + " series, the panel " + n);
        }
        int[] filled = counts.filledPeriods();
        int[] imputed = counts.imputedCells();
        int[] imputedCov = counts.imputedCovariates();
        int[] outliers = counts.outliers();
        int[] censored = Censoring.counts(prepared);
        List<SeriesQuality> rows = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            double[] values = prepared.values(s); // one series at a time, not a copy of the whole target
            DemandProfile p = DemandProfile.of(values, 0, values.length);
            rows.add(new SeriesQuality(prepared.seriesId(s), prepared.length(s), p.zeroShare(), filled[s], imputed[s],
                    imputedCov[s], negatives[s], outliers[s], p.adi(), p.cv2(), p.demandClass(), censored[s]));
        }
        return new QualityReport(rows, prepared.hasNumeric(Censoring.COLUMN));
    }

    public Summary summary() {
        Map<DemandClass, Integer> classes = new EnumMap<>(DemandClass.class);
        for (DemandClass c : DemandClass.values()) {
            classes.put(c, 0);
        }
        long periods = 0;
        long filled = 0;
        long imputed = 0;
        long imputedCov = 0;
        long negatives = 0;
        long outliers = 0;
        long censored = 0;
        double zeros = 0;
        long observed = 0;
        for (SeriesQuality q : series) {
            classes.merge(q.demandClass(), 1, Integer::sum);
            periods += q.length();
            filled += q.filledPeriods();
            imputed += q.imputedCells();
            imputedCov += q.imputedCovariates();
            negatives += q.negatives();
            outliers += q.outliers();
            censored += q.censored();
            if (!Double.isNaN(q.zeroShare())) {
                zeros += q.zeroShare() * q.length();
                observed += q.length();
            }
        }
        return new Summary(series.size(), periods, classes, filled, imputed, imputedCov, negatives, outliers,
                observed == 0 ? Double.NaN : zeros / observed, censoring ? censored : -1);
    }

    /**
     * The series cleaning changed most, as a share of their length, then those with most zeros;
     * at most {@code limit}.
     */
    public List<SeriesQuality> worst(int limit) {
        return series.stream()
                .sorted(Comparator.comparingDouble(SeriesQuality::changedShare).reversed()
                        .thenComparing(Comparator.comparingDouble((SeriesQuality q) ->
                                Double.isNaN(q.zeroShare()) ? 1.0 : q.zeroShare()).reversed())
                        .thenComparing(SeriesQuality::seriesId))
                .limit(limit)
                .toList();
    }

    /** Writes {@code quality.json} and {@code quality.md} into a directory (created when absent). */
    public void writeTo(Path directory) throws IOException {
        QualityReportWriter.write(this, directory);
    }
}
