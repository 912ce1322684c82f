package io.demandcast.core.model;

import io.demandcast.core.BuildInfo;
import io.demandcast.core.Progress;
import io.demandcast.core.artifact.Artifact;
import io.demandcast.core.artifact.ArtifactContents;
import io.demandcast.core.artifact.ArtifactStore;
import io.demandcast.core.artifact.DataFingerprint;
import io.demandcast.core.artifact.RuntimeVersions;
import io.demandcast.core.artifact.SameTraining;
import io.demandcast.core.data.PreparedDataset;
import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.config.PredictConfig;
import io.demandcast.core.data.Panel;
import io.demandcast.core.evaluate.ForecastCalibration;
import io.demandcast.core.evaluate.backtest.ConformalTraining;
import io.demandcast.core.prepare.PrepareJob;
import io.demandcast.core.prepare.PreparedSplits;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** The {@code train} verb: fit the configured model on the prepared data and publish a new artifact version. */
public final class TrainJob {
    private TrainJob() {
    }

    public static TrainSummary run(ExperimentConfig config, Progress progress) throws IOException {
        return run(config, ModelRegistry.standard(), progress);
    }

    public static TrainSummary run(ExperimentConfig config, ModelRegistry registry, Progress progress) throws IOException {
        return publish(config, registry, null, progress);
    }

    /**
     * The version {@code LATEST} of {@code config.model().name()} names, with its manifest; empty
     * when the model has no version yet, or when {@code LATEST} or that version cannot be read: then
     * neither skip applies and {@code train} publishes, as it always could (and a store it cannot
     * write fails there, naming the path).
     */
    public static java.util.Optional<Artifact> newest(ExperimentConfig config) {
        ArtifactStore store = new ArtifactStore(Path.of(config.train().store()));
        try {
            java.util.Optional<String> latest = store.latestVersion(config.model().name());
            return latest.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(store.resolve(config.model().name(), latest.get()));
        } catch (IOException | io.demandcast.core.artifact.ArtifactException unreadable) {
            return java.util.Optional.empty();
        }
    }

    /**
     * {@code train --if-older-than}: why not to train when the newest version is younger than
     * {@code limit}, else empty (also when there is no version yet). Reads no data.
     */
    public static java.util.Optional<TrainSkipped> youngerThan(ExperimentConfig config, java.time.Duration limit, Instant now)
            throws IOException {
        java.util.Optional<Artifact> newest = newest(config);
        if (newest.isEmpty()) {
            return java.util.Optional.empty();
        }
        Artifact a = newest.get();
        java.time.Duration age = java.time.Duration.between(a.manifest().createdAt(), now);
        return age.compareTo(limit) < 0
                ? java.util.Optional.of(new TrainSkipped(a.name(), a.version(), a.directory(), TrainSkipped.Reason.YOUNG, age, limit))
                : java.util.Optional.empty();
    }

    /**
     * The identical re-train check: when the newest version was trained with this resolved config
     * and the same data content ({@link SameTraining}), why to publish nothing; else empty. Reads
     * only the prepared dataset's manifest.
     */
    public static java.util.Optional<TrainSkipped> alreadyHeld(ExperimentConfig config, Instant now) throws IOException {
        java.util.Optional<Artifact> newest = newest(config);
        if (newest.isEmpty()) {
            return java.util.Optional.empty();
        }
        Artifact a = newest.get();
        DataFingerprint data = DataFingerprint.of(PreparedDataset.open(PrepareJob.outputDirectory(config)));
        if (!SameTraining.holds(a, ConfigLoader.toYaml(config), data)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new TrainSkipped(a.name(), a.version(), a.directory(), TrainSkipped.Reason.IDENTICAL,
                java.time.Duration.between(a.manifest().createdAt(), now), null));
    }

