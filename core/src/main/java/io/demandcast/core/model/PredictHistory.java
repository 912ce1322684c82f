package io.demandcast.core.model;

import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.artifact.DataFingerprint;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelColumns;
import io.demandcast.core.data.PreparedDataset;
import io.demandcast.core.model.stat.FittedLocalModel;
import io.demandcast.core.prepare.Censoring;
import io.demandcast.core.prepare.OutlierTreatment;
import io.demandcast.core.prepare.PrepareJob;
import io.demandcast.core.prepare.PreparedData;
import io.demandcast.core.prepare.PreparedOverlay;
import io.demandcast.core.prepare.PreparedSplits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The newest data {@code predict} knows: the prepared rows (every series' history, with its covariates)
 * and the future rows after them. It comes from {@code predict.data} prepared in memory over the data
 * files (or laid over their prepared dataset, {@link PreparedOverlay}), else from the prepared dataset.
 *
 * @param all      every prepared row with the prepared target, without the raw-target column
 * @param future   the rows after each series' last target value, or null when there are none
 * @param pastOnly covariate columns observed only up to a cutoff: never in a forecast request
 * @param source   where it came from, for messages ({@code new.csv over data.files}, the dataset directory)
 */
record PredictHistory(Panel all, Panel future, List<String> pastOnly, String source) {

    /**
     * @param config the experiment; with {@code predict.data} its data files already include that file
     *               ({@link PrepareJob#withNewerData})
     * @return null when there is neither {@code predict.data} nor a prepared dataset
     */
    static PredictHistory load(ExperimentConfig config, Function<String, String> env) throws IOException {
        return load(config, config, null, null, env, PanelColumns.ALL);
    }

    /**
     * As {@link #load(ExperimentConfig, Function)}, reading only {@code columns} of the prepared dataset
     * (what the model reads, {@link ModelColumns#of(FittedModel)}); for a per-series model fitted on the
     * prepared dataset that is still current, {@code predict.data} is laid over that dataset's panel
     * ({@link PreparedOverlay}: only the newer rows read and prepared, the same result), else prepared whole.
     *
     * @param original the experiment without {@code predict.data} among its data files
     * @param model    the loaded model, null when unknown
     * @param fitted   the data fingerprint of the model's artifact, null when unknown
     */
    static PredictHistory load(ExperimentConfig config, ExperimentConfig original, FittedModel model, DataFingerprint fitted,
                               Function<String, String> env, PanelColumns columns) throws IOException {
        String data = config.predict().data();
        if (data != null) {
            PredictHistory overlaid = overlay(original, data, model, fitted, env);
            if (overlaid != null) {
                return overlaid;
            }
            PreparedData prepared = PrepareJob.prepareInMemory(config, env);
            return new PredictHistory(withoutRaw(prepared.panel()), withoutRaw(prepared.future()), prepared.pastOnly(),
                    data + " over data.files");
        }
        Path dir = PrepareJob.outputDirectory(config);
        if (!Files.isDirectory(dir)) {
            return null;
        }
        PreparedSplits splits = PreparedSplits.open(dir, columns);
        return new PredictHistory(splits.all(), splits.future(), splits.pastOnly(), dir.toString());
    }

    private static PredictHistory overlay(ExperimentConfig original, String data, FittedModel model, DataFingerprint fitted,
                                          Function<String, String> env) throws IOException {
        // Per-series models read the target alone; a global model's features need the full prepare.
        if (!(model instanceof FittedLocalModel) || fitted == null || fitted.manifestSha256() == null) {
            return null;
        }
        Path dir = PrepareJob.outputDirectory(original);
        if (!Files.isDirectory(dir)) {
            return null;
        }
        PreparedDataset dataset = PreparedDataset.open(dir);
        // The same content, not the same manifest file: a prepare re-run on identical data rewrites the
        // manifest (its creation time, the inputs' stamps), and train then publishes no new version.
        if (!fitted.sameContentAs(DataFingerprint.of(dataset))) {
            return null;
        }
        PreparedData prepared = PreparedOverlay.overlay(original, Path.of(data), dataset, env);
        return prepared == null ? null : new PredictHistory(prepared.panel(), null, List.of(), data + " over the prepared " + dir);
    }

    /** {@code p} without the columns that are no covariate: the target before outlier treatment, the censored mark. */
    private static Panel withoutRaw(Panel p) {
        Panel out = p != null && p.hasNumeric(OutlierTreatment.RAW_TARGET_COLUMN) ? p.withoutNumeric(OutlierTreatment.RAW_TARGET_COLUMN) : p;
        return out != null && out.hasNumeric(Censoring.COLUMN) ? out.withoutNumeric(Censoring.COLUMN) : out;
    }
}
