package io.demandcast.core.model;

import io.demandcast.core.data.DatasetManifest;
import io.demandcast.core.data.PanelColumns;
import io.demandcast.core.model.stat.FittedLocalModel;
import io.demandcast.core.model.stat.LocalForecaster;
import io.demandcast.core.prepare.Censoring;
import io.demandcast.core.prepare.OutlierTreatment;
import java.util.Collection;

/**
 * The prepared columns a set of models reads, so that {@code train}, {@code evaluate} and {@code predict}
 * load no more: a local per-series method (naive to auto ETS/ARIMA, theta, Croston, their combinations and
 * per-series auto selection) reads only the target; global models (ML, deep, combinations with a
 * global member) read covariates, features and their lags, so they load every column.
 */
public final class ModelColumns {
    private ModelColumns() {
    }

    public static PanelColumns of(Collection<Forecaster> forecasters) {
        return !forecasters.isEmpty() && forecasters.stream().allMatch(f -> f instanceof LocalForecaster)
                ? PanelColumns.targetOnly() : PanelColumns.ALL;
    }

    /**
     * The prepared columns a fitted model reads when {@code predict} brings it up to the data and
     * builds its request: the target only for a per-series model (its fits read nothing else),
     * every column otherwise.
     */
    public static PanelColumns of(FittedModel model) {
        return model instanceof FittedLocalModel ? PanelColumns.targetOnly() : PanelColumns.ALL;
    }

    /**
     * One progress line saying what was left on disk, e.g. {@code read the target only (per-series
     * models): 19 numeric and 4 categorical prepared columns not loaded}; null when every column was read.
     */
    public static String describe(PanelColumns columns, DatasetManifest manifest) {
        if (columns.all()) {
            return null;
        }
        DatasetManifest.Columns stored = manifest.columns();
        // the target before outlier treatment is always read (it is what forecasts are scored against)
        long numeric = stored.numeric().stream()
                .filter(c -> !columns.numeric(c) && !c.equals(OutlierTreatment.RAW_TARGET_COLUMN) && !c.equals(Censoring.COLUMN)).count();
        long categorical = stored.categorical().stream().filter(c -> !columns.categorical(c)).count();
        return "read the target only (per-series models): " + numeric + " numeric and " + categorical
                + " categorical prepared columns not loaded";
    }
}
