package io.demandcast.core.prepare;

import io.demandcast.core.AtomicFiles;
import io.demandcast.core.BuildInfo;
import io.demandcast.core.Progress;
import io.demandcast.core.Sha256;
import io.demandcast.core.config.CalendarConfig;
import io.demandcast.core.config.DataConfig;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.config.InvalidConfigException;
import io.demandcast.core.data.CalendarJoin;
import io.demandcast.core.data.DataException;
import io.demandcast.core.data.DatasetManifest;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelCsvReader;
import io.demandcast.core.data.PreparedDataset;
import io.demandcast.core.data.PreparedDataset.FileContent;
import io.demandcast.core.data.SeriesAttributes;
import io.demandcast.core.data.SeriesSelection;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code prepare} verb: raw CSV files to a prepared dataset directory. Nothing is written
 * unless every step succeeds (the dataset is published by an atomic rename).
 */
public final class PrepareJob {
    /** Name of the anonymisation mapping, written beside (not inside) the prepared directory. */
    static final String ID_MAPPING_SUFFIX = ".id-mapping.csv";

    private PrepareJob() {
    }

    /** Where the prepared dataset goes: {@code prepare.output}, else {@code build/prepared/<name>}. */
    public static Path outputDirectory(ExperimentConfig config) {
        String out = config.prepare().output();
        return out == null ? Path.of("build", "prepared", config.name()) : Path.of(out);
    }

    /** Runs prepare with the process environment (for the anonymisation salt). */
    public static PrepareSummary run(ExperimentConfig config, Path configFile, Progress progress) throws IOException {
        return run(config, progress, System::getenv);
    }

    /**
     * Reads, prepares and writes.
     *
     * @param env environment lookup, for the anonymisation salt variable
     * @throws InvalidConfigException when the config names no input file
     * @throws io.demandcast.core.data.DataException on bad input, naming file, line and column
     */
    public static PrepareSummary run(ExperimentConfig config, Progress progress, Function<String, String> env) throws IOException {
        List<Path> files = config.data().files().stream().map(Path::of).toList();
        if (files.isEmpty()) {
            throw new InvalidConfigException("data.files is empty: name at least one long-format CSV file");
        }
        if (config.data().schema().target().equals(OutlierTreatment.RAW_TARGET_COLUMN)) {
            throw new InvalidConfigException("data.schema.target: '" + OutlierTreatment.RAW_TARGET_COLUMN + "' is a reserved name:"
                    + " prepare keeps the target before outlier treatment under it; rename the column in the data and the schema");
        }
        long t0 = System.nanoTime();
        List<Path> inputs = new ArrayList<>();
        long[] readEnd = new long[1];
        PreparedData prepared;
        try {
            // The raw panel goes straight into the preparer, never into a variable of this method: the
            // preparer drops it once cleaned, and a local here would keep its replaced columns alive.
            prepared = Preparer.prepare(readReported(config, inputs, progress, t0, readEnd), config.prepare(), env,
                    config.data().pastOnlyColumns(),
                    config.data().schema());
        } catch (IllegalArgumentException e) {
            // The preparer rejects settings that do not fit this data (a split longer than the series, say).
            throw new InvalidConfigException("prepare: " + e.getMessage(), e);
        }
        double readSeconds = (readEnd[0] - t0) / 1e9;
        double prepareSeconds = (System.nanoTime() - readEnd[0]) / 1e9;
        Panel panel = prepared.columns().base();
        if (config.prepare().failOnWarnings() && !prepared.warnings().isEmpty()) {
            // Before anything is written: the previous dataset (and id mapping) stay as they were.
            throw new DataException(prepared.warnings().stream().map(PrepareWarning::message).collect(Collectors.joining("; "))
                    + " (prepare.fail_on_warnings: true, nothing written)");
        }
        // The features are computed as panel.bin is written (one at a time), so their time counts in the write.
        progress.report(String.format(java.util.Locale.ROOT, "prepare: cleaned %,d rows in %.2f s%s", panel.rowCount(), prepareSeconds,
                prepared.features().isEmpty() ? "" : "; the features are computed one by one as panel.bin is written"));

        long t2 = System.nanoTime();
        Path output = outputDirectory(config);
        String configYaml = PreparedFreshness.configYaml(config);
        DatasetManifest manifest = manifest(config, configYaml, prepared, inputs);
        Map<String, FileContent> extras = new LinkedHashMap<>();
        extras.put(PreparedFreshness.CONFIG_FILE, FileContent.text(configYaml));
        extras.put(QualityReportWriter.JSON_FILE, FileContent.text(QualityReportWriter.toJson(prepared.quality(), prepared.warnings())));
        extras.put(QualityReportWriter.MARKDOWN_FILE, FileContent.text(QualityReportWriter.toMarkdown(prepared.quality(), prepared.warnings())));
        Path mapping = null;
        if (prepared.anonymized()) {
            // Written first and apart from the dataset, so whoever gets the data does not get the real ids.
            mapping = output.resolveSibling(output.getFileName() + ID_MAPPING_SUFFIX);
            writeMapping(prepared.anonymization(), mapping);
        }
        // Each derived feature is computed as panel.bin is written, and dropped after.
        PreparedDataset.replace(output, manifest, panel, prepared.columns().sources(), prepared.future(), extras);
        double writeSeconds = (System.nanoTime() - t2) / 1e9;

        QualityReport.Summary quality = prepared.quality().summary();
        Map<String, Integer> classes = new LinkedHashMap<>();
        quality.demandClasses().forEach((k, v) -> classes.put(k.label(), v));
        SplitPoints split = prepared.split();
        DatasetManifest.Split dates = manifest.split();
        return new PrepareSummary(output, panel.seriesCount(), panel.rowCount(), panel.frequency().label(), str(split.firstDate()), str(split.lastDate()),
                str(dates.trainEnd()), str(dates.validationEnd()), str(dates.testEnd()), classes,
                quality.filledPeriods(), quality.outliers(), readSeconds, prepareSeconds, writeSeconds, mapping,
                prepared.warnings(), quality.censored());
    }