    /**
     * Fits {@code config.model()} (its family and params) on the {@code train.fit_on} rows and publishes
     * it under its {@code model.name}, as {@code train} does; {@code tune} publishes its winner through
     * here with the search that chose it.
     *
     * @param search what the artifact manifest records under {@code search} (the tune search that chose
     *               the model), or null
     */
    public static TrainSummary publish(ExperimentConfig config, ModelRegistry registry, com.fasterxml.jackson.databind.JsonNode search,
                                       Progress progress) throws IOException {
        PreparedDataset dataset = PreparedSplits.dataset(PrepareJob.outputDirectory(config));
        int horizon = PredictJob.horizon(config);
        Forecaster forecaster = ModelFactory.create(registry, config, ModelFactory.context(config,
                dataset.manifest().axis().frequency(), horizon, dataset.manifest().columns().pastOnly()));
        // The model is known before the panel is read: load only the columns it reads.
        var columns = ModelColumns.of(java.util.List.of(forecaster));
        PreparedSplits data = PreparedSplits.read(dataset, columns);
        String loaded = ModelColumns.describe(columns, dataset.manifest());
        if (loaded != null) {
            progress.report("train: " + loaded);
        }
        Panel history = data.upTo(config.train().fitOn());
        progress.report("train: fitting " + forecaster.family() + " " + forecaster.parameters() + " on "
                + history.seriesCount() + " series (" + config.train().fitOn() + " rows)");
        long t0 = System.nanoTime();
        FittedModel fitted;
        try (Progress.Task task = progress.task("train " + forecaster.family(), history.seriesCount())) {
            fitted = forecaster.fit(history, task);
        }
        double fitSeconds = (System.nanoTime() - t0) / 1e9;
        FitReport fitReport = FitReport.of(fitted);
        var exceeded = fitReport.exceeds(config.train().maxFallbackShare(), "train.max_fallback_share");
        if (exceeded.isPresent()) {
            throw new FallbackLimitException(exceeded.get() + "; nothing published (" + fitReport.summaryLine(null)
                    + ")", fitReport);
        }
        boolean clip = ForecastCalibration.clipsAtZero(config.predict().clipNegative(), history);
        ForecastCalibration calibration = ForecastCalibration.clipOnly(clip);
        if (config.predict().intervals() == PredictConfig.Intervals.conformal) {
            Panel actuals = data.actuals().sliceUntil(history.maxPeriod());
            int season = config.data().seasonLength() != null ? config.data().seasonLength() : history.frequency().defaultSeasonLength();
            calibration = ConformalTraining.calibrate(forecaster, history, actuals, config.backtest(), horizon,
                    config.predict().levels(), season, clip, progress, data.pastOnly());
        }
        ForecastCalibration adjustments = calibration;

        BuildInfo build = BuildInfo.current();
        ArtifactStore store = new ArtifactStore(Path.of(config.train().store()));
        if (fitted instanceof DerivedModel derived && derived.unpublishedParent() != null) {
            fitted = publishParent(config, store, forecaster.family(), derived, build, progress);
        }
        FittedModel child = fitted;
        ArtifactContents contents = new ArtifactContents(dir -> {
                    child.save(dir);
                    adjustments.save(dir);
                    fitReport.writeInto(dir);
                }, forecaster.family(), config.model().params(),
                ConfigLoader.toYaml(config), DataFingerprint.of(data.dataset(), history), fitted.features(),
                data.dataset().manifest().scalers(), Map.of(), RuntimeVersions.current(build.version()), Instant.now(),
                build.gitCommit().equals("unknown") ? null : build.gitCommit(), search);
        Artifact artifact = store.publish(config.model().name(), contents);
        return new TrainSummary(artifact.name(), artifact.version(), artifact.directory(), forecaster.family(),
                history.seriesCount(), config.train().fitOn().name(), fitSeconds, fitReport);
    }

    /**
     * Publishes a derived model's parent (a pre-trained network) as {@code <model name>-pretrained},
     * fingerprinted by the data it was fitted on, and returns the child naming that version.
     */
    private static DerivedModel publishParent(ExperimentConfig config, ArtifactStore store, String family, DerivedModel derived,
                                              BuildInfo build, Progress progress) throws IOException {
        FittedModel parent = derived.unpublishedParent();
        PreparedSplits parentData = PreparedSplits.open(derived.parentData());
        ArtifactContents contents = new ArtifactContents(parent::save, family,
                new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(derived.parentParameters()), ConfigLoader.toYaml(config),
                DataFingerprint.of(parentData.dataset()), parent.features(), parentData.dataset().manifest().scalers(), Map.of(),
                RuntimeVersions.current(build.version()), Instant.now(), build.gitCommit().equals("unknown") ? null : build.gitCommit());
        Artifact published = store.publish(config.model().name() + "-pretrained", contents);
        progress.report("train: published the pre-trained parent " + published.name() + "@" + published.version());
        return derived.withPublishedParent(published.name(), published.version(),
                io.demandcast.core.Sha256.file(published.directory().resolve(Artifact.MANIFEST_FILE)));
    }
}
