package io.demandcast.core.model;

import io.demandcast.core.data.DataException;
import io.demandcast.core.data.Panel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code predict} did to bring a model up to the newest data before forecasting: the series whose
 * history extends past the end of the data the model was fitted on are fed through
 * {@link FittedModel#update} (fitted parameters fixed); the others keep their end.
 *
 * @param model          the model to forecast with (the loaded one when nothing was fed)
 * @param modelEnd       the latest end of the data the loaded model was fitted on, over its series
 * @param dataEnd        the latest end of the data the forecast starts after (equal to {@code modelEnd}
 *                       when nothing was fed)
 * @param seriesUpdated  series fed newer periods
 * @param periodsFed     the most periods fed to one series
 * @param seriesSkipped  series with newer periods not fed ({@code predict.update: false})
 */
public record ModelUpdate(FittedModel model, LocalDate modelEnd, LocalDate dataEnd, int seriesUpdated, int periodsFed,
                          int seriesSkipped) {

    /**
     * @param history the newest data, null for none
     * @param enabled false to forecast from the model's own end even when the history is newer
     * @param source  where the history came from, named in messages
     * @throws DataException when the model cannot follow the history (a family that cannot update, a
     *                       history that starts elsewhere): the message says so and how to proceed
     */
    static ModelUpdate apply(FittedModel model, Panel history, boolean enabled, String source) {
        LocalDate modelEnd = latest(model);
        if (history == null) {
            return new ModelUpdate(model, modelEnd, modelEnd, 0, 0, 0);
        }
        List<Integer> newer = new ArrayList<>();
        int periods = 0;
        LocalDate dataEnd = modelEnd;
        for (String id : model.seriesIds()) {
            int s = history.indexOf(id);
            if (s < 0 || history.length(s) == 0) {
                continue;
            }
            LocalDate end = history.axis().date(history.lastPeriod(s));
            LocalDate fitted = model.fittedEnd(id);
            if (fitted == null || end.isAfter(fitted)) {
                newer.add(s);
                int from = fitted == null ? history.firstPeriod(s) - 1 : history.axis().period(fitted);
                periods = Math.max(periods, history.lastPeriod(s) - from);
                dataEnd = dataEnd == null || end.isAfter(dataEnd) ? end : dataEnd;
            }
        }
        if (newer.isEmpty()) {
            return new ModelUpdate(model, modelEnd, modelEnd, 0, 0, 0);
        }
        if (!enabled) {
            return new ModelUpdate(model, modelEnd, modelEnd, 0, 0, newer.size());
        }
        FittedModel updated;
        try {
            updated = model.update(history.select(newer.stream().mapToInt(Integer::intValue).toArray()));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw new DataException("predict: cannot bring the " + model.family() + " model up to the newer data of " + source
                    + " (its data ends " + modelEnd + "): " + e.getMessage()
                    + "; train again on this data, or forecast from the model's own end with --no-update (predict.update: false)", e);
        }
        return new ModelUpdate(updated, modelEnd, dataEnd, newer.size(), periods, 0);
    }

    /** The latest fitted end over the model's series; null when none had any history. */
    private static LocalDate latest(FittedModel model) {
        LocalDate last = null;
        for (String id : model.seriesIds()) {
            LocalDate end = model.fittedEnd(id);
            if (end != null && (last == null || end.isAfter(last))) {
                last = end;
            }
        }
        return last;
    }

    /** Whether the model was fed newer periods. */
    public boolean updated() {
        return seriesUpdated > 0;
    }
}
