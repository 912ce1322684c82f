package io.demandcast.core.model.deep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;

/**
 * How a fine-tuned {@code lstm} names the network it started from: a published artifact (name,
 * version and the SHA-256 of its manifest) once {@code train} has published the pre-trained
 * network, else the pre-training data it was fitted on in this run.
 *
 * @param artifact      the parent's artifact name, or null when it was not published (a backtest fit)
 * @param version       its version, or null
 * @param sha256        SHA-256 of its {@code manifest.json}, or null
 * @param prepared      the pre-training prepared dataset directory, or null
 * @param dataEnd       the last date of pre-training data the parent saw
 * @param series        series it was pre-trained on
 */
public record ParentRef(String artifact, String version, String sha256, String prepared, LocalDate dataEnd, int series) {

    static ParentRef inline(String prepared, LocalDate dataEnd, int series) {
        return new ParentRef(null, null, null, prepared, dataEnd, series);
    }

    /** This reference naming the published parent. */
    public ParentRef published(String name, String publishedVersion, String manifestSha256) {
        return new ParentRef(name, publishedVersion, manifestSha256, prepared, dataEnd, series);
    }

    void write(ObjectNode o) {
        o.put("artifact", artifact);
        o.put("version", version);
        o.put("manifest_sha256", sha256);
        o.put("prepared", prepared);
        o.put("data_end", dataEnd == null ? null : dataEnd.toString());
        o.put("series", series);
    }

    static ParentRef read(JsonNode o) {
        return new ParentRef(text(o, "artifact"), text(o, "version"), text(o, "manifest_sha256"), text(o, "prepared"),
                o.hasNonNull("data_end") ? LocalDate.parse(o.get("data_end").asText()) : null, o.path("series").asInt());
    }

    private static String text(JsonNode o, String key) {
        return o.hasNonNull(key) ? o.get(key).asText() : null;
    }
}
