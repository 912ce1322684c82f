package io.demandcast.core.model;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code train} did: the published artifact, how long fitting took, and which series fell back
 * to a simpler family ({@code fitReport}, published as {@code model/fit_report.csv}).
 */
public record TrainSummary(String modelName, String version, Path directory, String family, int seriesCount,
                           String fitOn, double fitSeconds, FitReport fitReport) {

    /** Where the published fit report is. */
    public Path fitReportFile() {
        return directory.resolve(io.demandcast.core.artifact.Artifact.PAYLOAD_DIR).resolve(FitReport.FILE);
    }

    /** The stderr line about fallbacks, pointing at the published report. */
    public String fitText() {
        return fitReport.summaryLine(fitReportFile().toString());
    }

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
        m.put("fallbacks", fitReport.toMap());
        m.put("fit_report", fitReportFile().toString());
        // added keys (schema_version unchanged): a skipped or unchanged train prints TrainSkipped's document instead
        m.put("published", true);
        m.put("skipped", false);
        return m;
    }
}
