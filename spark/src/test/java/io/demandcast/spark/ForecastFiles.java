package io.demandcast.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** Compares two forecast CSVs as {@code demandcast predict} writes them, row by row and value by value. */
final class ForecastFiles {
    private ForecastFiles() {
    }

    /**
     * @param series the series both must hold
     * @param steps  the forecast steps per series
     */
    static void assertSameValues(String expected, String actual, int series, int steps) {
        List<String> want = expected.lines().toList();
        List<String> got = actual.lines().toList();
        assertEquals(series * steps + 1, want.size(), "the single-process forecast: a header and " + series + " x " + steps + " rows");
        assertEquals(want.get(0), got.get(0), "header");
        assertEquals(want.size(), got.size(), "rows");
        for (int r = 1; r < want.size(); r++) {
            String[] w = want.get(r).split(",", -1);
            String[] g = got.get(r).split(",", -1);
            assertEquals(w[0] + "," + w[1] + "," + w[2], g[0] + "," + g[1] + "," + g[2], "series, date and model of row " + r);
            for (int c = 3; c < w.length; c++) {
                assertEquals(Double.parseDouble(w[c]), Double.parseDouble(g[c]), 0.0,
                        "row " + r + " (" + w[0] + " " + w[1] + ") column " + want.get(0).split(",")[c]);
            }
        }
    }
}
