package io.demandcast.core.prepare;

import io.demandcast.core.data.Categorical;
import io.demandcast.core.data.Panel;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Adds calendar columns computed from each row's period start date:
 * {@code day_of_week} (0 = Monday … 6 = Sunday), {@code week_of_year} (ISO 8601, 1–53),
 * {@code month} (1–12), {@code quarter} (1–4), {@code year}.
 *
 * <p>{@code events} adds {@code event} = 1 where any categorical covariate has a level on the row
 * (an event name or type), else 0; and, for every categorical column whose name starts with
 * {@code event_type} (M5's {@code event_type_1}, {@code event_type_2}), one 0/1 column
 * {@code event_<level>} per level across those columns (level lower-cased, runs of other characters
 * than letters and digits turned into {@code _}: {@code event_cultural}, {@code event_sporting}).
 */
public final class CalendarFeatures {
    /** Prefix of the categorical columns whose levels become one flag each. */
    public static final String EVENT_TYPE_PREFIX = "event_type";

    private CalendarFeatures() {
    }

    /**
     * @param names features from {@link io.demandcast.core.config.PrepareConfig#CALENDAR_FEATURES}
     * @throws IllegalArgumentException for an unknown name, or {@code events} on a panel without categorical columns
     */
    public static Panel add(Panel panel, List<String> names) {
        Panel out = panel;
        for (String name : names) {
            out = switch (name) {
                case "day_of_week" -> out.withFloatNumeric(name, byDate(out, d -> d.getDayOfWeek().getValue() - 1));
                case "week_of_year" -> out.withFloatNumeric(name, byDate(out, d -> d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
                case "month" -> out.withFloatNumeric(name, byDate(out, LocalDate::getMonthValue));
                case "quarter" -> out.withFloatNumeric(name, byDate(out, d -> (d.getMonthValue() - 1) / 3 + 1));
                case "year" -> out.withFloatNumeric(name, byDate(out, LocalDate::getYear));
                case "events" -> addEvents(out);
                default -> throw new IllegalArgumentException("unknown calendar feature '" + name + "'");
            };
        }
        return out;
    }

    private interface DateField {
        int of(LocalDate date);
    }

    /** Evaluates the field once per distinct period, not once per row. */
    private static double[] byDate(Panel panel, DateField field) {
        int min = panel.minPeriod();
        int span = Math.max(0, panel.maxPeriod() - min + 1);
        double[] perPeriod = new double[span];
        for (int p = 0; p < span; p++) {
            perPeriod[p] = field.of(panel.axis().date(min + p));
        }
        double[] out = new double[panel.rowCount()];
        for (int r = 0; r < out.length; r++) {
            out[r] = perPeriod[panel.period(r) - min];
        }
        return out;
    }

    private static Panel addEvents(Panel panel) {
        List<String> cats = panel.categoricalNames();
        if (cats.isEmpty()) {
            throw new IllegalArgumentException("calendar feature 'events' needs categorical event columns"
                    + " (data.schema.categorical); the panel has none");
        }
        int rows = panel.rowCount();
        double[] any = new double[rows];
        for (String name : cats) {
            int[] codes = panel.categorical(name).codes();
            for (int r = 0; r < rows; r++) {
                if (codes[r] != Categorical.MISSING) {
                    any[r] = 1.0;
                }
            }
        }
        Panel out = panel.withFloatNumeric("event", any);
        Map<String, double[]> byType = new LinkedHashMap<>();
        for (String name : cats) {
            if (!name.startsWith(EVENT_TYPE_PREFIX)) {
                continue;
            }
            Categorical cat = panel.categorical(name);
            List<String> columnOfLevel = new ArrayList<>();
            for (String level : cat.levels()) {
                columnOfLevel.add("event_" + slug(level));
            }
            int[] codes = cat.codes();
            for (int r = 0; r < rows; r++) {
                if (codes[r] != Categorical.MISSING) {
                    byType.computeIfAbsent(columnOfLevel.get(codes[r]), k -> new double[rows])[r] = 1.0;
                }
            }
        }
        for (Map.Entry<String, double[]> e : byType.entrySet()) {
            out = out.withFloatNumeric(e.getKey(), e.getValue());
        }
        return out;
    }

    static String slug(String level) {
        String s = level.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return s.replaceAll("^_+|_+$", "");
    }
}
