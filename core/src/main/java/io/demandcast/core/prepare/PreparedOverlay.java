package io.demandcast.core.prepare;

import io.demandcast.core.config.DataConfig;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.config.InvalidConfigException;
import io.demandcast.core.config.PrepareConfig;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelColumns;
import io.demandcast.core.data.PreparedDataset;
import io.demandcast.core.data.TimeAxis;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The target of {@code data.files} followed by newer rows, prepared as {@link PrepareJob#prepareInMemory}
 * prepares both together, without reading {@code data.files} again: the newer rows are read alone and
 * laid after the prepared panel of the same files, and the prepare steps run over the joined target.
 * A daily {@code predict --data} of a per-series model then parses a week of rows instead of the whole
 * history (on the M5 aggregates, 798 rows instead of 226,000).
 *
 * <p>It stands for a full prepare only where running the cleaning again over already prepared rows
 * changes nothing and the newer rows only follow the old ones: negatives and gaps with a fill that
 * reads no neighbour ({@code zero}, {@code missing}), no outlier treatment, aggregation, features,
 * scaling or anonymisation, ended series not excluded, and every newer row after its series' last
 * prepared period with an observed target last. The cleaning then runs over the seam (a gap between the
 * old end and the first newer row is filled as a full prepare fills it; a series that stops is
 * extended to the new end). Anything else returns null and the caller prepares everything.
 */
public final class PreparedOverlay {
    private PreparedOverlay() {
    }

    /**
     * Why the overlay cannot stand for a full prepare under these settings, or null when it can.
     *
     * @param prepared the frequency of the prepared panel
     */
    static String unsupported(PrepareConfig p, io.demandcast.core.data.Frequency prepared) {
        if (p.gaps().target() != PrepareConfig.Fill.zero && p.gaps().target() != PrepareConfig.Fill.missing) {
            return "prepare.gaps.target: " + p.gaps().target() + " reads neighbouring values";
        }
        if (p.outliers().method() != PrepareConfig.OutlierMethod.none) {
            return "prepare.outliers";
        }
        if (p.aggregateFrequency() != null && p.aggregateFrequency() != prepared) {
            return "prepare.aggregate";
        }
        PrepareConfig.FeatureConfig f = p.features();
        if (!f.calendar().isEmpty() || !f.lags().isEmpty() || !f.rolling().windows().isEmpty() || f.price() != null) {
            return "prepare.features";
        }
        if (p.scaling().method() != PrepareConfig.ScalingMethod.none) {
            return "prepare.scaling";
        }
        if (p.anonymize() != null) {
            return "prepare.anonymize";
        }
        if (p.endedSeries() == PrepareConfig.EndedSeriesPolicy.exclude) {
            return "prepare.ended_series: exclude";
        }
        return null;
    }

    /**
     * @param config  the experiment, {@code data.files} without the newer file
     * @param newer   the newer rows, in the format and schema of {@code data.files}
     * @param dataset the prepared dataset of {@code config}; the caller has checked it is the one the model was
     *                fitted on, this checks it is still what {@code prepare} would make of {@code data.files}
     * @return the prepared data (the target only, no future rows), or null when the overlay cannot stand for a
     *         full prepare of {@code data.files} and {@code newer} (see the class comment)
     * @throws io.demandcast.core.data.DataException on a bad newer row, naming file, line and column
     */
    public static PreparedData overlay(ExperimentConfig config, Path newer, PreparedDataset dataset, Function<String, String> env)
            throws IOException {
        // The stored target is NaN at censored periods, which a prepare of the joined target would impute: a full prepare instead.
        if (unsupported(config.prepare(), dataset.manifest().axis().frequency()) != null
                || config.data().schema().censoringColumn() != null
                || PreparedFreshness.staleness(config, dataset) != null) {
            return null;
        }
        Panel old = dataset.readPanel(PanelColumns.targetOnly());
        Panel fresh = PrepareJob.readRaw(alone(config, newer), new ArrayList<>());
        Panel joined = join(old, fresh);
        if (joined == null) {
            return null;
        }
        try {
            return Preparer.prepare(joined, config.prepare(), env, List.of());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("prepare: " + e.getMessage(), e);
        }
    }

    /** The config reading {@code newer} alone, with the duplicate rule {@code predict.data} reads it with. */
    private static ExperimentConfig alone(ExperimentConfig config, Path newer) {
        DataConfig d = PrepareJob.withNewerData(config, newer).data();
        return config.withData(new DataConfig(List.of(newer.toString()), d.schema(), d.frequency(), d.calendar(), d.seasonLength(),
                d.series(), d.attributes(), d.joins(), d.format(), d.duplicates()));
    }

    /**
     * The target of {@code old}'s series, each followed by its rows of {@code fresh} (moved to {@code old}'s
     * axis), then the series only {@code fresh} has; null when a fresh row does not follow its series' old
     * rows, a date falls off the old axis, or a fresh series ends on a missing target (future rows).
     */
    static Panel join(Panel old, Panel fresh) {
        TimeAxis axis = old.axis();
        if (fresh.frequency() != axis.frequency()) {
            return null;
        }
        int[] moved = new int[fresh.rowCount()];
        for (int r = 0; r < moved.length; r++) {
            java.time.LocalDate date = fresh.axis().date(fresh.period(r));
            if (!axis.fits(date)) {
                return null;
            }
            moved[r] = axis.period(date);
        }
        List<Integer> added = new ArrayList<>();
        for (int s = 0; s < fresh.seriesCount(); s++) {
            if (fresh.length(s) == 0) {
                continue;
            }
            if (Double.isNaN(fresh.target(fresh.rowEnd(s) - 1))) {
                return null;
            }
            int o = old.indexOf(fresh.seriesId(s));
            if (o < 0) {
                added.add(s);
            } else if (old.length(o) > 0 && moved[fresh.rowStart(s)] <= old.lastPeriod(o)) {
                return null;
            }
        }
        int n = old.seriesCount() + added.size();
        String[] ids = new String[n];
        int[] offsets = new int[n + 1];
        int rows = old.rowCount() + fresh.rowCount();
        int[] periods = new int[rows];
        double[] target = new double[rows];
        int[] oldPeriods = old.periodColumn();
        double[] oldTarget = old.targetColumn();
        int at = 0;
        for (int s = 0; s < n; s++) {
            boolean isOld = s < old.seriesCount();
            ids[s] = isOld ? old.seriesId(s) : null;
            int f;
            if (isOld) {
                int len = old.length(s);
                System.arraycopy(oldPeriods, old.rowStart(s), periods, at, len);
                System.arraycopy(oldTarget, old.rowStart(s), target, at, len);
                at += len;
                f = fresh.indexOf(ids[s]);
            } else {
                f = added.get(s - old.seriesCount());
                ids[s] = fresh.seriesId(f);
            }
            if (f >= 0) {
                for (int r = fresh.rowStart(f); r < fresh.rowEnd(f); r++) {
                    periods[at] = moved[r];
                    target[at++] = fresh.target(r);
                }
            }
            offsets[s + 1] = at;
        }
        return new Panel(axis, ids, offsets, periods, target, Map.of(), Map.of(), Map.of());
    }
}
