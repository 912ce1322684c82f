package io.demandcast.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.demandcast.core.data.DataException;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelBuilder;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** {@link ModelUpdate#apply}: which series predict feeds, what it reports, and a history the model cannot follow. */
class ModelUpdateTest {
    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    private static double[] days(int n, int offset) {
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = 10 + ((t + offset) % 7) + offset;
        }
        return y;
    }

    private static FittedModel fitted() throws Exception {
        Panel history = new PanelBuilder(Frequency.DAILY, START).add("a", START, days(28, 0)).add("b", START, days(28, 1)).build();
        return ModelRegistry.standard().family("seasonal_naive").create(new ObjectMapper().readTree("{\"season_length\": 7}"),
                ModelContext.of(Frequency.DAILY).withHorizon(7)).fit(history);
    }

    @Test
    void dataEndingWhereTheModelEndsLeavesTheModelAsItIs() throws Exception {
        FittedModel model = fitted();
        Panel same = new PanelBuilder(Frequency.DAILY, START).add("a", START, days(28, 0)).add("b", START, days(28, 1)).build();
        ModelUpdate u = ModelUpdate.apply(model, same, true, "test");
        assertSame(model, u.model());
        assertEquals(START.plusDays(27), u.modelEnd());
        assertEquals(u.modelEnd(), u.dataEnd());
        assertEquals(0, u.seriesUpdated());
        assertSame(model, ModelUpdate.apply(model, null, true, null).model(), "no history: nothing to feed");
    }

    @Test
    void onlyTheSeriesWithNewerDaysAreFedAndTheReportSaysHowFar() throws Exception {
        FittedModel model = fitted();
        Panel newer = new PanelBuilder(Frequency.DAILY, START).add("a", START, days(35, 0)).add("b", START, days(28, 1))
                .add("unknown", START, days(40, 2)).build();
        ModelUpdate u = ModelUpdate.apply(model, newer, true, "test");
        assertEquals(1, u.seriesUpdated());
        assertEquals(7, u.periodsFed());
        assertEquals(START.plusDays(34), u.dataEnd());
        assertEquals(START.plusDays(34), u.model().fittedEnd("a"));
        assertEquals(START.plusDays(27), u.model().fittedEnd("b"), "b has nothing newer: it keeps its end");
        Forecast f = u.model().forecast(new ForecastRequest(7));
        assertEquals(START.plusDays(35), f.axis().date(f.firstPeriod(0)));

        ModelUpdate off = ModelUpdate.apply(model, newer, false, "test");
        assertSame(model, off.model());
        assertEquals(1, off.seriesSkipped());
        assertEquals(0, off.seriesUpdated());
    }

    @Test
    void aHistoryTheModelCannotFollowIsBadInputNamingTheWayOut() throws Exception {
        FittedModel model = fitted();
        // "a" now starts a day later than it did at the fit: the update refuses it.
        Panel moved = new PanelBuilder(Frequency.DAILY, START).add("a", START.plusDays(1), days(34, 0)).build();
        DataException e = assertThrows(DataException.class, () -> ModelUpdate.apply(model, moved, true, "new.csv over data.files"));
        assertTrue(e.getMessage().startsWith("predict: cannot bring the seasonal_naive model up to the newer data of new.csv over data.files"
                + " (its data ends 2024-01-28): "), e.getMessage());
        assertTrue(e.getMessage().contains("--no-update"), e.getMessage());
    }
}
