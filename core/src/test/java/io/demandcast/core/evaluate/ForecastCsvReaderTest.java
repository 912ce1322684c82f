package io.demandcast.core.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.demandcast.core.data.DataException;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.model.Forecast;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastCsvReaderTest {

    @TempDir
    Path dir;

    private Path csv(String text) throws IOException {
        Path file = dir.resolve("forecasts.csv");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void readsFilteredRowsInAnyOrder() throws IOException {
        Path file = csv("""
                id,method,day,yhat
                a,THETA,2020-03-01,3
                a,NAIVE,2020-01-01,9
                a,THETA,2020-01-01,1
                b,THETA,2020-02-01,5
                a,THETA,2020-02-01,2
                b,THETA,2020-03-01,6
                b,THETA,2020-04-01,7
                """);
        Forecast f = ForecastCsvReader.read(file, new ForecastCsvFormat("id", "day", "yhat", "method", "THETA"),
                Frequency.MONTHLY);
        assertEquals("THETA", f.model());
        assertEquals(List.of("a", "b"), f.seriesIds());
        assertEquals(3, f.horizon());
        assertArrayEquals(new double[] {1, 2, 3}, f.points(0));
        assertArrayEquals(new double[] {5, 6, 7}, f.points(1));
        assertEquals(LocalDate.of(2020, 2, 1), f.axis().date(f.firstPeriod(1)));
    }

    @Test
    void keepsOnlyRequestedSeries() throws IOException {
        Path file = csv("""
                series_id,date,forecast
                a,2020-01-01,1
                x,2020-01-01,1
                x,2020-01-02,1
                """);
        Forecast f = ForecastCsvReader.read(file, ForecastCsvFormat.defaults(), Frequency.MONTHLY, Set.of("a"));
        assertEquals(List.of("a"), f.seriesIds());
        assertEquals("forecasts.csv", f.model());
    }

    @Test
    void badCellsNameFileLineAndColumn() throws IOException {
        Path file = csv("""
                series_id,date,forecast
                a,2020-01-01,1
                a,2020-02-01,oops
                """);
        DataException e = assertThrows(DataException.class,
                () -> ForecastCsvReader.read(file, ForecastCsvFormat.defaults(), Frequency.MONTHLY));
        assertEquals(file + ":3:3: forecast 'oops' is not a number", e.getMessage());

        Path offGrid = csv("""
                series_id,date,forecast
                a,2020-01-01,1
                a,2020-02-15,2
                """);
        e = assertThrows(DataException.class, () -> ForecastCsvReader.read(offGrid, ForecastCsvFormat.defaults(), Frequency.MONTHLY));
        assertEquals(offGrid + ":3:2: date 2020-02-15 is not a monthly period start (day 1 of each month)", e.getMessage());

        Path noColumn = csv("series_id,date,value\na,2020-01-01,1\n");
        e = assertThrows(DataException.class, () -> ForecastCsvReader.read(noColumn, ForecastCsvFormat.defaults(), Frequency.MONTHLY));
        assertEquals(noColumn + ":1:1: no column 'forecast'; the header has [series_id, date, value]", e.getMessage());
    }

    @Test
    void gapsDuplicatesAndUnequalHorizonsAreErrors() throws IOException {
        Path gap = csv("series_id,date,forecast\na,2020-01-01,1\na,2020-03-01,1\n");
        DataException e = assertThrows(DataException.class, () -> ForecastCsvReader.read(gap, ForecastCsvFormat.defaults(), Frequency.MONTHLY));
        assertEquals(gap + ": series 'a' has no forecast for 2020-02-01 between its first 2020-01-01 and last 2020-03-01 forecast date",
                e.getMessage());

        Path twice = csv("series_id,date,forecast\na,2020-01-01,1\na,2020-01-01,2\n");
        e = assertThrows(DataException.class, () -> ForecastCsvReader.read(twice, ForecastCsvFormat.defaults(), Frequency.MONTHLY));
        assertEquals(twice + ":3: series 'a' has a second forecast for 2020-01-01 (first on line 2)", e.getMessage());

        Path unequal = csv("series_id,date,forecast\na,2020-01-01,1\na,2020-02-01,1\nb,2020-01-01,1\n");
        e = assertThrows(DataException.class, () -> ForecastCsvReader.read(unequal, ForecastCsvFormat.defaults(), Frequency.MONTHLY));
        assertEquals(unequal + ": series 'b' has 1 forecast steps but 'a' has 2; score series of one horizon together (filter the series)",
                e.getMessage());

        Path none = csv("series_id,date,forecast,method\na,2020-01-01,1,X\n");
        e = assertThrows(DataException.class, () -> ForecastCsvReader.read(none,
                ForecastCsvFormat.defaults().filtered("method", "THETA"), Frequency.MONTHLY));
        assertEquals(none + ": no forecast rows with method = THETA", e.getMessage());
    }
}