    /**
     * Reads the data ({@link #readRaw}) and reports its rows and the time since {@code t0};
     * {@code end[0]} receives the {@link System#nanoTime()} the read ended.
     */
    private static Panel readReported(ExperimentConfig config, List<Path> inputs, Progress progress, long t0, long[] end) {
        Panel raw = readRaw(config, inputs, progress);
        end[0] = System.nanoTime();
        progress.report(String.format(java.util.Locale.ROOT, "prepare: read %,d rows of %,d series (%s) from %d file(s) in %.2f s%s",
                raw.rowCount(), raw.seriesCount(), raw.frequency().label(), inputs.size(), (end[0] - t0) / 1e9,
                config.data().series() == null ? "" : ", selected by data.series (" + config.data().series().describe() + ")"));
        return raw;
    }

    /**
     * The config with {@code newer} (newer actuals in the format of {@code data.files}) read after the
     * data files, a row of it replacing theirs for the same series and period ({@code predict --data}):
     * {@code data.duplicates: error} becomes {@code last}; {@code last} stays; with {@code sum} its rows
     * are further transactions, added to the period's total.
     */
    public static ExperimentConfig withNewerData(ExperimentConfig config, Path newer) {
        DataConfig d = config.data();
        List<String> files = new ArrayList<>(d.files());
        files.add(newer.toString());
        DataConfig.Duplicates duplicates = d.duplicates() == DataConfig.Duplicates.sum ? DataConfig.Duplicates.sum : DataConfig.Duplicates.last;
        return config.withData(new DataConfig(files, d.schema(), d.frequency(), d.calendar(), d.seasonLength(), d.series(),
                d.attributes(), d.joins(), d.format(), duplicates));
    }

    /**
     * The data files read and prepared as {@link #run} prepares them, in memory: nothing is written
     * ({@code prepare.output}, the id mapping and the quality report stay as they are).
     *
     * @throws io.demandcast.core.data.DataException on bad input, naming file, line and column
     * @throws InvalidConfigException when the prepare settings do not fit this data
     */
    public static PreparedData prepareInMemory(ExperimentConfig config, Function<String, String> env) {
        if (config.data().files().isEmpty()) {
            throw new InvalidConfigException("data.files is empty: name at least one long-format CSV file");
        }
        Panel raw = readRaw(config, new ArrayList<>());
        try {
            return Preparer.prepare(raw, config.prepare(), env, config.data().pastOnlyColumns(),
                    config.data().schema());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("prepare: " + e.getMessage(), e);
        }
    }

