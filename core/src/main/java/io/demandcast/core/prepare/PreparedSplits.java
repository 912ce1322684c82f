package io.demandcast.core.prepare;

import io.demandcast.core.config.TrainConfig.FitOn;
import io.demandcast.core.data.DataException;
import io.demandcast.core.data.DatasetManifest;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelColumns;
import io.demandcast.core.data.PreparedDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Opens a prepared dataset and cuts its panel at the split dates its manifest records, so train,
 * evaluate and predict agree on what "train" and "test" are.
 *
 * <p>Two views of the same rows: {@link #all()}, {@link #upTo} and {@link #test()} carry the
 * prepared target (cleaned of outliers when {@code prepare} clipped or replaced them), which models
 * fit on; {@link #actuals()} carries the target as read, which forecasts are scored against. The
 * column {@value OutlierTreatment#RAW_TARGET_COLUMN} that holds it is in neither view, so no model
 * can take the uncleaned target for a covariate.
 */
public final class PreparedSplits {
    private final PreparedDataset dataset;
    private final Panel panel;
    private final Panel actuals;
    private final CensoredPeriods censored;

    private PreparedSplits(PreparedDataset dataset, Panel stored) {
        this.dataset = dataset;
        // The censored mark is a fact about the target, not a covariate: in neither view, kept apart.
        this.censored = CensoredPeriods.of(stored);
        if (stored.hasNumeric(Censoring.COLUMN)) {
            stored = stored.withoutNumeric(Censoring.COLUMN);
        }
        if (stored.hasNumeric(OutlierTreatment.RAW_TARGET_COLUMN)) {
            this.panel = stored.withoutNumeric(OutlierTreatment.RAW_TARGET_COLUMN);
            this.actuals = panel.withTarget(stored.numericColumn(OutlierTreatment.RAW_TARGET_COLUMN));
        } else {
            this.panel = stored;
            this.actuals = stored;
        }
    }

    /**
     * @throws DataException telling the user to run {@code prepare} when the directory is missing
     */
    public static PreparedSplits open(Path directory) throws IOException {
        return read(dataset(directory), PanelColumns.ALL);
    }

    /**
     * As {@link #open(Path)}, with only the columns {@code columns} selects (and the target before
     * outlier treatment, which {@link #actuals()} needs).
     */
    public static PreparedSplits open(Path directory, PanelColumns columns) throws IOException {
        return read(dataset(directory), columns);
    }

    /**
     * Opens a prepared dataset (its manifest) without reading the panel: what a verb needs to choose
     * the columns to load before {@link #read}.
     *
     * @throws DataException telling the user to run {@code prepare} when the directory is missing
     */
    public static PreparedDataset dataset(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new DataException(directory + ": no prepared dataset here; run 'demandcast prepare' with this config first");
        }
        return PreparedDataset.open(directory);
    }

    /** Reads the panel of an opened dataset with the columns {@code columns} selects (see {@link #open(Path, PanelColumns)}). */
    public static PreparedSplits read(PreparedDataset dataset, PanelColumns columns) throws IOException {
        PanelColumns withRaw = columns.numeric() == null ? columns : new PanelColumns(
                java.util.stream.Stream.concat(columns.numeric().stream(),
                                java.util.stream.Stream.of(OutlierTreatment.RAW_TARGET_COLUMN, Censoring.COLUMN))
                        .collect(java.util.stream.Collectors.toSet()), columns.categorical());
        return new PreparedSplits(dataset, dataset.readPanel(withRaw));
    }

    public PreparedDataset dataset() {
        return dataset;
    }

    /** Every prepared row, with the prepared target. */
    public Panel all() {
        return panel;
    }

    /**
     * Every prepared row with the target as it was before outlier treatment: the values to score
     * forecasts against. When {@code prepare} clipped or replaced outliers this is the target of
     * {@link #all()} with the outliers restored (periods that were absent or empty keep their
     * imputed value: nothing was observed there); otherwise it is {@link #all()} itself. Covariates
     * and features are those of {@link #all()}.
     */
    public Panel actuals() {
        return actuals;
    }

    /**
     * The censored (out-of-stock) periods, whose target is NaN in both views (see {@link Censoring});
     * {@link CensoredPeriods#NONE} when the data has no stock column.
     */
    public CensoredPeriods censored() {
        return censored;
    }

    /** The rows a model is fitted on. */
    public Panel upTo(FitOn fitOn) {
        DatasetManifest.Split split = dataset.manifest().split();
        return switch (fitOn) {
            case all -> panel;
            case train -> until(split.trainEnd());
            case train_validation -> until(split.validationEnd() != null ? split.validationEnd() : split.trainEnd());
        };
    }

    /** The test rows: everything after the validation (or train) end; empty when there is no test split. */
    public Panel test() {
        DatasetManifest.Split split = dataset.manifest().split();
        if (split.testEnd() == null) {
            return panel.slice(Integer.MAX_VALUE, Integer.MAX_VALUE);
        }
        LocalDate before = split.validationEnd() != null ? split.validationEnd() : split.trainEnd();
        return panel.slice(panel.axis().period(before) + 1, panel.axis().period(split.testEnd()));
    }

    /**
     * The covariate columns observed only up to a cutoff ({@code columns.past_only} of the manifest):
     * a forecast request never carries them.
     */
    public List<String> pastOnly() {
        return dataset.manifest().columns().pastOnly();
    }

    /**
     * The rows after each series' last target value ({@code future.bin}), with the target NaN, or null
     * when the data has none. Like {@link #all()} it lacks {@value OutlierTreatment#RAW_TARGET_COLUMN} and
     * {@value Censoring#COLUMN}.
     */
    public Panel future() throws IOException {
        Panel future = dataset.readFuture();
        future = future != null && future.hasNumeric(OutlierTreatment.RAW_TARGET_COLUMN)
                ? future.withoutNumeric(OutlierTreatment.RAW_TARGET_COLUMN) : future;
        return future != null && future.hasNumeric(Censoring.COLUMN) ? future.withoutNumeric(Censoring.COLUMN) : future;
    }

    /** Number of periods in the test split (0 when none). */
    public int testPeriods() {
        return testPeriods(dataset.manifest());
    }

    /**
     * Number of periods in the test split a manifest records (0 when none), without reading the
     * panel.
     */
    public static int testPeriods(DatasetManifest manifest) {
        DatasetManifest.Split split = manifest.split();
        if (split.testEnd() == null) {
            return 0;
        }
        LocalDate before = split.validationEnd() != null ? split.validationEnd() : split.trainEnd();
        return manifest.axis().period(split.testEnd()) - manifest.axis().period(before);
    }

    private Panel until(LocalDate end) {
        return end == null ? panel : panel.sliceUntil(panel.axis().period(end));
    }
}
