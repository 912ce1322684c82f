package io.demandcast.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@value #FILE} in the payload of a model the Spark job trained: how the run was made (Spark version,
 * master, partitioning) and, per partition, its series and the directory holding the model its family
 * saved. The artifact around it is core's store format (manifest with the SHA-256 of every payload
 * file, so {@code demandcast models verify} checks it); its model name ends in {@value #NAME_SUFFIX}
 * because its payload is one model per partition, which {@code demandcast predict} does not load.
 *
 * @param formatVersion  {@value #FORMAT_VERSION}
 * @param partitionedBy  {@code series_key} (hash of the series id) or {@code group:<static column>}
 * @param sparkVersion   the Spark version the job ran on
 * @param master         the Spark master, e.g. {@code local[2]}, {@code yarn}
 * @param applicationId  Spark's id of the run
 * @param seriesCount    series over all partitions
 * @param fitSeconds     wall seconds of the fits summed over partitions (CPU work, not elapsed time)
 * @param partitions     one entry per partition
 */
public record SparkRunManifest(int formatVersion, String partitionedBy, String sparkVersion, String master, String applicationId,
                               int seriesCount, double fitSeconds, List<Entry> partitions) {
    public static final String FILE = "spark.json";
    public static final String NAME_SUFFIX = "-spark";
    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param index      partition number
     * @param key        the group value, or {@code hash-<n>}
     * @param directory  the partition's model, relative to the payload directory
     * @param positions  the series' positions in the fitted panel (the order forecasts are written in)
     * @param series     the series ids, in the same order
     * @param fitSeconds wall seconds of this partition's fit
     */
    public record Entry(int index, String key, String directory, int[] positions, List<String> series, double fitSeconds) {
    }

    /** The directory of partition {@code index} in the payload. */
    static String directoryOf(int index) {
        return String.format(java.util.Locale.ROOT, "partitions/part-%05d", index);
    }

    void write(Path payload) throws IOException {
        Files.write(payload.resolve(FILE), JSON.writeValueAsBytes(this));
    }

    static SparkRunManifest read(Path payload) throws IOException {
        Path file = payload.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new io.demandcast.core.artifact.ArtifactException(payload.getParent() + ": no " + FILE
                    + "; this model was not trained by the Spark job ('demandcast predict' reads it)");
        }
        SparkRunManifest m = JSON.readValue(file.toFile(), SparkRunManifest.class);
        if (m.formatVersion() != FORMAT_VERSION) {
            throw new io.demandcast.core.artifact.ArtifactException(file + ": format version " + m.formatVersion()
                    + ", this job reads " + FORMAT_VERSION);
        }
        return m;
    }
}
