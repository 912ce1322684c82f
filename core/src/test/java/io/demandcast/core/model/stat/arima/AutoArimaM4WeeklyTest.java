package io.demandcast.core.model.stat.arima;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Non-seasonal auto_arima on M4 weekly series against R's {@code auto.arima(seasonal = FALSE)} on
 * {@code ts(y, frequency = 52)} (fixture written by {@code scripts/fixtures/auto_arima_m4_weekly_r.R}):
 * the same orders and forecasts. W248 checks the CSS search and the exact refit from the CSS fit,
 * W318 and W349 that weekly data is approximated even when short and non-seasonal.
 */
class AutoArimaM4WeeklyTest {
    record Case(String id, int[] order, double[] forecast, double[] train) {
        @Override
        public String toString() {
            return id;
        }
    }

    static Stream<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (String line : ArimaFixtures.resource("m4-weekly-nonseasonal.txt").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|");
            int[] order = java.util.Arrays.stream(ArimaFixtures.numbers(f[1])).mapToInt(v -> (int) v).toArray();
            out.add(new Case(f[0].trim(), order, ArimaFixtures.numbers(f[2]), ArimaFixtures.numbers(f[3])));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void nonSeasonalWeeklySeriesMatchR(Case c) {
        AutoArima.Options d = AutoArima.Options.defaults(52);
        AutoArima.Options options = new AutoArima.Options(52, d.maxP(), d.maxQ(), d.maxSeasonalP(), d.maxSeasonalQ(), d.maxD(),
                d.maxSeasonalD(), true, false, d.criterion());
        ArimaModel m = new AutoArima(options).fit(c.train());
        ArimaOrder o = m.order();
        assertEquals(List.of(c.order()[0], c.order()[1], c.order()[2], c.order()[3] == 1), List.of(o.p(), o.d(), o.q(), o.constant()),
                () -> "order of " + c.id() + ": " + o);
        double[] f = m.forecast(c.forecast().length)[0];
        double scale = 0;
        for (double v : c.forecast()) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertArrayEquals(c.forecast(), f, 1e-3 * scale, () -> "forecasts of " + c.id());
    }
}
