package io.demandcast.core.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastCsvWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** A direction head's probabilities: carried through clipping, scored instead of the points' moves, written as p_up. */
class ForecastDirectionTest {

    /** A: points 4, 5, 6 (rising); B: points 2, 2, 3. */
    static Forecast withHead() {
        // the head calls A down, down, up and B up, up, down: unlike the points
        return ScorerTest.forecast().withUpProbabilities(new double[] {0.2, 0.1, 0.9, 0.7, 0.6, 0.4});
    }

    @Test
    void probabilitiesOutsideZeroToOneOrOfAnotherShapeAreRefused() {
        Forecast f = ScorerTest.forecast();
        assertFalse(f.hasDirection());
        assertTrue(Double.isNaN(f.upProbability(0, 0)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> f.withUpProbabilities(new double[] {0.2, 0.1, 1.5, 0.7, 0.6, 0.4}));
        assertTrue(e.getMessage().contains("series 'A' at step 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> f.withUpProbabilities(new double[] {0.5}));
        assertThrows(IllegalArgumentException.class, () -> f.withUpProbabilities(new double[] {0, 0, Double.NaN, 0, 0, 0}));
    }

    @Test
    void clippingKeepsTheHeadsProbabilities() {
        Forecast clipped = NonNegative.clipAtZero(withHead());
        assertTrue(clipped.hasDirection());
        assertEquals(0.9, clipped.upProbability(0, 2));
        assertEquals(0.4, clipped.upProbability(1, 2));
    }

    @Test
    void theDirectionMetricsScoreTheHeadsCallsNotThePointsMoves() {
        Scorer scorer = new Scorer(ScoreOptions.of(1));
        // B's actuals 2, 2, 2 after a last training value 2: never up. Points 2, 2, 3 call up once (step 3),
        // the head calls up at steps 1 and 2.
        SeriesMetrics points = scorer.score(ScorerTest.forecast(), ScorerTest.actuals(), ScorerTest.training()).perSeries().get(1);
        SeriesMetrics head = scorer.score(withHead(), ScorerTest.actuals(), ScorerTest.training()).perSeries().get(1);
        assertEquals(new DirectionScore(0, 1, 2, 0), points.direction());
        assertEquals(new DirectionScore(0, 2, 1, 0), head.direction());
        assertEquals(points.mae(), head.mae(), "quantity metrics do not change");
        // A: June actual 5 > 4 (up); the head calls down there: a false negative (July, August lack a pair)
        assertEquals(new DirectionScore(0, 0, 0, 1),
                scorer.score(withHead(), ScorerTest.actuals(), ScorerTest.training()).perSeries().get(0).direction());
    }

    @Test
    void theCsvHasAPUpColumnOnlyWithAHead() throws Exception {
        StringWriter plain = new StringWriter();
        ForecastCsvWriter.write(ScorerTest.forecast(), plain);
        assertFalse(plain.toString().contains("p_up"));
        StringWriter out = new StringWriter();
        ForecastCsvWriter.write(withHead(), out);
        String[] lines = out.toString().split("\n");
        assertEquals("series_id,date,model,forecast,p_up", lines[0]);
        assertEquals("A,2020-06-01,test,4,0.2", lines[1]);
        assertEquals("B,2020-08-01,test,3,0.4", lines[6]);
    }
}
