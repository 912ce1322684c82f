package io.demandcast.core.prepare;

import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelCsvReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Future rows given in a separate CSV ({@code predict.future}), prepared exactly as {@code prepare}
 * prepares future rows of the data files: the file's rows dated after each series' last target value
 * are appended to the raw history, and the experiment's {@code prepare} pipeline runs on the whole,
 * so covariate filling, calendar join and features (a price change across the boundary, say) are
 * the same, and scalers and anonymised ids are the prepared dataset's. This re-reads
 * {@code data.files}: features across the boundary need the raw history, not the scaled prepared one.
 */
public final class FutureCsv {
    private FutureCsv() {
    }

    /**
     * @param file the future-rows CSV: the long format and schema of {@code data.files}; the target and
     *             any covariate column may be absent (missing), a target given is ignored
     * @param env  environment lookup, for the anonymisation salt
     * @return the prepared future rows, on the prepared panel's axis with its series and columns (a
     *         series without rows in the file has none); null when the file has no row after any
     *         series' last target value
     * @throws io.demandcast.core.data.DataException naming the file, line and column on bad input
     */
    public static Panel prepare(ExperimentConfig config, Path file, Function<String, String> env) {
        Panel raw = PrepareJob.readRaw(config, new ArrayList<>());
        Panel history = FutureRows.history(raw);
        Panel extra = PanelCsvReader.forFutureRows(config.data().schema(), raw.frequency())
                .with(config.data().format(), config.data().duplicates()).read(List.of(file));
        // The file need not repeat the attributes: a keyed join reads the history's (a series' store).
        extra = PrepareJob.joinCovariates(withStaticsOf(raw, extra), config.data(), new ArrayList<>());
        Panel combined = FutureRows.append(history, extra, file.toString());
        return Preparer.prepare(combined, config.prepare(), env, config.data().pastOnlyColumns(),
                    config.data().schema()).future();
    }

    /**
     * {@code extra} with the static values of {@code raw} for the series both have (statics are the
     * history's; the file may leave them out), so a keyed join finds a series' key.
     */
    private static Panel withStaticsOf(Panel raw, Panel extra) {
        Panel out = extra;
        for (String name : raw.staticNames()) {
            boolean own = extra.staticNames().contains(name);
            String[] values = new String[extra.seriesCount()];
            for (int s = 0; s < values.length; s++) {
                int i = raw.indexOf(extra.seriesId(s));
                values[s] = i >= 0 ? raw.staticValue(name, i) : own ? extra.staticValue(name, s) : "";
            }
            out = out.withStatic(name, values);
        }
        return out;
    }
}
