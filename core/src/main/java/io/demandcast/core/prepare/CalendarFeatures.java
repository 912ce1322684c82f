package io.demandcast.core.prepare;

import io.demandcast.core.data.Categorical;
import io.demandcast.core.data.Panel;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
        return FeatureColumn.addAll(panel, columns(panel, names));
    }

    /** The columns {@link #add} adds, in order, each computed when asked. */
    static List<FeatureColumn> columns(Panel panel, List<String> names) {
        List<FeatureColumn> out = new ArrayList<>();
        for (String name : names) {
            switch (name) {
                case "day_of_week" -> out.add(new FeatureColumn(name, p -> byDate(p, d -> d.getDayOfWeek().getValue() - 1)));
                case "week_of_year" -> out.add(new FeatureColumn(name, p -> byDate(p, d -> d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))));
                case "month" -> out.add(new FeatureColumn(name, p -> byDate(p, LocalDate::getMonthValue)));
                case "quarter" -> out.add(new FeatureColumn(name, p -> byDate(p, d -> (d.getMonthValue() - 1) / 3 + 1)));
                case "year" -> out.add(new FeatureColumn(name, p -> byDate(p, LocalDate::getYear)));
                case "events" -> out.addAll(eventColumns(panel));
                default -> throw new IllegalArgumentException("unknown calendar feature '" + name + "'");
            }
        }
        return out;
    }

    private interface DateField {
        int of(LocalDate date);
    }

    /** Evaluates the field once per distinct period, not once per row. */
    private static float[] byDate(Panel panel, DateField field) {
        int min = panel.minPeriod();
        int span = Math.max(0, panel.maxPeriod() - min + 1);
        double[] perPeriod = new double[span];
        for (int p = 0; p < span; p++) {
            perPeriod[p] = field.of(panel.axis().date(min + p));
        }
        float[] out = new float[panel.rowCount()];
        for (int r = 0; r < out.length; r++) {
            out[r] = (float) perPeriod[panel.period(r) - min];
        }
        return out;
    }

    /**
     * {@code event}, then one {@code event_<level>} column per level name that occurs on some row of
     * the {@value #EVENT_TYPE_PREFIX} columns, in the order first met (column by column, row by row).
     * Only the column names are found here (a scan of the codes); the values are computed when asked.
     */
    private static List<FeatureColumn> eventColumns(Panel panel) {
        List<String> cats = panel.categoricalNames();
        if (cats.isEmpty()) {
            throw new IllegalArgumentException("calendar feature 'events' needs categorical event columns"
                    + " (data.schema.categorical); the panel has none");
        }
        List<FeatureColumn> out = new ArrayList<>();
        out.add(new FeatureColumn("event", CalendarFeatures::anyEvent));
        Set<String> names = new LinkedHashSet<>();
        for (String name : cats) {
            if (!name.startsWith(EVENT_TYPE_PREFIX)) {
                continue;
            }
            Categorical cat = panel.categorical(name);
            boolean[] met = new boolean[cat.levels().size()];
            int[] codes = cat.codes();
            for (int code : codes) {
                if (code != Categorical.MISSING && !met[code]) {
                    met[code] = true;
                    names.add("event_" + slug(cat.levels().get(code)));
                }
            }
        }
        for (String column : names) {
            out.add(new FeatureColumn(column, p -> eventType(p, column)));
        }
        return out;
    }

    private static float[] anyEvent(Panel panel) {
        float[] any = new float[panel.rowCount()];
        for (String name : panel.categoricalNames()) {
            int[] codes = panel.categorical(name).codes();
            for (int r = 0; r < any.length; r++) {
                if (codes[r] != Categorical.MISSING) {
                    any[r] = 1.0f;
                }
            }
        }
        return any;
    }

    /** 1 on the rows where a level of an {@value #EVENT_TYPE_PREFIX} column named as {@code column} occurs, else 0. */
    private static float[] eventType(Panel panel, String column) {
        float[] flags = new float[panel.rowCount()];
        for (String name : panel.categoricalNames()) {
            if (!name.startsWith(EVENT_TYPE_PREFIX)) {
                continue;
            }
            Categorical cat = panel.categorical(name);
            boolean[] named = new boolean[cat.levels().size()];
            for (int l = 0; l < named.length; l++) {
                named[l] = column.equals("event_" + slug(cat.levels().get(l)));
            }
            int[] codes = cat.codes();
            for (int r = 0; r < flags.length; r++) {
                if (codes[r] != Categorical.MISSING && named[codes[r]]) {
                    flags[r] = 1.0f;
                }
            }
        }
        return flags;
    }

    static String slug(String level) {
        String s = level.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return s.replaceAll("^_+|_+$", "");
    }
}
