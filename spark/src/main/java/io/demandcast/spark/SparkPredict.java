package io.demandcast.spark;

import io.demandcast.core.AtomicFiles;
import io.demandcast.core.DemandcastException;
import io.demandcast.core.artifact.Artifact;
import io.demandcast.core.artifact.ArtifactStore;
import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.config.PredictConfig;
import io.demandcast.core.data.DataException;
import io.demandcast.core.data.Panel;
import io.demandcast.core.evaluate.ForecastCalibration;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastCsvWriter;
import io.demandcast.core.model.PredictJob;
import io.demandcast.core.prepare.PrepareJob;
import io.demandcast.core.prepare.PreparedSplits;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * {@code predict} on Spark: the driver loads the model {@link SparkTrain} published (every checksum
 * verified), sends each partition's saved model with its series' prepared rows to an executor
 * ({@link PartitionForecast}), and writes the forecasts back in the order and format of
 * {@code demandcast predict} ({@link ForecastCsvWriter}, the model's calibration applied).
 */
public final class SparkPredict {
    private SparkPredict() {
    }

    /**
     * What a run wrote.
     *
     * @param output  the forecast CSV ({@code predict.output}, else {@code build/forecasts/<name>.csv})
     * @param version the model version it forecast with
     */
    public record Result(Forecast forecast, Path output, String version, int partitions) {
    }

    /** How the forecasts are written. */
    public enum Format {
        /** The CLI's forecast CSV ({@link ForecastCsvWriter}), one file. */
        csv,
        /** A Parquet dataset written by Spark's own writer: a directory of part files, unrounded values. */
        parquet
    }

    /** {@link #run(JavaSparkContext, ExperimentConfig, Format)} writing the CLI's CSV. */
    public static Result run(JavaSparkContext sc, ExperimentConfig config) throws IOException {
        return run(sc, config, Format.csv);
    }

    /**
     * @param format CSV as {@code demandcast predict} writes it, or Parquet ({@link #parquetOutput} names the directory)
     * @throws DemandcastException (a user error) for {@code predict.data}, {@code predict.future} or
     *                             conformal intervals, which the job does not read
     */
    public static Result run(JavaSparkContext sc, ExperimentConfig config, Format format) throws IOException {
        PredictConfig p = config.predict();
        if (p.data() != null || p.future() != null) {
            throw new DemandcastException("predict.data / predict.future are not read by the Spark job: prepare the newer rows"
                    + " into the prepared dataset ('demandcast prepare'), which the job reads");
        }
        String output = format == Format.parquet ? parquetOutput(config) : PredictJob.outputOf(config);
        if ("-".equals(output)) {
            throw new DemandcastException("predict.output '-': the Spark job writes a file; name one");
        }
        ArtifactStore store = new ArtifactStore(Path.of(config.train().store()));
        Artifact artifact = store.resolve(SparkTrain.storedName(config), p.version());
        store.verify(artifact);
        SparkRunManifest run = SparkRunManifest.read(artifact.payloadDirectory());

        Path prepared = PrepareJob.outputDirectory(config);
        PreparedSplits data = PreparedSplits.open(prepared);
        Panel all = data.all();
        Panel future = data.future();
        List<PartitionForecast.Input> inputs = new ArrayList<>();
        for (SparkRunManifest.Entry e : run.partitions()) {
            Map<String, byte[]> files = PayloadFiles.read(artifact.payloadDirectory().resolve(e.directory()));
            inputs.add(new PartitionForecast.Input(new Partitioning.Partition(e.index(), e.key(), e.positions()), files,
                    SeriesBlock.of(all, indices(all, e.series(), prepared, true)),
                    future == null ? null : SeriesBlock.of(future, indices(future, e.series(), prepared, false))));
        }
        int horizon = PredictJob.horizon(config);
        double[] levels = p.quantiles().stream().mapToDouble(Double::doubleValue).toArray();
        PartitionForecast task = new PartitionForecast(ConfigLoader.toYaml(config), artifact.manifest().modelFamily(), horizon, levels,
                data.pastOnly(), prepared.toString());
        List<ForecastBlock> blocks = sc.parallelize(inputs, Math.max(1, inputs.size())).map(task).collect();

        Forecast raw = assemble(blocks, all, run.seriesCount(), horizon);
        Forecast forecast = ForecastCalibration.load(artifact.payloadDirectory()).apply(raw, false, artifact.directory().toString());
        Path out = Path.of(output);
        if (format == Format.parquet) {
            ForecastParquet.write(SparkSession.builder().sparkContext(sc.sc()).getOrCreate(), forecast, out);
        } else {
            AtomicFiles.write(out, w -> ForecastCsvWriter.write(forecast, w));
        }
        return new Result(forecast, out, artifact.version(), inputs.size());
    }

    /** The Parquet directory: {@code predict.output} (or {@code -o}) with a {@code .csv} ending replaced by {@code .parquet}. */
    static String parquetOutput(ExperimentConfig config) {
        String out = PredictJob.outputOf(config);
        return out.endsWith(".csv") ? out.substring(0, out.length() - 4) + ".parquet" : out;
    }

    /** The partitions' forecasts as one, each series at its position in the fitted panel (the CLI's order). */
    static Forecast assemble(List<ForecastBlock> blocks, Panel axisOf, int seriesCount, int horizon) {
        String[] ids = new String[seriesCount];
        int[] first = new int[seriesCount];
        double[] point = new double[seriesCount * horizon];
        double[] levels = blocks.isEmpty() ? new double[0] : blocks.get(0).levels();
        double[][] q = new double[levels.length][seriesCount * horizon];
        String model = blocks.isEmpty() ? "" : blocks.get(0).model();
        for (ForecastBlock b : blocks) {
            int[] positions = b.partition().positions();
            for (int i = 0; i < b.seriesIds().length; i++) {
                int at = positions[i];
                ids[at] = b.seriesIds()[i];
                first[at] = b.firstPeriods()[i];
                System.arraycopy(b.point(), i * horizon, point, at * horizon, horizon);
                for (int l = 0; l < levels.length; l++) {
                    System.arraycopy(b.quantiles()[l], i * horizon, q[l], at * horizon, horizon);
                }
            }
        }
        return new Forecast(model, axisOf.axis(), ids, first, horizon, point, levels, q);
    }

    /** Indices in {@code panel} of the given series; those absent are skipped, or refused when {@code required}. */
    private static int[] indices(Panel panel, List<String> series, Path source, boolean required) {
        List<Integer> out = new ArrayList<>();
        for (String id : series) {
            int s = panel.indexOf(id);
            if (s >= 0) {
                out.add(s);
            } else if (required) {
                throw new DataException(source + ": series '" + id + "' of the model is not in the prepared data;"
                        + " train again on this data");
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
