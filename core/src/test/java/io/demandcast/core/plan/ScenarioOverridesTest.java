package io.demandcast.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.config.InvalidConfigException;
import io.demandcast.core.config.Scenario;
import io.demandcast.core.config.ScenarioFile;
import io.demandcast.core.data.Categorical;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelBuilder;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The acceptance line of issue 17: scenario overrides only touch the named series and dates. */
class ScenarioOverridesTest {
    static final LocalDate START = LocalDate.of(2024, 3, 1);

    /** A request as FutureCovariates builds it: 3 series x 5 forecast days, price and promo, a static store and an event. */
    static Panel request() {
        PanelBuilder b = new PanelBuilder(Frequency.DAILY, LocalDate.of(2024, 1, 1));
        String[] ids = {"A", "B", "C"};
        for (int s = 0; s < 3; s++) {
            double[] nan = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
            b.add(ids[s], START, nan)
                    .covariate("price", 2 + s, 2 + s, 2 + s, 2.5 + s, 2.5 + s)
                    .covariate("promo", 0, 0, 1, 0, 0);
        }
        Panel p = b.build().withStatic("store", new String[] {"1", "2", "2"});
        return p.withCategorical("event", new Categorical(new int[15], List.of("none")));
    }

    private static Scenario scenario(String... overrideYaml) {
        return ScenarioFile.parse("scenarios:\n  - name: s\n    overrides:\n" + String.join("", overrideYaml), "s.yaml").get(0);
    }

    private static final ScenarioOverrides.Columns COLUMNS = ScenarioOverrides.Columns.unscaled(Set.of("traffic"));

    @Test
    void onlyTheNamedSeriesDatesAndColumnChange() {
        Panel before = request();
        ScenarioOverrides.Applied applied = ScenarioOverrides.apply(before, scenario(
                "      - {series: [B], dates: {from: 2024-03-02, to: 2024-03-04}, column: price, multiply: 0.9}\n"), COLUMNS);
        Panel after = applied.panel();
        assertEquals(3, applied.changed()[0]);
        for (int s = 0; s < 3; s++) {
            for (int r = before.rowStart(s); r < before.rowEnd(s); r++) {
                LocalDate d = before.axis().date(before.period(r));
                boolean named = "B".equals(before.seriesId(s)) && !d.isBefore(START.plusDays(1)) && !d.isAfter(START.plusDays(3));
                double expected = named ? before.numeric("price", r) * 0.9 : before.numeric("price", r);
                assertEquals(expected, after.numeric("price", r), 1e-12, before.seriesId(s) + " " + d);
                assertEquals(before.numeric("promo", r), after.numeric("promo", r), before.seriesId(s) + " " + d);
                assertEquals(before.period(r), after.period(r));
                assertTrue(Double.isNaN(after.target(r)));
            }
        }
        assertEquals(before.numericNames(), after.numericNames());
        assertEquals(before.categoricalNames(), after.categoricalNames());
        assertEquals(2.0, before.numeric("price", before.rowStart(0)), "the request itself is not changed");
        assertEquals(3.0, before.numeric("price", before.rowStart(1) + 1), "the request itself is not changed");
    }

    @Test
    void listsOfDatesWhereOnStaticsAndOverridesInOrder() {
        Panel before = request();
        Panel after = ScenarioOverrides.apply(before, scenario(
                "      - {series: {where: {store: '2'}}, dates: [2024-03-01, 2024-03-05], column: promo, set: 1}\n",
                "      - {series: all, column: price, add: 1}\n",
                "      - {series: {ids: [C]}, dates: [2024-03-05], column: price, multiply: 2}\n"), COLUMNS).panel();
        double[] promo = after.numericColumn("promo");
        double[] price = after.numericColumn("price");
        assertEquals(List.of(0.0, 0.0, 1.0, 0.0, 0.0), row(promo, 0), "store 1: untouched");
        assertEquals(List.of(1.0, 0.0, 1.0, 0.0, 1.0), row(promo, 5), "store 2 on the two dates");
        assertEquals(List.of(1.0, 0.0, 1.0, 0.0, 1.0), row(promo, 10));
        assertEquals(List.of(3.0, 3.0, 3.0, 3.5, 3.5), row(price, 0), "every series + 1");
        assertEquals(List.of(5.0, 5.0, 5.0, 5.5, 11.0), row(price, 10), "C's last day (4.5 + 1) x 2, after the add");
    }