    /**
     * Reads {@code data.files} (the series {@code data.series} selects), attaches {@code data.attributes}
     * and joins the calendar and {@code data.joins}: the panel as read, before any preparation.
     *
     * @param inputs receives every file read, in order
     */
    static Panel readRaw(ExperimentConfig config, List<Path> inputs) {
        return readRaw(config, inputs, Progress.NONE);
    }

    /** As {@link #readRaw(ExperimentConfig, List)}, reporting each data file's rows (and its bytes read, as a task) to {@code progress}. */
    static Panel readRaw(ExperimentConfig config, List<Path> inputs, Progress progress) {
        DataConfig data = config.data();
        List<Path> files = data.files().stream().map(Path::of).toList();
        Frequency frequency = data.frequency() == null ? null : Frequency.parse(data.frequency());
        inputs.addAll(files);
        // Read first: data.series.where may test the attributes while the data is parsed.
        SeriesAttributes attributes = data.attributes() == null ? null : SeriesAttributes.read(data.attributes(), data.format());
        SeriesSelection selection = SeriesSelection.ALL;
        if (data.series() != null) {
            selection = SeriesSelection.of(data.series(), data.schema(), attributes);
            if (data.series().file() != null) {
                inputs.add(Path.of(data.series().file()));
            }
        }
        Panel raw = new PanelCsvReader(data.schema(), frequency, selection).with(data.format(), data.duplicates())
                .withProgress(prefixed(progress)).read(files);
        if (attributes != null) {
            raw = attributes.attach(raw, data.schema());
            inputs.add(Path.of(data.attributes().file()));
        }
        return joinCovariates(raw, data, inputs);
    }

    /** {@code progress} with its lines starting {@code prepare: }, as every line of this verb does. */
    private static Progress prefixed(Progress progress) {
        return new Progress() {
            @Override
            public void report(String message) {
                progress.report("prepare: " + message);
            }

            @Override
            public Task task(String name, long total) {
                return progress.task("prepare: " + name, total);
            }
        };
    }

