package io.demandcast.core.model.ml.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.data.Categorical;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.model.ml.MlSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which panel columns a fitted ML model reads and how: fixed at fit from the training panel and
 * the parameters, saved with the model, and the same for every step model (they differ only in
 * their lags, see {@link FeatureLayout}).
 *
 * @param calendar   calendar fields of the period's date ({@code day_of_week}, ..., {@code trend})
 * @param known      known numeric covariates, read at the target period
 * @param price      price columns (change vs the previous period, price relative to the series' mean)
 * @param categorical known categorical covariates, read at the target period
 * @param statics    static attributes
 * @param pastOnly   past-only numeric covariates, read {@code pastLag} periods before the target period
 * @param pastLag    the horizon the model was fitted for: past-only values are always known at a cutoff
 * @param linear     linear learner: categorical and static values one-hot instead of integer codes
 */
public record FeatureSchema(List<String> calendar, List<String> known, List<String> price, List<Coding> categorical,
                            List<Coding> statics, List<String> pastOnly, int pastLag, boolean linear) {

    /** At most this many one-hot columns per categorical or static column (its most frequent values). */
    public static final int MAX_ONE_HOT = 50;
    /** The column holding the target before outlier treatment: never a feature. */
    public static final String RAW_TARGET = "raw_target";
    /** The prepared mark of out-of-stock periods ({@code prepare.Censoring.COLUMN}): a fact about the target, never a feature. */
    public static final String CENSORED = "censored";
    /**
     * Columns {@code prepare} derives from the target (its lags, rolling statistics and outlier flag):
     * unknown over the forecast periods, and the model computes its own lags and statistics.
     */
    private static final Pattern TARGET_DERIVED = Pattern.compile("lag_\\d+|roll_(mean|std)_\\d+|outlier");
    private static final List<String> DEFAULT_PRICE = List.of("price", "sell_price");

    public FeatureSchema {
        calendar = List.copyOf(calendar);
        known = List.copyOf(known);
        price = List.copyOf(price);
        categorical = List.copyOf(categorical);
        statics = List.copyOf(statics);
        pastOnly = List.copyOf(pastOnly);
    }

    /**
     * The schema of a training panel.
     *
     * @throws IllegalArgumentException naming {@code model.params.covariates} or {@code price} when
     *                                  they name a column the panel lacks or a past-only one
     */
    public static FeatureSchema of(Panel panel, MlSpec spec, boolean linear) {
        return of(panel, spec.context().pastOnly(), spec.context().horizon(), spec.calendar(), spec.covariates(), spec.price(), linear);
    }

    /**
     * The schema of a training panel for any global model (the deep families read it too): the
     * columns chosen as {@link #of(Panel, MlSpec, boolean)} chooses them from the same parameters.
     *
     * @param pastOnlyColumns the data's past-only columns
     * @param pastLag         the horizon the model is fitted for
     * @param withCalendar    whether the model computes calendar features (then {@code prepare}'s calendar columns are left out)
     * @param covariates      {@code model.params.covariates}; null = every known numeric column
     * @param priceColumns    {@code model.params.price}; null = a known {@code price} or {@code sell_price} column if any
     * @param linear          whether categorical and static values get one-hot columns (see {@link Coding#oneHot()})
     * @throws IllegalArgumentException as {@link #of(Panel, MlSpec, boolean)}
     */
    public static FeatureSchema of(Panel panel, List<String> pastOnlyColumns, int pastLag, boolean withCalendar, List<String> covariates,
                                   List<String> priceColumns, boolean linear) {
        Set<String> pastOnlyNames = new HashSet<>(pastOnlyColumns);
        List<String> numeric = new ArrayList<>(panel.numericNames());
        numeric.remove(RAW_TARGET);
        numeric.remove(CENSORED);
        List<String> knownNumeric = numeric.stream().filter(c -> !pastOnlyNames.contains(c)).toList();
        List<String> price;
        if (priceColumns == null) {
            price = DEFAULT_PRICE.stream().filter(knownNumeric::contains).limit(1).toList();
        } else {
            requireKnown(priceColumns, "price", knownNumeric, pastOnlyNames);
            price = priceColumns;
        }
        List<String> known;
        if (covariates == null) {
            // columns duplicating features the model computes itself (prepare's calendar columns, its
            // price_change for a column named price) are left out rather than colliding by name
            Set<String> own = new HashSet<>(withCalendar ? calendarFields(panel.frequency()) : List.of());
            price.forEach(p -> own.addAll(List.of(p + "_change", p + "_relative")));
            known = knownNumeric.stream().filter(c -> !TARGET_DERIVED.matcher(c).matches() && !own.contains(c)).toList();
        } else {
            requireKnown(covariates, "covariates", knownNumeric, pastOnlyNames);
            known = covariates;
        }
        List<Coding> categorical = new ArrayList<>();
        for (String name : panel.categoricalNames()) {
            if (!pastOnlyNames.contains(name)) {
                Categorical c = panel.categorical(name);
                long[] counts = new long[c.levels().size()];
                for (int code : c.codes()) {
                    if (code >= 0) {
                        counts[code]++;
                    }
                }
                categorical.add(new Coding(name, c.levels(), mostFrequent(c.levels(), counts, linear)));
            }
        }
        List<Coding> statics = new ArrayList<>();
        for (String name : panel.staticNames()) {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (int s = 0; s < panel.seriesCount(); s++) {
                String v = panel.staticValue(name, s);
                if (v != null) {
                    counts.merge(v, 1L, Long::sum);
                }
            }
            List<String> levels = List.copyOf(new TreeSet<>(counts.keySet()));
            long[] byLevel = levels.stream().mapToLong(counts::get).toArray();
            statics.add(new Coding(name, levels, mostFrequent(levels, byLevel, linear)));
        }
        List<String> pastOnly = numeric.stream().filter(pastOnlyNames::contains).toList();
        return new FeatureSchema(withCalendar ? calendarFields(panel.frequency()) : List.of(), known, price,
                categorical, statics, pastOnly, pastLag, linear);
    }

    private static void requireKnown(List<String> names, String key, List<String> knownNumeric, Set<String> pastOnly) {
        for (String c : names) {
            if (pastOnly.contains(c)) {
                throw new IllegalArgumentException("model.params." + key + ": '" + c + "' is a past-only covariate, unknown over the"
                        + " forecast periods (past-only columns are used automatically, lagged by the horizon)");
            }
            if (!knownNumeric.contains(c)) {
                throw new IllegalArgumentException("model.params." + key + ": no known numeric column '" + c + "' in the data (known: "
                        + (knownNumeric.isEmpty() ? "none" : String.join(", ", knownNumeric)) + ")");
            }
        }
    }

    private static List<String> mostFrequent(List<String> levels, long[] counts, boolean linear) {
        if (!linear) {
            return List.of();
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            if (counts[i] > 0) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingLong((Integer i) -> -counts[i]).thenComparing(i -> i));
        return order.stream().limit(MAX_ONE_HOT).sorted().map(levels::get).toList();
    }

    /** Calendar fields that vary at a frequency, then the trend index. */
    static List<String> calendarFields(Frequency f) {
        return switch (f) {
            case DAILY -> List.of("day_of_week", "day_of_month", "week_of_year", "month", "trend");
            case WEEKLY -> List.of("week_of_year", "month", "trend");
            case MONTHLY -> List.of("month", "trend");
            case QUARTERLY -> List.of("quarter", "trend");
            case YEARLY -> List.of("trend");
        };
    }

    /** Known covariate columns read from a forecast request's future panel: numeric (known and price), then categorical. */
    public List<String> futureColumns() {
        List<String> out = new ArrayList<>(known);
        price.stream().filter(p -> !out.contains(p)).forEach(out::add);
        categorical.forEach(c -> out.add(c.name()));
        return List.copyOf(out);
    }

    /** Numeric columns that must have a value at every forecast period. */
    public List<String> futureNumeric() {
        List<String> out = new ArrayList<>(known);
        price.stream().filter(p -> !out.contains(p)).forEach(out::add);
        return List.copyOf(out);
    }

    public void write(ObjectNode node) {
        strings(node.putArray("calendar"), calendar);
        strings(node.putArray("known"), known);
        strings(node.putArray("price"), price);
        codings(node.putArray("categorical"), categorical);
        codings(node.putArray("statics"), statics);
        strings(node.putArray("past_only"), pastOnly);
        node.put("past_lag", pastLag);
        node.put("linear", linear);
    }

    public static FeatureSchema read(JsonNode node) {
        return new FeatureSchema(strings(node.path("calendar")), strings(node.path("known")), strings(node.path("price")),
                codings(node.path("categorical")), codings(node.path("statics")), strings(node.path("past_only")),
                node.path("past_lag").asInt(), node.path("linear").asBoolean());
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }

    private static void codings(ArrayNode array, List<Coding> codings) {
        for (Coding c : codings) {
            ObjectNode o = array.addObject();
            o.put("name", c.name());
            strings(o.putArray("levels"), c.levels());
            strings(o.putArray("one_hot"), c.oneHot());
        }
    }

    private static List<Coding> codings(JsonNode array) {
        List<Coding> out = new ArrayList<>();
        array.forEach(o -> out.add(new Coding(o.path("name").asText(), strings(o.path("levels")), strings(o.path("one_hot")))));
        return out;
    }
}
