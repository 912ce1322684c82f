package io.demandcast.core.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.demandcast.core.data.Categorical;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelBuilder;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalendarFeaturesTest {
    private static final int M = Categorical.MISSING;

    @Test
    void dateParts() {
        // Sun 2023-12-31 (ISO week 52 of 2023), Mon 2024-01-01 (week 1), Mon 2024-12-30 (week 1 of 2025)
        Panel p = new PanelBuilder(TestPanels.DAILY)
                .add("a", LocalDate.of(2023, 12, 31), 1, 2)
                .add("b", LocalDate.of(2024, 12, 30), 3)
                .build();
        Panel f = CalendarFeatures.add(p, List.of("day_of_week", "week_of_year", "month", "quarter", "year"));
        assertArrayEquals(new double[] {6, 0, 0}, f.numericColumn("day_of_week"));
        assertArrayEquals(new double[] {52, 1, 1}, f.numericColumn("week_of_year"));
        assertArrayEquals(new double[] {12, 1, 12}, f.numericColumn("month"));
        assertArrayEquals(new double[] {4, 1, 4}, f.numericColumn("quarter"));
        assertArrayEquals(new double[] {2023, 2024, 2024}, f.numericColumn("year"));
    }

    @Test
    void eventsFlagAnyEventAndEachEventType() {
        Map<String, Categorical> cats = new java.util.LinkedHashMap<>();
        cats.put("event_name_1", new Categorical(new int[] {0, M, 1, M}, List.of("SuperBowl", "Easter")));
        cats.put("event_type_1", new Categorical(new int[] {0, M, 1, M}, List.of("Sporting", "Religious")));
        cats.put("event_type_2", new Categorical(new int[] {M, M, 0, M}, List.of("Cultural")));
        cats.put("promo_kind", new Categorical(new int[] {M, M, M, 0}, List.of("Flyer")));
        Panel p = new Panel(TestPanels.DAILY, new String[] {"a"}, new int[] {0, 4}, new int[] {0, 1, 2, 3},
                new double[] {1, 1, 1, 1}, Map.of(), cats, Map.of());
        Panel f = CalendarFeatures.add(p, List.of("events"));
        assertEquals(List.of("event", "event_sporting", "event_religious", "event_cultural"), f.numericNames());
        assertArrayEquals(new double[] {1, 0, 1, 1}, f.numericColumn("event"));
        assertArrayEquals(new double[] {1, 0, 0, 0}, f.numericColumn("event_sporting"));
        assertArrayEquals(new double[] {0, 0, 1, 0}, f.numericColumn("event_religious"));
        assertArrayEquals(new double[] {0, 0, 1, 0}, f.numericColumn("event_cultural"));
    }

    @Test
    void eventsNeedCategoricalColumns() {
        Panel p = new PanelBuilder(TestPanels.DAILY).add("a", 0, 1).build();
        assertThrows(IllegalArgumentException.class, () -> CalendarFeatures.add(p, List.of("events")));
    }

    @Test
    void slugsLevels() {
        assertEquals("mother_s_day", CalendarFeatures.slug("Mother's day"));
    }
}
