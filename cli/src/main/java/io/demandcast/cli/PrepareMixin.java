package io.demandcast.cli;

import io.demandcast.core.Progress;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.data.DataException;
import io.demandcast.core.data.PreparedDataset;
import io.demandcast.core.prepare.PrepareJob;
import io.demandcast.core.prepare.PreparedFreshness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --prepare} on the verbs that fit on the prepared dataset ({@code train}, {@code evaluate},
 * {@code tune}): a cron line can then name one verb and still never fit stale data.
 */
public class PrepareMixin {

    @Option(names = "--prepare",
            description = "Run prepare first when the prepared dataset is missing, unreadable or stale (its input files or the "
                    + "config's name, data or prepare section changed), exactly as the prepare verb would; a current dataset is used "
                    + "as it is. Without it, a stale dataset is refused (exit 2).")
    boolean prepare;

    /**
     * Makes sure the verb fits on data prepared from this config: without {@code --prepare} a stale
     * dataset is refused (exit 2, naming the prepare command and this option); with it, a missing,
     * unreadable or stale one is prepared again, with prepare's progress and summary on
     * {@code progress}, and a current one is left alone.
     */
    void ensureCurrent(ExperimentConfig cfg, Path configFile, Progress progress) throws IOException {
        if (!prepare) {
            Preflight.preparedDataCurrent(cfg, configFile, "--prepare");
            return;
        }
        String reason = whyPrepare(cfg);
        if (reason == null) {
            return;
        }
        Preflight.prepare(cfg);
        progress.report("prepare: " + reason + "; preparing it first (--prepare)");
        progress.report(PrepareJob.run(cfg, configFile, progress).text());
    }

    /** Why the dataset must be prepared again, or null when it is current. */
    private static String whyPrepare(ExperimentConfig cfg) throws IOException {
        Path dir = PrepareJob.outputDirectory(cfg);
        if (!Files.exists(dir.resolve(PreparedDataset.MANIFEST_FILE))) {
            return "no prepared dataset in " + dir;
        }
        PreparedDataset dataset;
        try {
            dataset = PreparedDataset.open(dir);
        } catch (DataException unreadable) {
            return "the prepared dataset is unreadable (" + unreadable.getMessage() + ")";
        }
        String stale = PreparedFreshness.staleness(cfg, dataset);
        return stale == null ? null : dir + " is stale: " + stale;
    }
}
