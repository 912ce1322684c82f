package io.demandcast.core.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.data.DataException;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelBuilder;
import io.demandcast.core.data.TimeAxis;
import io.demandcast.core.model.Forecast;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScorerTest {
    private static final double EPS = 1e-12;
    private static final double NaN = Double.NaN;
    private static final LocalDate JAN = LocalDate.of(2020, 1, 1);
    private static final LocalDate JUN = LocalDate.of(2020, 6, 1);

    /** A: varied history; B: constant history (zero scale). Both forecast June..August 2020. */
    static Panel training() {
        return new PanelBuilder(Frequency.MONTHLY, JAN)
                .add("A", JAN, 1, 3, 2, 5, 4)
                .add("B", JAN, 2, 2, 2, 2, 2)
                .build();
    }

    static Forecast forecast() {
        TimeAxis axis = new TimeAxis(Frequency.MONTHLY, JAN);
        return new Forecast("test", axis, new String[] {"A", "B"}, new int[] {5, 5}, 3,
                new double[] {4, 5, 6, 2, 2, 3}, new double[0], new double[0][]);
    }

    /** Actuals on another anchor (matched by date), with a missing July for A and an extra September. */
    static Panel actuals() {
        return new PanelBuilder(Frequency.MONTHLY, LocalDate.of(2019, 3, 1))
                .add("A", JUN, 5, NaN, 7, 100)
                .add("B", JUN, 2, 2, 2)
                .add("C", JUN, 1, 1, 1)
                .build();
    }

    @Test
    void scoresEachSeriesOnItsForecastWindow() {
        ScoreResult result = new Scorer(ScoreOptions.of(1)).score(forecast(), actuals(), training());
        SeriesMetrics a = result.perSeries().get(0);
        assertEquals("A", a.seriesId());
        assertEquals(2, a.n(), "July is missing, September is past the horizon");
        assertEquals(1.0, a.mae(), EPS);                          // |5-4|, |7-6|
        assertEquals(1.0 / 1.75, a.mase(), EPS);                  // scale mean(|2|,|-1|,|3|,|-1|) = 1.75
        assertEquals(1.0 / Math.sqrt(15.0 / 4), a.rmsse(), EPS);  // scale sqrt(mean(4,1,9,1))
        // June: actual 5 > last training 4 (up), forecast 4 > 4 (tie: not up); July and August lack an actual pair
        assertEquals(new DirectionScore(0, 0, 0, 1), a.direction());
        SeriesMetrics b = result.perSeries().get(1);
        assertEquals(3, b.n());
        assertTrue(Double.isNaN(b.mase()), "constant training series has no MASE");
        assertTrue(Double.isNaN(b.rmsse()));
        assertEquals(50.0 / 3, b.mape(), EPS);                    // 0, 0, 100*1/2
    }

    @Test
    void aggregatesMeansOverDefinedSeriesAndPoolsTotals() {
        AggregateMetrics agg = new Scorer(ScoreOptions.of(1)).score(forecast(), actuals(), training()).aggregate();
        assertEquals(2, agg.series());
        assertEquals(5, agg.n());
        assertEquals((1.0 + 1.0 / 3) / 2, agg.mae(), EPS);
        assertEquals(1.0 / 1.75, agg.mase(), EPS, "B is excluded");
        assertEquals(1, agg.maseExcluded());
        assertEquals(1, agg.rmsseExcluded());
        assertEquals(0, agg.mapeExcluded());
        assertEquals(1, agg.r2Excluded(), "B's actuals are constant");
        assertEquals(3.0 / 18, agg.wape(), EPS);                  // (1+1+0+0+1) / (5+7+2+2+2)
        assertEquals(-1.0 / 18, agg.relativeBias(), EPS);         // (-1-1+0+0+1) / 18
        assertTrue(Double.isNaN(agg.wrmsse()));
        assertTrue(agg.wrmsseByLevel().isEmpty());
    }

    @Test
    void weightsGiveWrmsse() {
        SeriesWeights weights = new SeriesWeights(Map.of("A", 1.0), Map.of("A", "top"));
        AggregateMetrics agg = new Scorer(ScoreOptions.of(1).withWeights(weights))
                .score(forecast(), actuals(), training()).aggregate();
        double rmsseA = 1.0 / Math.sqrt(15.0 / 4);
        assertEquals(Map.of("top", rmsseA), agg.wrmsseByLevel());
        assertEquals(rmsseA, agg.wrmsse(), EPS);
        SeriesWeights foreign = SeriesWeights.of(Map.of("Z", 1.0));
        assertThrows(IllegalArgumentException.class,
                () -> new Scorer(ScoreOptions.of(1).withWeights(foreign)).score(forecast(), actuals(), training()));
    }

    @Test
    void forecastSeriesWithoutActualsIsAnErrorNamingIt() {
        Panel onlyB = new PanelBuilder(Frequency.MONTHLY, JAN).add("B", JUN, 2, 2, 2).build();
        DataException e = assertThrows(DataException.class, () -> new Scorer(ScoreOptions.of(1)).score(forecast(), onlyB, training()));
        assertEquals("forecast series 'A' has no actuals: the actuals have no such series", e.getMessage());
        Panel allMissing = new PanelBuilder(Frequency.MONTHLY, JAN).add("A", JUN, NaN, NaN, NaN).add("B", JUN, 2, 2, 2).build();
        e = assertThrows(DataException.class, () -> new Scorer(ScoreOptions.of(1)).score(forecast(), allMissing, training()));
        assertEquals("forecast series 'A' has no actuals in its window 2020-06-01 .. 2020-08-01", e.getMessage());
    }

    @Test
    void forecastSeriesWithoutHistoryIsAnError() {
        Panel onlyA = new PanelBuilder(Frequency.MONTHLY, JAN).add("A", JAN, 1, 3, 2, 5, 4).build();
        DataException e = assertThrows(DataException.class, () -> new Scorer(ScoreOptions.of(1)).score(forecast(), actuals(), onlyA));
        assertTrue(e.getMessage().startsWith("forecast series 'B' has no training history"), e.getMessage());
    }

    @Test
    void trainingRowsFromTheForecastWindowOnAreIgnored() {
        Panel leaky = new PanelBuilder(Frequency.MONTHLY, JAN)
                .add("A", JAN, 1, 3, 2, 5, 4, 50, 60)
                .add("B", JAN, 2, 2, 2, 2, 2)
                .build();
        assertEquals(new Scorer(ScoreOptions.of(1)).score(forecast(), actuals(), training()),
                new Scorer(ScoreOptions.of(1)).score(forecast(), actuals(), leaky));
    }

    @Test
    void rejectsMixedFrequencies() {
        Panel weekly = new PanelBuilder(Frequency.WEEKLY, JAN).add("A", JAN, 1, 2).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Scorer(ScoreOptions.of(1)).score(forecast(), weekly, training()));
        assertEquals("the forecast is monthly but the actuals are weekly", e.getMessage());
    }
}
