package io.demandcast.core.prepare;

import io.demandcast.core.config.InvalidConfigException;
import io.demandcast.core.config.PrepareConfig;
import io.demandcast.core.config.PrepareConfig.EndedSeriesPolicy;
import io.demandcast.core.config.PrepareConfig.FeatureConfig;
import io.demandcast.core.config.PrepareConfig.ScalingMethod;
import io.demandcast.core.config.SchemaConfig;
import io.demandcast.core.data.DataException;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code prepare} pipeline. Steps, in order: negatives ({@link NegativeValues}), gaps and
 * empty cells ({@link GapFiller}), outliers ({@link OutlierTreatment}), aggregation
 * ({@link Aggregator}), features ({@link CalendarFeatures}, {@link LagFeatures},
 * {@link RollingFeatures}, {@link PriceFeatures}), split ({@link Splitter}), scaling fitted on the
 * train split ({@link FeatureScaler}), anonymisation ({@link Anonymizer}), quality report.
 *
 * <p>Before cleaning, series that end before the panel's last date are extended to it by gap
 * filling, excluded or kept, as {@code prepare.ended_series} says ({@link EndedSeries}). After it,
 * the data warnings ({@link PrepareWarning}) are collected: gap filling that changed too large a share
 * of a series, series spaced more widely than the panel, series that ended early.
 *
 * <p>Negatives run before gap filling so that {@code negatives: missing} cells are imputed like any
 * other empty cell. The split is decided before scaling because the scalers may only see train rows.
 *
 * <p>When outliers are clipped or replaced, the target before treatment travels with the panel as
 * {@value OutlierTreatment#RAW_TARGET_COLUMN}: summed by aggregation like the target, never scaled,
 * never a feature (lags and rolling windows read the treated target).
 */
public final class Preparer {
    private Preparer() {
    }

    /**
     * Runs every step; the raw panel is left unchanged.
     *
     * @param raw    panel as read from CSV: sorted by period within each series, gaps and NaN allowed
     * @param config the {@code prepare} section
     * @param env    environment lookup for the anonymisation salt (e.g. {@code System::getenv})
     * @throws InvalidConfigException when the config does not fit the data (unknown column, split too long, no salt,
     *                                a column named {@value OutlierTreatment#RAW_TARGET_COLUMN})
     * @throws DataException          when the data breaks a rule the config asks to enforce ({@code negatives: error})
     */
    public static PreparedData prepare(Panel raw, PrepareConfig config, Function<String, String> env) {
        return prepare(raw, config, env, List.of());
    }

    /**
     * As {@link #prepare(Panel, PrepareConfig, Function)}, with the columns {@code data.schema}
     * declares past-only. Rows after a series' last target value are future rows (see
     * {@link FutureRows}): the pipeline runs on the history without them, and they come out
     * apart, in {@link PreparedData#future()}.
     */
    public static PreparedData prepare(Panel raw, PrepareConfig config, Function<String, String> env, Collection<String> pastOnly) {
        return prepare(raw, config, env, pastOnly, null);
    }

    /**
     * As {@link #prepare(Panel, PrepareConfig, Function, Collection)}, with the schema whose stock
     * column ({@code data.schema.availability} or {@code on_hand}) marks censored periods (see
     * {@link Censoring}); null or a schema without one censors nothing.
     */
    public static PreparedData prepare(Panel raw, PrepareConfig config, Function<String, String> env, Collection<String> pastOnly,
                                       SchemaConfig schema) {
        requireNoReservedColumn(raw, schema);
        boolean stockColumn = schema != null && schema.censoringColumn() != null && raw.hasNumeric(schema.censoringColumn());
        Panel rawHistory = FutureRows.history(raw);
        EndedSeries ended = EndedSeries.of(rawHistory);
        EndedSeriesPolicy endedPolicy = config.endedSeries();
        if (endedPolicy == EndedSeriesPolicy.exclude && ended.any()) {
            raw = raw.select(ended.reachingTheEnd());
            rawHistory = FutureRows.history(raw);
        }
        // Warnings name series as the prepared data does: whoever reads them gets no real id either.
        // (A missing salt is reported by the anonymisation below, before any warning is shown.)
        String salt = config.anonymize() == null ? null : env.apply(config.anonymize().saltEnv());
        Function<String, String> shown = salt == null || salt.isEmpty() ? id -> id : id -> Anonymizer.hash(salt, id);
        Optional<PrepareWarning> spacing = SeriesSpacing.check(rawHistory, config.gaps().target(), shown);
        Panel rawWithFuture = rawHistory == raw ? null : raw;
        Panel rawHistoryOfFuture = rawWithFuture == null ? null : rawHistory;
        Censoring.Marked censored = stockColumn ? Censoring.mark(rawHistory, schema) : Censoring.mark(rawHistory, NO_STOCK);
        rawHistory = censored.panel();
        if (rawWithFuture != null && stockColumn) {
            rawWithFuture = rawWithFuture.withoutNumeric(schema.censoringColumn());
        }
        List<String> readNumeric = rawHistory.numericNames();
        NegativeValues.Result negatives = NegativeValues.apply(rawHistory, config.negatives());
        int[] negativeCounts = negatives.negatives();
        GapFiller.Result gaps = GapFiller.fill(negatives.panel(), config.gaps(),
                endedPolicy == EndedSeriesPolicy.fill ? ended.panelEnd() : Integer.MIN_VALUE);
        if (stockColumn) {
            // Censored cells were emptied before gap filling, which imputed them: they count as censored, not imputed.
            int[] imputed = gaps.imputedCells();
            int[] censoredImputed = Censoring.imputedByGapFilling(gaps.panel(), censored);
            for (int s = 0; s < imputed.length; s++) {
                imputed[s] -= censoredImputed[s];
            }
            gaps = new GapFiller.Result(Censoring.apply(gaps.panel(), censored, true), gaps.filledPeriods(), imputed,
                    gaps.imputedCovariates());
        }
        int[] appended = endedPolicy == EndedSeriesPolicy.exclude ? new int[gaps.panel().seriesCount()]
                : ended.appended(gaps.panel(), endedPolicy);
        Optional<PrepareWarning> endedWarning = ended.warning(endedPolicy, config.gaps().target(), shown);
        // The read columns cleaning replaced (a forward-filled price, an imputed target) are needed no more:
        // dropping the last references here lets them go (8 bytes a row each, 470 MB at full M5 size).
        raw = null;
        rawHistory = null;
        negatives = null;
        ended = null;
        OutlierTreatment.Result outliers = OutlierTreatment.apply(gaps.panel(), config.outliers());
        CleaningCounts counts = new CleaningCounts(negativeCounts, gaps.filledPeriods(), gaps.imputedCells(),
                gaps.imputedCovariates(), outliers.outliers());

        Panel cleaned = aggregate(outliers.panel(), config.aggregateFrequency());
        outliers = null;
        PreparedPanel panel = PreparedPanel.of(cleaned, featureColumns(cleaned, config.features()));
        SplitPoints split = Splitter.split(cleaned, config.split());
        List<ScalerParams> scalers = fitScalers(panel, config, split);
        panel = panel.withScalers(scalers);
        Panel future = rawWithFuture == null ? null
                : FutureRows.prepare(rawWithFuture, rawHistoryOfFuture, panel, config, scalers, censored);

        Map<String, String> mapping = Map.of();
        if (config.anonymize() != null) {
            Anonymizer.Result anonymous = Anonymizer.anonymize(panel.base(), config.anonymize(), env);
            panel = panel.withBase(anonymous.panel());
            mapping = anonymous.mapping();
            if (future != null) {
                future = future.withSeriesIds(panel.base().seriesIds().toArray(String[]::new));
            }
        }
        List<PrepareWarning> warnings = new ArrayList<>();
        FilledShare.check(gaps.panel(), counts, appended, config.warnings().filledShare(), config.gaps().target(), shown)
                .ifPresent(warnings::add);
        spacing.ifPresent(warnings::add);
        endedWarning.ifPresent(warnings::add);
        Set<String> notFeatures = new HashSet<>(readNumeric);
        notFeatures.add(OutlierTreatment.RAW_TARGET_COLUMN);
        notFeatures.add(Censoring.COLUMN);
        List<String> features = panel.numericNames().stream().filter(c -> !notFeatures.contains(c)).toList();
        List<String> roles = Knowability.pastOnly(panel.numericNames(), panel.base().categoricalNames(), Set.copyOf(readNumeric),
                Set.copyOf(pastOnly), config.features());
        return new PreparedData(panel, split, counts, QualityReport.of(panel.base(), counts), mapping, features, future, roles,
                warnings);
    }

    /** A schema without a stock column: nothing is censored. */
    private static final SchemaConfig NO_STOCK = new SchemaConfig(null, null, null, null, null, null);

    private static void requireNoReservedColumn(Panel raw, SchemaConfig schema) {
        requireNotReserved(raw, OutlierTreatment.RAW_TARGET_COLUMN, "prepare keeps the target before outlier treatment under it");
        requireNotReserved(raw, Censoring.COLUMN, "prepare marks the out-of-stock periods under it");
        if (schema != null && Censoring.COLUMN.equals(schema.target())) {
            throw new InvalidConfigException("data.schema.target: '" + Censoring.COLUMN + "' is a reserved name: prepare marks the"
                    + " out-of-stock periods under it; rename the column in the data and the schema");
        }
    }

    private static void requireNotReserved(Panel raw, String reserved, String why) {
        String role = raw.hasNumeric(reserved) ? "numeric covariate"
                : raw.categoricalNames().contains(reserved) ? "categorical covariate"
                : raw.staticNames().contains(reserved) ? "static" : null;
        if (role != null) {
            throw new InvalidConfigException("data: the " + role + " column '" + reserved + "' has a reserved name:"
                    + " " + why + "; rename the column in the data and the schema");
        }
    }

    private static Panel aggregate(Panel panel, Frequency to) {
        if (to == null || to == panel.frequency()) {
            return panel;
        }
        if (to.ordinal() < panel.frequency().ordinal()) {
            throw new InvalidConfigException("prepare.aggregate: cannot turn " + panel.frequency().label() + " data into "
                    + to.label() + "; aggregate only to a coarser frequency");
        }
        return Aggregator.aggregate(panel, to);
    }

    /** {@code panel} with the features of {@code features} added, every one computed now (for small panels: the future rows). */
    static Panel addFeatures(Panel panel, FeatureConfig features) {
        return FeatureColumn.addAll(panel, featureColumns(panel, features));
    }

    /** The features {@code features} asks for, in order, as recipes over {@code panel} (see {@link PreparedPanel}). */
    static List<FeatureColumn> featureColumns(Panel panel, FeatureConfig features) {
        if (features.calendar().contains("events") && panel.categoricalNames().isEmpty()) {
            throw new InvalidConfigException("prepare.features.calendar: 'events' needs categorical event columns"
                    + " (data.schema.categorical or data.calendar.categorical); the data has none");
        }
        if (features.price() != null && features.price().column().equals(OutlierTreatment.RAW_TARGET_COLUMN)) {
            throw new InvalidConfigException("prepare.features.price.column: '" + features.price().column()
                    + "' is the target before outlier treatment, not a price; it is never a feature source");
        }
        if (features.price() != null && !panel.hasNumeric(features.price().column())) {
            throw new InvalidConfigException("prepare.features.price.column: '" + features.price().column()
                    + "' is not a numeric covariate; the data has " + panel.numericNames());
        }
        List<FeatureColumn> out = new ArrayList<>(CalendarFeatures.columns(panel, features.calendar()));
        out.addAll(LagFeatures.columns(panel, features.lags()));
        out.addAll(RollingFeatures.columns(panel, features.rolling()));
        if (features.price() != null) {
            out.addAll(PriceFeatures.columns(panel, features.price()));
        }
        return out;
    }

    /**
     * Fits the scalers of {@link #scalingColumns the columns to scale}, one column at a time: a
     * derived feature is computed for its fit and dropped after (it is computed again when written).
     *
     * @throws InvalidConfigException when a configured column does not exist or has no value in the train split
     */
    private static List<ScalerParams> fitScalers(PreparedPanel panel, PrepareConfig config, SplitPoints split) {
        ScalingMethod method = config.scaling().method();
        if (method == ScalingMethod.none) {
            return List.of();
        }
        List<String> configured = config.scaling().columns();
        List<ScalerParams> fitted = new ArrayList<>();
        for (String c : configured.isEmpty() ? panel.numericNames() : configured) {
            if (c.equals(Censoring.COLUMN)) {
                if (!configured.isEmpty()) {
                    throw new InvalidConfigException("prepare.scaling.columns: '" + c + "' marks the out-of-stock periods;"
                            + " it is never scaled, remove it");
                }
                continue;
            }
            if (c.equals(OutlierTreatment.RAW_TARGET_COLUMN)) {
                if (!configured.isEmpty()) {
                    throw new InvalidConfigException("prepare.scaling.columns: '" + c + "' is the target before outlier"
                            + " treatment, kept in its own units to score against; it is never scaled, remove it");
                }
                continue;
            }
            if (!panel.hasNumeric(c)) {
                throw new InvalidConfigException("prepare.scaling.columns: no numeric column '" + c
                        + "' in the prepared data; it has " + panel.numericNames());
            }
            ScalerParams p = FeatureScaler.fit(c, method, split.lastTrainPeriod(), panel.base(), panel.unscaledSeries(c));
            if (p != null) {
                fitted.add(p);
            } else if (!configured.isEmpty()) {
                throw new InvalidConfigException("prepare.scaling.columns: column '" + c
                        + "' has no value in the train split (up to " + split.lastTrainDate() + "), so it cannot be scaled");
            }
            // else: a column without a train value (such as roll_std_1) has nothing to fit and stays as it is.
        }
        return List.copyOf(fitted);
    }
}
