package io.demandcast.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Column roles of the long-format input.
 *
 * <p>Covariates declare when they are known: {@code covariates} and {@code categorical} are known
 * over the forecast periods (planned price, promotion, events, holidays, SNAP), {@code past_only}
 * and {@code past_only_categorical} are observed only up to a forecast's cutoff (competitor price,
 * web traffic). In YAML {@code covariates} and {@code categorical} also take the mapping form
 * {@code {price: known, traffic: past_only}}, read into the same four lists.
 *
 * @param id                  one or more columns that together name a series (default {@code [series_id]})
 * @param date                ISO date column (default {@code date})
 * @param target              the quantity to forecast (default {@code value})
 * @param covariates          numeric or 0/1 columns known in advance (price, promo, SNAP)
 * @param categorical         text columns that vary over time and are known in advance (event names and types)
 * @param statics             text attributes fixed per series (store, category)
 * @param pastOnly            numeric columns observed only up to the cutoff
 * @param pastOnlyCategorical text columns observed only up to the cutoff
 * @param availability        optional 1/0 (or true/false) column: 0 marks a period out of stock, whose
 *                            demand is censored whatever its sales (see {@link #censoringColumn()})
 * @param onHand              optional stock-on-hand column: a period with no sale and on-hand at or
 *                            below 0 is censored; at most one of {@code availability} and {@code onHand}
 * @throws IllegalArgumentException naming the key when a column is declared twice, or when both
 *                                  {@code availability} and {@code on_hand} are given
 */
public record SchemaConfig(List<String> id, String date, String target, List<String> covariates,
                           List<String> categorical, List<String> statics, List<String> pastOnly,
                           List<String> pastOnlyCategorical,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String availability,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String onHand) {

    /** How a stock column marks censored periods ({@code data.schema.availability} or {@code on_hand}). */
    public enum Censoring {
        /** A 1/0 availability flag: 0 censors the period whatever its sales. */
        AVAILABILITY,
        /** Stock on hand: on-hand at or below 0 with no sale censors the period. */
        ON_HAND
    }

    public SchemaConfig {
        id = id == null || id.isEmpty() ? List.of("series_id") : List.copyOf(id);
        date = date == null ? "date" : date;
        target = target == null ? "value" : target;
        covariates = covariates == null ? List.of() : List.copyOf(covariates);
        categorical = categorical == null ? List.of() : List.copyOf(categorical);
        statics = statics == null ? List.of() : List.copyOf(statics);
        pastOnly = pastOnly == null ? List.of() : List.copyOf(pastOnly);
        pastOnlyCategorical = pastOnlyCategorical == null ? List.of() : List.copyOf(pastOnlyCategorical);
        if (availability != null && onHand != null) {
            throw new IllegalArgumentException("data.schema.on_hand: give either data.schema.availability ('" + availability
                    + "') or data.schema.on_hand ('" + onHand + "'), not both: each marks the out-of-stock periods on its own");
        }
        requireColumnName("data.schema.availability", availability);
        requireColumnName("data.schema.on_hand", onHand);
        requireDeclaredOnce(target, covariates, categorical, statics, pastOnly, pastOnlyCategorical,
                availability != null ? "data.schema.availability" : "data.schema.on_hand", availability != null ? availability : onHand);
    }

    /** No stock column. */
    public SchemaConfig(List<String> id, String date, String target, List<String> covariates,
                        List<String> categorical, List<String> statics, List<String> pastOnly,
                        List<String> pastOnlyCategorical) {
        this(id, date, target, covariates, categorical, statics, pastOnly, pastOnlyCategorical, null, null);
    }

    /** Every covariate known; no past-only column. */
    public SchemaConfig(List<String> id, String date, String target, List<String> covariates,
                        List<String> categorical, List<String> statics) {
        this(id, date, target, covariates, categorical, statics, null, null);
    }

    /** Binds YAML, where {@code covariates} and {@code categorical} may also be mappings column: known|past_only. */
    @JsonCreator
    static SchemaConfig fromYaml(@JsonProperty("id") List<String> id, @JsonProperty("date") String date,
                                 @JsonProperty("target") String target,
                                 @JsonProperty("covariates") @JsonDeserialize(using = CovariateDeclaration.Reader.class)
                                 CovariateDeclaration covariates,
                                 @JsonProperty("categorical") @JsonDeserialize(using = CovariateDeclaration.Reader.class)
                                 CovariateDeclaration categorical,
                                 @JsonProperty("statics") List<String> statics,
                                 @JsonProperty("past_only") List<String> pastOnly,
                                 @JsonProperty("past_only_categorical") List<String> pastOnlyCategorical,
                                 @JsonProperty("availability") String availability,
                                 @JsonProperty("on_hand") String onHand) {
        CovariateDeclaration num = covariates == null ? new CovariateDeclaration(null, null) : covariates;
        CovariateDeclaration cat = categorical == null ? new CovariateDeclaration(null, null) : categorical;
        return new SchemaConfig(id, date, target, num.known(), cat.known(), statics,
                concat(num.pastOnly(), pastOnly), concat(cat.pastOnly(), pastOnlyCategorical), availability, onHand);
    }

    /**
     * The numeric columns read from the data files: known, then past-only, then the stock column
     * ({@link #censoringColumn()}) when there is one. {@code prepare} turns the stock column into the
     * censored mark and drops it, so it is never a covariate.
     */
    @JsonIgnore
    public List<String> numericColumns() {
        String stock = censoringColumn();
        return stock == null ? concat(covariates, pastOnly) : concat(concat(covariates, pastOnly), List.of(stock));
    }

    /** The stock column, {@code availability} or {@code on_hand}; null when neither is given. */
    @JsonIgnore
    public String censoringColumn() {
        return availability != null ? availability : onHand;
    }

    /** How {@link #censoringColumn()} marks censored periods; null without one. */
    @JsonIgnore
    public Censoring censoring() {
        return availability != null ? Censoring.AVAILABILITY : onHand != null ? Censoring.ON_HAND : null;
    }

    /** The text columns read from the data files: known, then past-only. */
    @JsonIgnore
    public List<String> categoricalColumns() {
        return concat(categorical, pastOnlyCategorical);
    }

    /** Every column observed only up to the cutoff, numeric then text. */
    @JsonIgnore
    public List<String> pastOnlyColumns() {
        return concat(pastOnly, pastOnlyCategorical);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a == null ? List.of() : a);
        if (b != null) {
            out.addAll(b);
        }
        return List.copyOf(out);
    }

    private static void requireColumnName(String key, String column) {
        if (column != null && column.isBlank()) {
            throw new IllegalArgumentException(key + ": the column name is empty; name the stock column of the data files or remove the key");
        }
    }

    private static void requireDeclaredOnce(String target, List<String> covariates, List<String> categorical,
                                            List<String> statics, List<String> pastOnly, List<String> pastOnlyCategorical,
                                            String stockKey, String stock) {
        Map<String, String> seen = new LinkedHashMap<>();
        seen.put(target, "data.schema.target");
        Map<String, List<String>> roles = new LinkedHashMap<>();
        roles.put("data.schema.covariates", covariates);
        roles.put("data.schema.categorical", categorical);
        roles.put("data.schema.statics", statics);
        roles.put("data.schema.past_only", pastOnly);
        roles.put("data.schema.past_only_categorical", pastOnlyCategorical);
        if (stock != null) {
            roles.put(stockKey, List.of(stock));
        }
        for (Map.Entry<String, List<String>> role : roles.entrySet()) {
            for (String column : role.getValue()) {
                String first = seen.putIfAbsent(column, role.getKey());
                if (first != null) {
                    throw new IllegalArgumentException(role.getKey() + ": column '" + column + "' is declared twice (also in "
                            + first + "); give each column one role");
                }
            }
        }
    }
}
