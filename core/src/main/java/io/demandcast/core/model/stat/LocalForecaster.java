package io.demandcast.core.model.stat;

import io.demandcast.core.data.Panel;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecaster;
import java.util.Map;

/**
 * Runs a {@link SeriesMethod} on every series of a panel, one independent fit per series, in
 * parallel over the common fork-join pool, each thread taking the next series as it finishes one
 * ({@link SeriesParallel}; memory grows with the fitted states only, which are small).
 */
public final class LocalForecaster implements Forecaster {
    private final SeriesMethod method;

    public LocalForecaster(SeriesMethod method) {
        this.method = method;
    }

    public SeriesMethod method() {
        return method;
    }

    @Override
    public String family() {
        return method.family();
    }

    @Override
    public Map<String, Object> parameters() {
        return method.parameters();
    }

    @Override
    public FittedModel fit(Panel history) {
        return fit(history, io.demandcast.core.Progress.Task.NONE);
    }

    /** Fits every series in parallel, stepping {@code task} as each series is done. */
    @Override
    public FittedModel fit(Panel history, io.demandcast.core.Progress.Task task) {
        int n = history.seriesCount();
        String[] ids = new String[n];
        int[] firstObserved = new int[n];
        int[] lastPeriods = new int[n];
        SeriesFit[] fits = new SeriesFit[n];
        io.demandcast.core.model.FamilyUsed[] fallbacks = new io.demandcast.core.model.FamilyUsed[n];
        SeriesParallel.forEach(n, s -> {
            ids[s] = history.seriesId(s);
            firstObserved[s] = FittedLocalModel.firstObserved(history, s);
            lastPeriods[s] = history.length(s) == 0 ? -1 : history.lastPeriod(s);
            double[] y = SeriesCleaner.clean(history.values(s));
            fits[s] = method.fit(y);
            fallbacks[s] = method.familyUsed(y, fits[s]);
            task.step();
        });
        return new FittedLocalModel(method, history.axis(), ids, firstObserved, lastPeriods, fits, fallbacks);
    }
}