    /**
     * Joins {@code data.calendar}, then each of {@code data.joins}, to {@code panel}.
     *
     * @param inputs receives every file joined, in order
     */
    static Panel joinCovariates(Panel panel, DataConfig data, List<Path> inputs) {
        Panel out = panel;
        for (CalendarConfig join : data.covariateJoins()) {
            Path file = Path.of(join.file());
            out = CalendarJoin.join(out, join, file, data.format());
            inputs.add(file);
        }
        return out;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    /** @param configYaml {@link PreparedFreshness#configYaml} of {@code config}, hashed into {@code config_sha256} */
    private static DatasetManifest manifest(ExperimentConfig config, String configYaml, PreparedData prepared, List<Path> inputs)
            throws IOException {
        List<DatasetManifest.InputFile> inputFiles = new ArrayList<>();
        for (Path p : inputs) {
            inputFiles.add(PreparedFreshness.hashed(p));
        }
        SplitPoints split = prepared.split();
        DatasetManifest.Split dates = new DatasetManifest.Split(split.lastTrainDate(),
                split.validationPeriods() > 0 ? split.lastValidationDate() : null,
                split.testPeriods() > 0 ? split.lastDate() : null);
        List<DatasetManifest.Scaler> scalers = prepared.scalers().stream()
                .map(s -> new DatasetManifest.Scaler(s.column(), s.method().name(), s.location(), s.scale()))
                .toList();
        return DatasetManifest.describe(config.name(), Instant.now(), prepared.columns().base(), prepared.columns().numericNames(),
                config.data().schema().target(),
                prepared.pastOnly(), prepared.future(), dates, scalers, inputFiles, Sha256.text(configYaml),
                BuildInfo.current().version(), steps(config, prepared))
                .withConfigSections(PreparedFreshness.sectionSha256s(config));
    }

    private static List<String> steps(ExperimentConfig config, PreparedData prepared) {
        var p = config.prepare();
        List<String> steps = new ArrayList<>();
        steps.add("read " + String.join(", ", config.data().files()) + readFormat(config.data()));
        if (config.data().series() != null) {
            steps.add("select series: " + config.data().series().describe() + ": " + prepared.columns().base().seriesCount() + " series");
        }
        if (config.data().attributes() != null) {
            List<String> attached = new ArrayList<>(prepared.columns().base().staticNames());
            attached.removeAll(config.data().schema().statics());
            steps.add("attributes " + config.data().attributes().file() + ": statics " + String.join(", ", attached));
        }
        for (CalendarConfig join : config.data().covariateJoins()) {
            steps.add((join == config.data().calendar() && join.by() == null ? "join calendar " : "join ") + join.file()
                    + " on " + (join.by() == null ? "date" : join.by() + " and date") + ": " + String.join(", ", join.columns()));
        }
        var schema = config.data().schema();
        if (schema.censoringColumn() != null) {
            steps.add("censored demand: " + prepared.quality().summary().censored() + " period(s) out of stock by "
                    + (schema.censoring() == io.demandcast.core.config.SchemaConfig.Censoring.AVAILABILITY
                    ? "data.schema.availability '" + schema.availability() + "' = 0"
                    : "data.schema.on_hand '" + schema.onHand() + "' <= 0 with no sale")
                    + ": target missing (never imputed), marked in column " + Censoring.COLUMN + "; the stock column is not kept");
        }
        steps.add("negatives: " + p.negatives());
        steps.add("gaps: target " + p.gaps().target() + ", covariates " + p.gaps().covariates());
        for (PrepareWarning w : prepared.warnings()) {
            steps.add("warning: " + w.message());
        }
        steps.add("outliers: " + p.outliers().method() + (p.outliers().method().name().equals("none") ? ""
                : " window " + p.outliers().window() + " threshold " + p.outliers().threshold() + " action " + p.outliers().action()));
        if (prepared.columns().hasNumeric(OutlierTreatment.RAW_TARGET_COLUMN)) {
            steps.add("target before outlier treatment kept as " + OutlierTreatment.RAW_TARGET_COLUMN + " (the actuals backtests score against)");
        }
        if (p.aggregate() != null) {
            steps.add("aggregate to " + p.aggregate());
        }
        if (!prepared.features().isEmpty()) {
            steps.add("features: " + String.join(", ", prepared.features()));
        }
        if (prepared.future() != null) {
            steps.add("future rows (after each series' last target value) kept apart in " + PreparedDataset.FUTURE_FILE + ": "
                    + prepared.future().rowCount() + " rows");
        }
        SplitPoints split = prepared.split();
        steps.add("split: train " + split.trainPeriods() + ", validation " + split.validationPeriods() + ", test " + split.testPeriods() + " periods");
        if (!prepared.scalers().isEmpty()) {
            steps.add("scaling: " + p.scaling().method() + " fitted on train");
        }
        if (prepared.anonymized()) {
            steps.add("anonymised ids (HMAC-SHA256, salt from $" + p.anonymize().saltEnv() + ")");
        }
        return steps;
    }

    /** How the files were read, when not the defaults: what a reviewer of the manifest needs to reproduce the reading. */
    private static String readFormat(DataConfig data) {
        String format = data.format().equals(io.demandcast.core.config.DataFormat.DEFAULT) ? ""
                : " (delimiter '" + data.format().delimiter() + "', decimal '" + data.format().decimal() + "', dates " + data.format().dateFormat() + ")";
        return format + (data.duplicates() == DataConfig.Duplicates.error ? "" : ", duplicate rows of a period: " + data.duplicates());
    }

    private static void writeMapping(Map<String, String> mapping, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("anonymous_id,series_id\n");
        mapping.forEach((anon, original) -> sb.append(anon).append(',').append(csv(original)).append('\n'));
        // Owner-only (0600) on purpose: this file undoes the anonymisation; every other output gets the umask's mode.
        AtomicFiles.writeOwnerOnly(file, out -> out.write(sb.toString()));
    }

    private static String csv(String text) {
        return text.contains(",") || text.contains("\"") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
