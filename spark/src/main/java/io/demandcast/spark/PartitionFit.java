package io.demandcast.spark;

import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.data.Panel;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecaster;
import io.demandcast.core.model.ModelFactory;
import io.demandcast.core.model.ModelRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.Function;

/**
 * The executor side of {@code train}: fits the config's model family on one partition's series with
 * core's {@link Forecaster}, exactly as {@code demandcast train} fits the whole panel, and returns the
 * files the fitted model saves.
 */
final class PartitionFit implements Function<PartitionFit.Input, PartitionFit.Output> {
    private static final long serialVersionUID = 1L;

    /** One partition's training rows. */
    record Input(Partitioning.Partition partition, SeriesBlock history) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * One partition's fitted model.
     *
     * @param files      what the model's {@code save} wrote, by relative path
     * @param features   the model's input columns (empty for univariate families)
     * @param fitSeconds wall time of the fit on the executor
     */
    record Output(Partitioning.Partition partition, String[] seriesIds, Map<String, byte[]> files, String[] features,
                  double fitSeconds) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final String configYaml;
    private final int horizon;
    private final String[] pastOnly;

    /**
     * @param configYaml the resolved config ({@link ConfigLoader#toYaml}), parsed again on the executor
     * @param horizon    the horizon {@code train} would pass to the family
     * @param pastOnly   the prepared dataset's past-only columns
     */
    PartitionFit(String configYaml, int horizon, List<String> pastOnly) {
        this.configYaml = configYaml;
        this.horizon = horizon;
        this.pastOnly = pastOnly.toArray(String[]::new);
    }

    @Override
    public Output call(Input in) throws Exception {
        ExperimentConfig config = ConfigLoader.parse(configYaml, "the Spark job's config", null);
        Panel history = in.history().toPanel();
        Forecaster forecaster = ModelFactory.create(ModelRegistry.standard(), config,
                ModelFactory.context(config, history.frequency(), horizon, List.of(pastOnly)));
        long t0 = System.nanoTime();
        FittedModel fitted = forecaster.fit(history);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Path dir = PayloadFiles.temporary();
        try {
            fitted.save(dir);
            return new Output(in.partition(), fitted.seriesIds().toArray(String[]::new), PayloadFiles.read(dir),
                    fitted.features().toArray(String[]::new), seconds);
        } finally {
            PayloadFiles.delete(dir);
        }
    }
}
