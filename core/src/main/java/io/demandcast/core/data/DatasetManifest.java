package io.demandcast.core.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The {@code manifest.json} of a prepared dataset: what the data is (frequency, counts, dates,
 * columns, split), how it was made (inputs with their hashes, the config section's hash, the
 * transformations in the order applied, fitted scalers) and a content hash of {@code panel.bin}.
 * Written with snake_case keys; dates and instants as ISO-8601 text; an empty split part is null.
 *
 * @param formatVersion     manifest format, {@link #FORMAT_VERSION} when written by this version
 * @param name              experiment/dataset name
 * @param createdAt         when prepare wrote it (UTC)
 * @param frequency         frequency of the panel
 * @param anchor            date of period 0 of the panel's time axis
 * @param seriesCount       number of series
 * @param rowCount          number of rows (series x periods)
 * @param firstDate         earliest date of any series; null for an empty panel
 * @param lastDate          latest date of any series; null for an empty panel
 * @param split             last date of each split part
 * @param columns           column names by role
 * @param scalers           fitted scalers, in the order applied
 * @param inputs            the raw files read, with size and SHA-256
 * @param configSha256      SHA-256 of the config that produced the dataset (hex)
 * @param configSections    SHA-256 of each config section prepare reads ({@code name}, {@code data},
 *                          {@code prepare}), so a stale dataset can be told apart by section; empty
 *                          in manifests written before they were recorded
 * @param panelSha256       SHA-256 of {@code panel.bin} (hex); filled in by {@link PreparedDataset} when written
 * @param demandcastVersion version of demandcast that wrote it ("unknown" when not known)
 * @param steps             transformations in the order applied, one human-readable line each
 * @param future            the future rows ({@code future.bin}: periods after each series' last
 *                          target value, known covariates present, target unknown), or null when the
 *                          data has none; the counts and dates above describe the history only
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DatasetManifest(int formatVersion, String name, Instant createdAt, Frequency frequency, LocalDate anchor,
                              int seriesCount, long rowCount, LocalDate firstDate, LocalDate lastDate, Split split,
                              Columns columns, List<Scaler> scalers, List<InputFile> inputs, String configSha256,
                              @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> configSections,
                              String panelSha256, String demandcastVersion, List<String> steps,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Future future) {

    /** The manifest format this version writes and reads. */
    public static final int FORMAT_VERSION = 1;

    /**
     * @throws IllegalArgumentException naming the field when a required field (name, created_at,
     *                                  frequency, anchor, columns) is missing or a count is negative
     */
    public DatasetManifest {
        require(name, "name");
        require(createdAt, "created_at");
        require(frequency, "frequency");
        require(anchor, "anchor");
        require(columns, "columns");
        if (seriesCount < 0 || rowCount < 0) {
            throw new IllegalArgumentException("series_count and row_count must be >= 0 (got " + seriesCount + ", " + rowCount + ")");
        }
        split = split == null ? new Split(null, null, null) : split;
        scalers = scalers == null ? List.of() : List.copyOf(scalers);
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        configSections = configSections == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(configSections));
        demandcastVersion = demandcastVersion == null ? "unknown" : demandcastVersion;
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /**
     * A manifest whose counts, dates and column lists are taken from {@code panel} (so they cannot
     * disagree with it); {@code panel_sha256} is left null for the writer to fill in. Every
     * covariate column is known, and there are no future rows.
     */
    public static DatasetManifest describe(String name, Instant createdAt, Panel panel, String targetName, Split split,
                                           List<Scaler> scalers, List<InputFile> inputs, String configSha256,
                                           String demandcastVersion, List<String> steps) {
        return describe(name, createdAt, panel, targetName, List.of(), null, split, scalers, inputs, configSha256,
                demandcastVersion, steps);
    }

    /**
     * As {@link #describe(String, Instant, Panel, String, Split, List, List, String, String, List)},
     * with the columns observed only up to a cutoff and the future rows (null for none; their
     * {@code sha256} is filled in by the writer).
     */
    public static DatasetManifest describe(String name, Instant createdAt, Panel panel, String targetName,
                                           List<String> pastOnly, Panel future, Split split, List<Scaler> scalers,
                                           List<InputFile> inputs, String configSha256, String demandcastVersion,
                                           List<String> steps) {
        return describe(name, createdAt, panel, panel.numericNames(), targetName, pastOnly, future, split, scalers, inputs,
                configSha256, demandcastVersion, steps);
    }

    /**
     * As {@link #describe(String, Instant, Panel, String, List, Panel, Split, List, List, String, String, List)},
     * with {@code numericNames} as the numeric columns of {@code panel.bin} rather than the panel's
     * own: {@code prepare} writes its derived features as it computes them, so the panel it holds has
     * only the columns it read.
     */
    public static DatasetManifest describe(String name, Instant createdAt, Panel panel, List<String> numericNames, String targetName,
                                           List<String> pastOnly, Panel future, Split split, List<Scaler> scalers,
                                           List<InputFile> inputs, String configSha256, String demandcastVersion,
                                           List<String> steps) {
        boolean empty = panel.rowCount() == 0;
        TimeAxis axis = panel.axis();
        Columns columns = new Columns(targetName, numericNames, panel.categoricalNames(), panel.staticNames(), pastOnly);
        return new DatasetManifest(FORMAT_VERSION, name, createdAt, axis.frequency(), axis.anchor(), panel.seriesCount(),
                panel.rowCount(), empty ? null : axis.date(panel.minPeriod()), empty ? null : axis.date(panel.maxPeriod()),
                split, columns, scalers, inputs, configSha256, null, null, demandcastVersion, steps,
                future == null ? null : Future.of(future));
    }

    /** This manifest with {@code panel_sha256} set. */
    public DatasetManifest withPanelSha256(String sha256) {
        return new DatasetManifest(formatVersion, name, createdAt, frequency, anchor, seriesCount, rowCount, firstDate,
                lastDate, split, columns, scalers, inputs, configSha256, configSections, sha256, demandcastVersion, steps, future);
    }

    /** This manifest with the future rows' {@code sha256} set. */
    DatasetManifest withFutureSha256(String sha256) {
        Future f = new Future(future.file(), future.seriesCount(), future.rowCount(), future.firstDate(), future.lastDate(), sha256);
        return new DatasetManifest(formatVersion, name, createdAt, frequency, anchor, seriesCount, rowCount, firstDate,
                lastDate, split, columns, scalers, inputs, configSha256, configSections, panelSha256, demandcastVersion, steps, f);
    }

    /** This manifest with the hash of each config section prepare read (see {@code config_sections}). */
    public DatasetManifest withConfigSections(Map<String, String> sections) {
        return new DatasetManifest(formatVersion, name, createdAt, frequency, anchor, seriesCount, rowCount, firstDate,
                lastDate, split, columns, scalers, inputs, configSha256, sections, panelSha256, demandcastVersion, steps, future);
    }

    /**
     * The future rows of a prepared dataset: for the series whose data goes on past their last target
     * value, those later periods, with their covariates and an unknown (NaN) target, on the same
     * time axis and with the same columns as {@code panel.bin}.
     *
     * @param file        file name in the dataset ({@code future.bin}, {@link PanelCodec} format)
     * @param seriesCount series with at least one future row
     * @param rowCount    rows
     * @param firstDate   earliest future date
     * @param lastDate    latest future date
     * @param sha256      SHA-256 of the file (hex); filled in by {@link PreparedDataset} when written
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Future(String file, int seriesCount, long rowCount, LocalDate firstDate, LocalDate lastDate, String sha256) {
        public Future {
            require(file, "future.file");
        }

        static Future of(Panel future) {
            boolean empty = future.rowCount() == 0;
            int series = 0;
            for (int s = 0; s < future.seriesCount(); s++) {
                series += future.length(s) > 0 ? 1 : 0;
            }
            return new Future(PreparedDataset.FUTURE_FILE, series, future.rowCount(),
                    empty ? null : future.axis().date(future.minPeriod()), empty ? null : future.axis().date(future.maxPeriod()), null);
        }
    }

    /** The time axis of the panel. */
    public TimeAxis axis() {
        return new TimeAxis(frequency, anchor);
    }

    /**
     * Last date of each split part, inclusive; a part that is empty is null. Train is
     * {@code first_date..train_end}, validation {@code train_end+1..validation_end}, test from the
     * period after the previous part's end to {@code test_end}.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Split(LocalDate trainEnd, LocalDate validationEnd, LocalDate testEnd) {
    }

    /**
     * Column names by role, in panel order.
     *
     * @param target      name of the target column in the raw data
     * @param numeric     numeric covariates and features
     * @param categorical categorical covariates
     * @param statics     static attributes (one value per series)
     * @param pastOnly    numeric and categorical columns observed only up to a forecast's cutoff: the
     *                    declared past-only covariates and what prepare derives from the target
     *                    ({@code lag_*}, {@code roll_*}, {@code outlier}) or from a past-only column;
     *                    every other covariate column is known over the forecast periods
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Columns(String target, List<String> numeric, List<String> categorical, List<String> statics,
                          List<String> pastOnly) {
        public Columns {
            require(target, "columns.target");
            numeric = numeric == null ? List.of() : List.copyOf(numeric);
            categorical = categorical == null ? List.of() : List.copyOf(categorical);
            statics = statics == null ? List.of() : List.copyOf(statics);
            pastOnly = pastOnly == null ? List.of() : List.copyOf(pastOnly);
        }

        /** Columns whose values are all known over the forecast periods. */
        public Columns(String target, List<String> numeric, List<String> categorical, List<String> statics) {
            this(target, numeric, categorical, statics, null);
        }
    }

    /**
     * A fitted scaler of one column, plain data: {@code scaled = (x - a) / b} for
     * {@code standard} (a = mean, b = standard deviation) and {@code minmax} (a = min, b = max - min);
     * the meaning of {@code a} and {@code b} for other methods is defined by the method.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Scaler(String column, String method, double a, double b) {
        public Scaler {
            require(column, "scalers[].column");
            require(method, "scalers[].method");
        }
    }

    /**
     * A raw input file as read by prepare.
     *
     * @param path   path as given in the config
     * @param bytes  size in bytes
     * @param sha256 SHA-256 of the content (hex)
     * @param stamp  the file's stamp while it was hashed, so that a later check whose stamp is the same
     *               need not hash it again; null when none could be recorded ({@link FileStamp#recordable})
     *               and in manifests written before stamps were
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record InputFile(String path, long bytes, String sha256, @JsonInclude(JsonInclude.Include.NON_NULL) FileStamp stamp) {
        public InputFile {
            require(path, "inputs[].path");
            require(sha256, "inputs[].sha256");
        }

        /** Without a stamp: the file is hashed on every check. */
        public InputFile(String path, long bytes, String sha256) {
            this(path, bytes, sha256, null);
        }
    }

    private static void require(Object value, String key) {
        if (value == null) {
            throw new IllegalArgumentException("manifest key '" + key + "' is missing");
        }
    }
}
