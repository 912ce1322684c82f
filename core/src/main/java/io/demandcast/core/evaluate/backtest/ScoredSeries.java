package io.demandcast.core.evaluate.backtest;

import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.config.InvalidConfigException;
import io.demandcast.core.config.SchemaConfig;
import io.demandcast.core.config.SeriesFilter;
import io.demandcast.core.data.DataException;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.SeriesSelection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The series {@code evaluate.score_series} scores: the same conditions as {@code data.series}
 * ({@code ids}, a metadata {@code file} with {@code where}, or {@code where} on static columns),
 * tested on the panel's series. Every series is still fitted on: only the metrics leave the
 * others out, so a global model can train on more series than are scored.
 */
public final class ScoredSeries {
    private ScoredSeries() {
    }

    /**
     * @return a test of series ids; every id passes when {@code score_series} is absent
     * @throws InvalidConfigException when the selection keeps none of the panel's series or lists an id the data lacks
     */
    public static Predicate<String> of(ExperimentConfig config, Panel panel) {
        SeriesFilter filter = config.evaluate().scoreSeries();
        if (filter == null) {
            return id -> true;
        }
        SchemaConfig schema = config.data().schema();
        SeriesSelection selection;
        try {
            selection = SeriesSelection.of(filter, schema);
        } catch (DataException | InvalidConfigException e) {
            throw new InvalidConfigException("evaluate.score_series: " + e.getMessage(), e);
        }
        List<String> statics = schema.statics();
        Set<String> kept = new HashSet<>();
        for (int s = 0; s < panel.seriesCount(); s++) {
            String[] values = new String[statics.size()];
            for (int c = 0; c < values.length; c++) {
                values[c] = panel.staticNames().contains(statics.get(c)) ? panel.staticValue(statics.get(c), s) : null;
            }
            if (selection.keeps(panel.seriesId(s), values)) {
                kept.add(panel.seriesId(s));
            }
        }
        List<String> absent = filter.ids().stream().filter(id -> panel.indexOf(id) < 0).toList();
        if (!absent.isEmpty()) {
            throw new InvalidConfigException("evaluate.score_series.ids: not in the data: " + String.join(", ", absent));
        }
        if (kept.isEmpty()) {
            throw new InvalidConfigException("evaluate.score_series (" + filter.describe() + ") keeps none of the data's "
                    + panel.seriesCount() + " series");
        }
        return Set.copyOf(kept)::contains;
    }
}
