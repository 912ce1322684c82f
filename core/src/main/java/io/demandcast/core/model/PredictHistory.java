package io.demandcast.core.model;

import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelColumns;
import io.demandcast.core.prepare.OutlierTreatment;
import io.demandcast.core.prepare.PrepareJob;
import io.demandcast.core.prepare.PreparedData;
import io.demandcast.core.prepare.PreparedSplits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The newest data {@code predict} knows: the prepared rows (every series' history, with its covariates)
 * and the future rows after them. It comes from {@code predict.data} prepared in memory over the data
 * files, else from the prepared dataset.
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
        return load(config, env, PanelColumns.ALL);
    }

    /**
     * As {@link #load(ExperimentConfig, Function)}, reading only {@code columns} of the prepared dataset
     * (what the model reads, {@link ModelColumns#of(FittedModel)}); {@code predict.data} is prepared whole.
     */
    static PredictHistory load(ExperimentConfig config, Function<String, String> env, PanelColumns columns) throws IOException {
        String data = config.predict().data();
        if (data != null) {
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

    private static Panel withoutRaw(Panel p) {
        return p != null && p.hasNumeric(OutlierTreatment.RAW_TARGET_COLUMN) ? p.withoutNumeric(OutlierTreatment.RAW_TARGET_COLUMN) : p;
    }
}
