package io.demandcast.core.model;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What {@code train} did: the published artifact and how long fitting took. */
public record TrainSummary(String modelName, String version, Path directory, String family, int seriesCount,
                           String fitOn, double fitSeconds) {

    public String text() {
        return String.format(java.util.Locale.ROOT, "train: fitted %s on %d series (%s rows) in %.2f s; published %s version %s at %s",
                family, seriesCount, fitOn, fitSeconds, modelName, version, directory);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model_name", modelName);
        m.put("version", version);
        m.put("directory", directory.toString());
        m.put("family", family);
        m.put("series_count", seriesCount);
        m.put("fit_on", fitOn);
        m.put("fit_seconds", fitSeconds);
        return m;
    }
}
