package io.demandcast.core.model.stat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelBuilder;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelRegistry;
import io.demandcast.core.model.UpdateMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link FittedLocalModel#update} matches history series to fitted ones, and what it refuses. */
class FittedLocalModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate START = LocalDate.of(2024, 3, 4);
    private static final ForecastRequest REQUEST = new ForecastRequest(3, 0.1, 0.9);
    private static final double[] A = {3, 5, 4, 6, 5, 7, 6, 8, 7, 9, 8, 10};
    private static final double[] B = {1, 0, 2, 0, 0, 3, 1, 0, 2, 2, 0, 4};

    /** SES, so that an update (filter) and a refit visibly differ. */
    private static LocalForecaster ses() throws Exception {
        return (LocalForecaster) ModelRegistry.standard().family("ses").create(JSON.readTree("{}"), ModelContext.of(Frequency.DAILY));
    }

    private static Panel panel(int length) {
        return new PanelBuilder(Frequency.DAILY, START)
                .add("a", START, java.util.Arrays.copyOf(A, length))
                .add("b", START, java.util.Arrays.copyOf(B, length))
                .build();
    }

    @Test
    void updatesOnlyTheSeriesInHistoryAndKeepsTheOthers() throws Exception {
        FittedLocalModel fitted = (FittedLocalModel) ses().fit(panel(8));
        Panel onlyB = new PanelBuilder(Frequency.DAILY, START).add("b", START, B).build();
        FittedLocalModel updated = fitted.update(onlyB);
        Forecast before = fitted.forecast(REQUEST);
        Forecast after = updated.forecast(REQUEST);
        assertEquals(before.firstPeriod(0), after.firstPeriod(0));
        assertArrayEquals(before.points(0), after.points(0));
        assertEquals(B.length, after.firstPeriod(1));
        assertEquals(UpdateMode.FILTER, updated.updateMode());
    }

    @Test
    void refusesASeriesItWasNotFittedOn() throws Exception {
        FittedModel fitted = ses().fit(panel(8));
        Panel other = new PanelBuilder(Frequency.DAILY, START).add("a", START, A).add("c", START, B).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fitted.update(other));
        assertTrue(e.getMessage().contains("'c'"), e.getMessage());
    }

    @Test
    void refusesAHistoryThatEndsBeforeTheFittedEnd() throws Exception {
        FittedModel fitted = ses().fit(panel(8));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fitted.update(panel(6)));
        assertTrue(e.getMessage().contains("'a'") && e.getMessage().contains(START.plusDays(5).toString()), e.getMessage());
    }

    /** A backtest passing only the new window, not the whole history, would filter from the wrong place. */
    @Test
    void refusesAHistoryThatStartsElsewhere() throws Exception {
        FittedModel fitted = ses().fit(panel(8));
        Panel newRowsOnly = panel(12).slice(8, 11);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fitted.update(newRowsOnly));
        assertTrue(e.getMessage().contains("'a'") && e.getMessage().contains("whole history"), e.getMessage());
    }

    @Test
    void refusesAnotherFrequency() throws Exception {
        FittedModel fitted = ses().fit(panel(8));
        Panel weekly = new PanelBuilder(Frequency.WEEKLY, START).add("a", START, A).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fitted.update(weekly));
        assertTrue(e.getMessage().contains("weekly"), e.getMessage());
    }

    @Test
    void mapsAHistoryAnchoredElsewhereOntoTheModelsAxis() throws Exception {
        FittedModel fitted = ses().fit(panel(8));
        LocalDate earlier = START.minusDays(10);
        Panel shifted = new PanelBuilder(Frequency.DAILY, earlier).add("a", START, A).add("b", START, B).build();
        Forecast expected = fitted.update(panel(12)).forecast(REQUEST);
        Forecast actual = fitted.update(shifted).forecast(REQUEST);
        for (int s = 0; s < 2; s++) {
            assertEquals(expected.firstPeriod(s), actual.firstPeriod(s));
            assertEquals(expected.axis().date(expected.firstPeriod(s)), actual.axis().date(actual.firstPeriod(s)));
            assertArrayEquals(expected.points(s), actual.points(s));
        }
    }

    @Test
    void missingValuesAreCleanedAsTheFitCleansThem() throws Exception {
        double[] gaps = A.clone();
        gaps[3] = Double.NaN;
        gaps[11] = Double.NaN;
        Panel withGaps = new PanelBuilder(Frequency.DAILY, START).add("a", START, gaps).build();
        Panel first = withGaps.sliceUntil(7);
        FittedLocalModel fitted = (FittedLocalModel) ses().fit(first);
        double[] cleaned = SeriesCleaner.clean(withGaps.values(0));
        SeriesFit expected = ses().method().update(fitted.fit(0), cleaned);
        FittedLocalModel updated = fitted.update(withGaps);
        assertArrayEquals(expected.forecast(3, new double[0]).point(), updated.fit(0).forecast(3, new double[0]).point());
        assertEquals(12, updated.forecast(REQUEST).firstPeriod(0));
    }

    /** A series without any observed value when fitted had nothing estimated: its first update with data fits it. */
    @Test
    void aSeriesEmptyWhenFittedIsFittedAfresh() throws Exception {
        double[] none = new double[8];
        java.util.Arrays.fill(none, Double.NaN);
        Panel empty = new PanelBuilder(Frequency.DAILY, START).add("a", START, none).add("b", START, java.util.Arrays.copyOf(B, 8)).build();
        FittedModel fitted = ses().fit(empty);
        Panel later = panel(12);
        Forecast expected = ses().fit(later).forecast(REQUEST);
        Forecast actual = fitted.update(later).forecast(REQUEST);
        assertArrayEquals(expected.points(0), actual.points(0));
    }

    /** A state saved before updates existed lacks the ETS initial state: it still forecasts, but the update names the series and asks to retrain. */
    @Test
    void aStateLackingWhatTheUpdateNeedsIsRefusedNamingTheSeries(@TempDir Path dir) throws Exception {
        FittedModel fitted = ses().fit(panel(8));
        fitted.save(dir);
        Path file = dir.resolve(FittedLocalModel.STATE_FILE);
        ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
        root.withArray("series").forEach(one -> ((ObjectNode) one.get("state")).remove("initial_state"));
        Files.writeString(file, JSON.writeValueAsString(root));
        FittedModel loaded = ModelRegistry.standard().family("ses").load(dir);
        assertArrayEquals(fitted.forecast(REQUEST).points(0), loaded.forecast(REQUEST).points(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> loaded.update(panel(12)));
        assertTrue(e.getMessage().startsWith("series 'a': ") && e.getMessage().contains("retrain"), e.getMessage());
    }

    /** Models saved before updates existed load without first periods: their updates skip that check. */
    @Test
    void aStateWithoutFirstPeriodsStillUpdates(@TempDir Path dir) throws Exception {
        FittedModel fitted = ses().fit(panel(8));
        fitted.save(dir);
        Path file = dir.resolve(FittedLocalModel.STATE_FILE);
        ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
        root.withArray("series").forEach(one -> ((ObjectNode) one).remove("first_observed"));
        Files.writeString(file, JSON.writeValueAsString(root));
        FittedModel loaded = ModelRegistry.standard().family("ses").load(dir);
        assertArrayEquals(fitted.update(panel(12)).forecast(REQUEST).points(1), loaded.update(panel(12)).forecast(REQUEST).points(1));
    }

    /** The state is written series by series; the file is the pretty-printed document, and loads to the same forecasts. */
    @Test
    void savesThePrettyPrintedDocumentAndLoadsToTheSameForecasts(@TempDir Path dir) throws Exception {
        FittedModel fitted = ModelRegistry.standard().family("auto").create(JSON.readTree("{}"), ModelContext.of(Frequency.DAILY))
                .fit(panel(12));
        fitted.save(dir);
        String written = Files.readString(dir.resolve(FittedLocalModel.STATE_FILE));
        assertEquals(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(written)), written);
        assertTrue(written.contains("\"series\" : [ {"), written);
        FittedModel loaded = ModelRegistry.standard().family("auto").load(dir);
        for (int s = 0; s < 2; s++) {
            assertArrayEquals(fitted.forecast(REQUEST).points(s), loaded.forecast(REQUEST).points(s));
        }
        assertEquals(fitted.fitOutcomes(), loaded.fitOutcomes());
    }
}
