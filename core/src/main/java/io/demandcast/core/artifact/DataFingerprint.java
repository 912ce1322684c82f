package io.demandcast.core.artifact;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.demandcast.core.data.PreparedDataset;

/**
 * What a model was trained on. Two artifacts with equal fingerprints saw the same data.
 *
 * @param dataset        dataset name (from its manifest), or a description of the source
 * @param manifestSha256 SHA-256 of the dataset's {@code manifest.json} (this exact prepare run); may be null
 * @param panelSha256    SHA-256 of the dataset's {@code panel.bin} (the data content); may be null
 * @param configSha256   SHA-256 of the config that prepared the dataset; may be null
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DataFingerprint(String dataset, String manifestSha256, String panelSha256, String configSha256) {

    public DataFingerprint {
        if (dataset == null) {
            throw new IllegalArgumentException("data fingerprint needs a dataset name");
        }
    }

    /** The fingerprint of a prepared dataset. */
    public static DataFingerprint of(PreparedDataset dataset) {
        return new DataFingerprint(dataset.manifest().name(), dataset.manifestSha256(), dataset.manifest().panelSha256(),
                dataset.manifest().configSha256());
    }

    /**
     * The text hashed into version names: what the data holds, not when it was prepared. The
     * manifest's digest changes with its creation time, so a re-run {@code prepare} on identical
     * data would rename every later version; it stands in only when there is no panel digest.
     */
    String canonical() {
        String content = panelSha256 != null ? panelSha256 : manifestSha256;
        return dataset + "\n" + content + "\n" + configSha256;
    }
}
