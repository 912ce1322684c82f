package io.demandcast.spark;

import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ModelRegistry;
import io.demandcast.core.model.PredictJob;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.Function;

/**
 * The executor side of {@code predict}: loads one partition's fitted model from its saved files through
 * its family (as {@code demandcast predict} loads an artifact), brings it up to the newest rows and
 * forecasts with {@link PredictJob#forecastFrom}, the same code the CLI runs.
 */
final class PartitionForecast implements Function<PartitionForecast.Input, ForecastBlock> {
    private static final long serialVersionUID = 1L;

    /**
     * One partition's model and data.
     *
     * @param files  the partition's saved model, by relative path
     * @param all    every prepared row of the partition's series
     * @param future the rows after their last target value, or null
     */
    record Input(Partitioning.Partition partition, Map<String, byte[]> files, SeriesBlock all, SeriesBlock future)
            implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final String configYaml;
    private final String family;
    private final int horizon;
    private final double[] levels;
    private final String[] pastOnly;
    private final String source;

    PartitionForecast(String configYaml, String family, int horizon, double[] levels, List<String> pastOnly, String source) {
        this.configYaml = configYaml;
        this.family = family;
        this.horizon = horizon;
        this.levels = levels.clone();
        this.pastOnly = pastOnly.toArray(String[]::new);
        this.source = source;
    }

    @Override
    public ForecastBlock call(Input in) throws Exception {
        ExperimentConfig config = ConfigLoader.parse(configYaml, "the Spark job's config", null);
        Path dir = PayloadFiles.temporary();
        FittedModel model;
        try {
            PayloadFiles.write(dir, in.files());
            model = ModelRegistry.standard().family(family).load(dir);
        } finally {
            PayloadFiles.delete(dir);
        }
        Forecast forecast = PredictJob.forecastFrom(config, model, in.all().toPanel(),
                in.future() == null ? null : in.future().toPanel(), List.of(pastOnly), source, horizon, levels);
        return ForecastBlock.of(in.partition(), forecast);
    }
}