    private static List<Double> row(double[] col, int from) {
        return java.util.Arrays.stream(col, from, from + 5).boxed().toList();
    }

    @Test
    void aScaledColumnChangesInItsOriginalUnits() {
        Panel before = request();
        // price stored standardised: scaled = (x - 3) / 0.5
        double[] scaled = before.numericColumn("price").clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = (scaled[i] - 3) / 0.5;
        }
        Panel stored = before.withNumeric("price", scaled);
        ScenarioOverrides.Columns columns = new ScenarioOverrides.Columns(Set.of(), Map.of("price", new double[] {3, 0.5}), Map.of());
        Panel after = ScenarioOverrides.apply(stored, scenario("      - {series: [A], dates: [2024-03-01], column: price, multiply: 0.9}\n"),
                columns).panel();
        assertEquals((2 * 0.9 - 3) / 0.5, after.numeric("price", 0), 1e-12, "2 x 0.9 = 1.8, scaled again");
        assertEquals(scaled[1], after.numeric("price", 1));
    }

    private static String error(String override) {
        return assertThrows(InvalidConfigException.class, () -> ScenarioOverrides.apply(request(), scenario(override), COLUMNS)).getMessage();
    }

    @Test
    void refusesWhatIsNotAKnownNumericCovariateOfTheForecastPeriods() {
        String past = error("      - {series: all, column: traffic, set: 1}\n");
        assertTrue(past.startsWith("s.yaml:4:9: 'traffic' is a past_only covariate"), past);
        String unknown = error("      - {series: all, column: cost, set: 1}\n");
        assertTrue(unknown.startsWith("s.yaml:4:9: 'cost' is not a known covariate of the data; known numeric covariates: price, promo"), unknown);
        String categorical = error("      - {series: all, column: event, set: 1}\n");
        assertTrue(categorical.contains("'event' is a categorical column"), categorical);
        String outside = error("      - {series: all, dates: [2024-03-06], column: price, set: 1}\n");
        assertTrue(outside.startsWith("s.yaml:4:9: date 2024-03-06 is outside the forecast periods of the selected series (2024-03-01 .. 2024-03-05)"), outside);
        String before = error("      - {series: all, dates: {from: 2024-02-29}, column: price, set: 1}\n");
        assertTrue(before.contains("date 2024-02-29 is outside the forecast periods"), before);
        String id = error("      - {series: [A, Z], column: price, set: 1}\n");
        assertTrue(id.contains("1 series id(s) not forecast by the model: Z"), id);
        String where = error("      - {series: {where: {region: x}}, column: price, set: 1}\n");
        assertTrue(where.contains("'region' is not a static column of the data; static columns: store"), where);
        String none = error("      - {series: {where: {store: '9'}}, column: price, set: 1}\n");
        assertTrue(none.contains("selects no series"), none);
    }

    @Test
    void weeklyDatesMustBePeriodStarts() {
        PanelBuilder b = new PanelBuilder(Frequency.WEEKLY, LocalDate.of(2024, 1, 4));
        b.add("A", LocalDate.of(2024, 3, 7), Double.NaN, Double.NaN).covariate("price", 1, 1);
        String msg = assertThrows(InvalidConfigException.class, () -> ScenarioOverrides.apply(b.build(),
                scenario("      - {series: all, dates: [2024-03-08], column: price, set: 1}\n"), COLUMNS)).getMessage();
        assertTrue(msg.startsWith("s.yaml:4:9: date 2024-03-08 is not a period start of the weekly data"), msg);
    }
}
