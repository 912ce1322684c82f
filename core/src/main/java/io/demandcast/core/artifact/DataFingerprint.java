package io.demandcast.core.artifact;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PreparedDataset;
import java.time.LocalDate;

/**
 * What a model was trained on. Two artifacts with equal fingerprints saw the same data.
 *
 * @param dataset        dataset name (from its manifest), or a description of the source
 * @param manifestSha256 SHA-256 of the dataset's {@code manifest.json} (this exact prepare run); may be null
 * @param panelSha256    SHA-256 of the dataset's {@code panel.bin} (the data content); may be null
 * @param configSha256   SHA-256 of the config that prepared the dataset; may be null
 * @param firstDate      first date of the rows the model was fitted on; null when not recorded
 *                       (versions published before it was)
 * @param lastDate       last date of those rows: where the model's state ends; null when not recorded
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DataFingerprint(String dataset, String manifestSha256, String panelSha256, String configSha256,
                              @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate firstDate,
                              @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate lastDate) {

    public DataFingerprint {
        if (dataset == null) {
            throw new IllegalArgumentException("data fingerprint needs a dataset name");
        }
    }

    /** Without a date range. */
    public DataFingerprint(String dataset, String manifestSha256, String panelSha256, String configSha256) {
        this(dataset, manifestSha256, panelSha256, configSha256, null, null);
    }

    /** The fingerprint of a prepared dataset. */
    public static DataFingerprint of(PreparedDataset dataset) {
        return new DataFingerprint(dataset.manifest().name(), dataset.manifestSha256(), dataset.manifest().panelSha256(),
                dataset.manifest().configSha256());
    }

    /** The fingerprint of a prepared dataset, with the date range of {@code fitted}, the rows a model was fitted on. */
    public static DataFingerprint of(PreparedDataset dataset, Panel fitted) {
        DataFingerprint d = of(dataset);
        if (fitted.rowCount() == 0) {
            return d;
        }
        return new DataFingerprint(d.dataset, d.manifestSha256, d.panelSha256, d.configSha256,
                fitted.axis().date(fitted.minPeriod()), fitted.axis().date(fitted.maxPeriod()));
    }

    /**
     * Whether both saw the same data content (the text hashed into version names), whenever either
     * was prepared. The date range follows from the content and the config, so it is not compared.
     */
    public boolean sameContentAs(DataFingerprint other) {
        return other != null && canonical().equals(other.canonical());
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
