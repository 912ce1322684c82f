package io.demandcast.spark;

import io.demandcast.core.BuildInfo;
import io.demandcast.core.DemandcastException;
import io.demandcast.core.artifact.Artifact;
import io.demandcast.core.artifact.ArtifactContents;
import io.demandcast.core.artifact.ArtifactStore;
import io.demandcast.core.artifact.DataFingerprint;
import io.demandcast.core.artifact.RuntimeVersions;
import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.config.PredictConfig;
import io.demandcast.core.data.Panel;
import io.demandcast.core.evaluate.ForecastCalibration;
import io.demandcast.core.model.ModelFactory;
import io.demandcast.core.model.ModelRegistry;
import io.demandcast.core.model.PredictJob;
import io.demandcast.core.prepare.PrepareJob;
import io.demandcast.core.prepare.PreparedSplits;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@code train} on Spark: the driver reads the prepared dataset, cuts the {@code train.fit_on} rows into
 * partitions of series ({@link Partitioning}), the executors fit each partition with core
 * ({@link PartitionFit}), and the driver publishes one artifact in core's store holding every
 * partition's model and a {@link SparkRunManifest}.
 */
public final class SparkTrain {
    private SparkTrain() {
    }

    /**
     * What a run published.
     *
     * @param artifact   the new version, under {@code <model.name>-spark}
     * @param partitions partitions fitted
     * @param series     series fitted
     * @param fitSeconds fit wall seconds summed over partitions
     */
    public record Result(Artifact artifact, int partitions, int series, double fitSeconds) {
    }

    /**
     * @param partitions the number of partitions for a split by series key (ignored with {@code groupBy})
     * @param groupBy    a static column: one partition (one model) per value; null to split by series key
     * @throws DemandcastException (a user error) for what the job does not do: conformal intervals
     */
    public static Result run(JavaSparkContext sc, ExperimentConfig config, int partitions, String groupBy) throws IOException {
        if (config.predict().intervals() == PredictConfig.Intervals.conformal) {
            throw new DemandcastException("predict.intervals: conformal is not supported by the Spark job (its calibration"
                    + " backtests the whole panel); use the model's own intervals, or 'demandcast train' on one machine");
        }
        PreparedSplits data = PreparedSplits.open(PrepareJob.outputDirectory(config));
        Panel history = data.upTo(config.train().fitOn());
        int horizon = PredictJob.horizon(config);
        // Checks model.family and its params on the driver, so a bad config fails before any task starts.
        ModelFactory.create(ModelRegistry.standard(), config, ModelFactory.context(config, history.frequency(), horizon, data.pastOnly()));
        List<Partitioning.Partition> parts = groupBy == null ? Partitioning.byKey(history, partitions)
                : Partitioning.byGroup(history, groupBy);
        List<PartitionFit.Input> inputs = new ArrayList<>();
        for (Partitioning.Partition p : parts) {
            inputs.add(new PartitionFit.Input(p, SeriesBlock.of(history, p.positions())));
        }
        String yaml = ConfigLoader.toYaml(config);
        List<PartitionFit.Output> fitted = new ArrayList<>(sc.parallelize(inputs, Math.max(1, inputs.size()))
                .map(new PartitionFit(yaml, horizon, data.pastOnly())).collect());
        fitted.sort(Comparator.comparingInt(o -> o.partition().index()));

        List<SparkRunManifest.Entry> entries = new ArrayList<>();
        double fitSeconds = 0;
        for (PartitionFit.Output o : fitted) {
            Partitioning.Partition p = o.partition();
            entries.add(new SparkRunManifest.Entry(p.index(), p.key(), SparkRunManifest.directoryOf(p.index()), p.positions(),
                    List.of(o.seriesIds()), o.fitSeconds()));
            fitSeconds += o.fitSeconds();
        }
        SparkRunManifest run = new SparkRunManifest(SparkRunManifest.FORMAT_VERSION,
                groupBy == null ? "series_key" : "group:" + groupBy, sc.version(), sc.master(), sc.sc().applicationId(),
                history.seriesCount(), fitSeconds, entries);
        // As train decides it, over the whole panel: a partition alone could see no negative value where the panel has one.
        ForecastCalibration calibration = ForecastCalibration.clipOnly(ForecastCalibration.clipsAtZero(config.predict().clipNegative(), history));
        BuildInfo build = BuildInfo.current();
        ArtifactContents contents = new ArtifactContents(dir -> {
            calibration.save(dir);
            run.write(dir);
            for (PartitionFit.Output o : fitted) {
                Path partDir = dir.resolve(SparkRunManifest.directoryOf(o.partition().index()));
                java.nio.file.Files.createDirectories(partDir);
                PayloadFiles.write(partDir, o.files());
            }
        }, config.model().family(), config.model().params(), yaml, DataFingerprint.of(data.dataset(), history),
                fitted.isEmpty() ? List.of() : List.of(fitted.get(0).features()), data.dataset().manifest().scalers(), Map.of(),
                RuntimeVersions.current(build.version()), Instant.now(), build.gitCommit().equals("unknown") ? null : build.gitCommit());
        Artifact artifact = new ArtifactStore(Path.of(config.train().store())).publish(storedName(config), contents);
        return new Result(artifact, parts.size(), history.seriesCount(), fitSeconds);
    }

    /** The store name of the Spark job's model for a config: {@code <model.name>-spark}. */
    public static String storedName(ExperimentConfig config) {
        return config.model().name() + SparkRunManifest.NAME_SUFFIX;
    }
}
