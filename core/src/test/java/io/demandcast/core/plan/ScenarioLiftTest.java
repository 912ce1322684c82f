package io.demandcast.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.TimeAxis;
import io.demandcast.core.model.Forecast;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioLiftTest {
    static final TimeAxis AXIS = new TimeAxis(Frequency.DAILY, LocalDate.of(2024, 1, 1));
    static final double[] LEVELS = {0.1, 0.5, 0.9};

    /** Two series x 2 steps; quantiles = point x (0.5, 1, 1.5): a multiplicative spread. */
    static Forecast forecast(double... points) {
        double[][] q = new double[3][points.length];
        for (int i = 0; i < points.length; i++) {
            q[0][i] = points[i] * 0.5;
            q[1][i] = points[i];
            q[2][i] = points[i] * 1.5;
        }
        return new Forecast("m", AXIS, new String[] {"A", "B"}, new int[] {10, 10}, 2, points, LEVELS, q);
    }

    @Test
    void liftIsTheDifferenceOfPointsWithTheCommonDrawInterval() {
        ScenarioLift.Lifts l = ScenarioLift.of("cut", forecast(10, 20, 4, 0), forecast(12, 20, 3, 0));
        ScenarioLift.Row a1 = l.rows().get(0);
        assertEquals(LocalDate.of(2024, 1, 11), a1.date());
        assertEquals(10, a1.baseline());
        assertEquals(12, a1.forecast());
        assertEquals(2, a1.lift());
        assertEquals(1, a1.liftLo(), 1e-12, "at u = 0.1: 12 x 0.5 - 10 x 0.5");
        assertEquals(3, a1.liftHi(), 1e-12, "at u = 0.9: 12 x 1.5 - 10 x 1.5");
        ScenarioLift.Row b1 = l.rows().get(2);
        assertEquals(-1, b1.lift());
        assertEquals(-1.5, b1.liftLo(), 1e-12);
        assertEquals(-0.5, b1.liftHi(), 1e-12);
        ScenarioLift.Total a = l.totals().get(0);
        assertEquals(30, a.baseline());
        assertEquals(32, a.forecast());
        assertEquals(2, a.lift());
        assertEquals(100 * 2 / 30.0, a.liftPct(), 1e-12);
        assertEquals(1, a.liftLo(), 1e-12);
        assertEquals(3, a.liftHi(), 1e-12);
        assertEquals(LocalDate.of(2024, 1, 12), a.lastDate());
        ScenarioLift.Total b = l.totals().get(1);
        assertEquals(-25, b.liftPct(), 1e-12);
    }

    @Test
    void anAdditiveSpreadCancels() {
        double[] base = {10, 20, 4, 0};
        double[] scen = {12, 20, 3, 0};
        double[][] qb = new double[3][4];
        double[][] qs = new double[3][4];
        for (int i = 0; i < 4; i++) {
            for (int q = 0; q < 3; q++) {
                qb[q][i] = base[i] + (q - 1) * 5;
                qs[q][i] = scen[i] + (q - 1) * 5;
            }
        }
        Forecast b = new Forecast("m", AXIS, new String[] {"A", "B"}, new int[] {10, 10}, 2, base, LEVELS, qb);
        Forecast s = new Forecast("m", AXIS, new String[] {"A", "B"}, new int[] {10, 10}, 2, scen, LEVELS, qs);
        ScenarioLift.Row r = ScenarioLift.of("x", b, s).rows().get(0);
        assertEquals(2, r.liftLo(), 1e-12);
        assertEquals(2, r.liftHi(), 1e-12);
    }

    @Test
    void csvAndSummary() throws Exception {
        ScenarioLift.Lifts l = ScenarioLift.of("cut", forecast(10, 20, 0, 0), forecast(12, 20, 0, 0));
        StringWriter rows = new StringWriter();
        ScenarioCsvWriter.writeRows(List.of(l), rows);
        assertEquals(String.join("\n", ScenarioCsvWriter.HEADER,
                "A,2024-01-11,cut,10,12,2,1,3",
                "A,2024-01-12,cut,20,20,0,0,0",
                "B,2024-01-11,cut,0,0,0,0,0",
                "B,2024-01-12,cut,0,0,0,0,0", ""), rows.toString());
        StringWriter totals = new StringWriter();
        ScenarioCsvWriter.writeTotals(List.of(l), totals);
        assertEquals(String.join("\n", ScenarioCsvWriter.TOTALS_HEADER,
                "A,cut,2024-01-11,2024-01-12,30,32,2,1,3,6.6667",
                "B,cut,2024-01-11,2024-01-12,0,0,0,0,0,", ""), totals.toString());
        ScenarioSummary.Entry e = ScenarioSummary.Entry.of("cut", new int[] {3}, l);
        assertEquals(1, e.positive());
        assertEquals(0, e.negative());
        assertEquals(1, e.seriesChanged());
        assertEquals(100 * 2 / 30.0, e.medianLiftPct(), 1e-12, "B's zero baseline left out");
    }

    @Test
    void refusesForecastsOfAnotherShape() {
        Forecast other = new Forecast("m", AXIS, new String[] {"A"}, new int[] {10}, 2, new double[] {1, 1}, LEVELS,
                new double[][] {{1, 1}, {1, 1}, {1, 1}});
        assertThrows(IllegalArgumentException.class, () -> ScenarioLift.of("x", forecast(1, 1, 1, 1), other));
    }
}
