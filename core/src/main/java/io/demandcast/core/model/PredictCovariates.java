package io.demandcast.core.model;

import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.data.DataException;
import io.demandcast.core.data.FutureCovariates;
import io.demandcast.core.data.Panel;
import io.demandcast.core.prepare.FutureCsv;
import io.demandcast.core.prepare.PrepareJob;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The known covariates of {@code predict}'s forecast periods: for each series of the model, the
 * {@code horizon} periods after the end of its (possibly updated) history, taken from the prepared
 * rows and the future rows after them (the prepared {@code future.bin}, or {@code predict.future}
 * prepared the same way), through {@link FutureCovariates}.
 */
final class PredictCovariates {
    /** Series named in a missing-covariate message; the count gives the rest. */
    static final int SERIES_SHOWN = 5;

    private PredictCovariates() {
    }

    /**
     * @param history the newest data ({@link PredictHistory}), null when there is none
     * @param model   the model to forecast with, already brought up to the history when it was newer:
     *                the forecast periods follow each series' {@link FittedModel#fittedEnd}
     * @return the request panel, or null when there is no history and the model reads no covariate
     * @throws DataException when a known covariate among the model's features lacks a value over the
     *                       forecast periods: names the column, up to {@value #SERIES_SHOWN} series
     *                       with their missing dates, and where to give them
     */
    static Panel build(ExperimentConfig config, FittedModel model, int horizon, PredictHistory history,
                       Function<String, String> env) throws IOException {
        if (history == null) {
            if (model.features().isEmpty() && config.predict().future() == null) {
                return null;
            }
            throw new DataException(PrepareJob.outputDirectory(config) + ": no prepared dataset; predict takes the covariates of the"
                    + " forecast periods from it, run 'demandcast prepare' with this config first");
        }
        Panel future = config.predict().future() != null
                ? FutureCsv.prepare(config, Path.of(config.predict().future()), env) : history.future();
        Panel source = future == null ? history.all() : FutureCovariates.append(history.all(), future);

        List<String> ids = model.seriesIds();
        int[] series = new int[ids.size()];
        int[] ends = new int[ids.size()];
        int k = 0;
        for (String id : ids) {
            int s = source.indexOf(id);
            java.time.LocalDate end = model.fittedEnd(id);
            if (s < 0 || end == null) {
                throw new DataException(history.source() + ": series '" + id + "' of the model is not in the prepared data;"
                        + " prepare the data the model was trained on, or train again");
            }
            series[k] = s;
            ends[k++] = source.axis().period(end);
        }
        Panel request = FutureCovariates.after(source, series, ends, horizon, history.pastOnly());
        requireKnownFeatures(config, model, request, ends, horizon);
        return request;
    }

    /** The forecast periods every known numeric covariate the model reads must have a value on. */
    private static void requireKnownFeatures(ExperimentConfig config, FittedModel model, Panel request, int[] ends, int horizon) {
        for (String feature : model.features()) {
            if (!request.hasNumeric(feature)) {
                continue; // computed by the family itself (its lags, say), or past-only: read up to the cutoff only
            }
            List<String> missing = new ArrayList<>();
            int count = 0;
            for (int i = 0; i < request.seriesCount(); i++) {
                Set<Integer> have = new HashSet<>();
                for (int r = request.rowStart(i); r < request.rowEnd(i); r++) {
                    if (!Double.isNaN(request.numeric(feature, r))) {
                        have.add(request.period(r));
                    }
                }
                String ranges = ranges(request, ends[i] + 1, ends[i] + horizon, have);
                if (!ranges.isEmpty()) {
                    count++;
                    if (missing.size() < SERIES_SHOWN) {
                        missing.add(request.seriesId(i) + " (" + ranges + ")");
                    }
                }
            }
            if (count > 0) {
                throw new DataException("predict: the model reads the known covariate '" + feature + "', which has no value over"
                        + " the forecast periods of " + count + " series: " + String.join(", ", missing)
                        + (count > missing.size() ? " and " + (count - missing.size()) + " more" : "")
                        + "; give them as rows past the last target value in data.files (then run prepare again)"
                        + " or in a predict.future CSV" + (config.predict().future() != null ? " (" + config.predict().future() + ")" : ""));
            }
        }
    }

    /** The periods {@code from..to} not in {@code have}, as date ranges: {@code 2024-01-21..2024-01-23, 2024-01-25}. */
    private static String ranges(Panel panel, int from, int to, Set<Integer> have) {
        List<String> out = new ArrayList<>();
        int p = from;
        while (p <= to) {
            if (have.contains(p)) {
                p++;
                continue;
            }
            int start = p;
            while (p + 1 <= to && !have.contains(p + 1)) {
                p++;
            }
            out.add(start == p ? panel.axis().date(start).toString() : panel.axis().date(start) + ".." + panel.axis().date(p));
            p++;
        }
        return String.join(", ", out);
    }

}
