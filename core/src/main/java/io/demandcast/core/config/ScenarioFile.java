package io.demandcast.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@code predict --scenario} file: named what-if scenarios, each a list of overrides of
 * known-future covariates. Parsed with the experiment files' YAML rules (anchors, duplicate keys,
 * positions); every problem is an {@link InvalidConfigException} naming {@code file:line:column}.
 *
 * <pre>
 * scenarios:
 *   - name: price_cut_10
 *     overrides:
 *       - series: all                                  # or [id, ...], or {ids: [...], where: {brand: "1"}}
 *         dates: {from: 1992-07-16, to: 1992-10-01}    # or [1992-07-16, 1992-07-23]; omitted: every forecast period
 *         column: price
 *         multiply: 0.9                                # or set: 1, or add: -0.01
 * </pre>
 *
 * Whether the column is a known covariate, the series exist and the dates are forecast periods is
 * checked against the data and the model when the scenario is applied; the override's location
 * travels with it for those messages.
 */
public final class ScenarioFile {
    private static final Set<String> TOP = Set.of("scenarios");
    private static final Set<String> SCENARIO = Set.of("name", "overrides");
    private static final Set<String> OVERRIDE = Set.of("series", "dates", "column", "set", "multiply", "add");
    private static final Set<String> SERIES = Set.of("ids", "where");
    private static final Set<String> DATES = Set.of("from", "to");

    private final YamlDocument doc;

    private ScenarioFile(YamlDocument doc) {
        this.doc = doc;
    }

    /**
     * @throws InvalidConfigException when the file is missing, not UTF-8 text or not a valid scenario file
     * @throws UncheckedIOException   on other I/O failures
     */
    public static List<Scenario> load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidConfigException("scenario file not found: " + file, e);
        } catch (CharacterCodingException e) {
            throw new InvalidConfigException(file + ": not a UTF-8 text file", e);
        } catch (IOException e) {
            if (Files.isDirectory(file)) {
                throw new InvalidConfigException(file + ": is a directory, not a scenario file", e);
            }
            throw new UncheckedIOException("cannot read scenario file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** Parses {@code text} as if it were the file {@code source}. */
    public static List<Scenario> parse(String text, String source) {
        return new ScenarioFile(ConfigLoader.parseDocument(text, source)).scenarios();
    }

    private List<Scenario> scenarios() {
        ConfigPath root = ConfigPath.ROOT;
        JsonNode top = doc.tree();
        keys(top, root, TOP);
        JsonNode list = top.get("scenarios");
        ConfigPath path = root.key("scenarios");
        if (list == null) {
            throw error(root, "expected a 'scenarios:' list of named scenarios");
        }
        if (!list.isArray() || list.isEmpty()) {
            throw error(path, "expected a non-empty list of scenarios, got " + ConfigErrors.describe(list));
        }
        List<Scenario> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            ConfigPath at = path.index(i);
            JsonNode node = list.get(i);
            if (!node.isObject()) {
                throw error(at, "expected a scenario {name, overrides}, got " + ConfigErrors.describe(node));
            }
            keys(node, at, SCENARIO);
            String name = text(node, at.key("name"), "name");
            if (!Names.valid(name)) {
                throw error(at.key("name"), "a scenario name is " + Names.RULE + " (got '" + name + "')");
            }
            if ("baseline".equals(name)) {
                throw error(at.key("name"), "'baseline' names the forecast without overrides; choose another name");
            }
            if (!names.add(name)) {
                throw error(at.key("name"), "scenario '" + name + "' is named twice");
            }
            JsonNode overrides = node.get("overrides");
            ConfigPath op = at.key("overrides");
            if (overrides == null || !overrides.isArray() || overrides.isEmpty()) {
                throw error(overrides == null ? at : op, "scenario '" + name + "' needs a non-empty 'overrides:' list, got "
                        + (overrides == null ? "none" : ConfigErrors.describe(overrides)));
            }
            List<CovariateOverride> parsed = new ArrayList<>();
            for (int k = 0; k < overrides.size(); k++) {
                parsed.add(override(overrides.get(k), op.index(k)));
            }
            out.add(new Scenario(name, parsed, where(at)));
        }
        return List.copyOf(out);
    }

    private CovariateOverride override(JsonNode node, ConfigPath at) {
        if (!node.isObject()) {
            throw error(at, "expected an override {series, dates, column, set|multiply|add}, got " + ConfigErrors.describe(node));
        }
        keys(node, at, OVERRIDE);
        String column = text(node, at.key("column"), "column");
        CovariateOverride.Operation operation = null;
        double value = Double.NaN;
        for (CovariateOverride.Operation o : CovariateOverride.Operation.values()) {
            JsonNode v = node.get(o.key());
            if (v == null) {
                continue;
            }
            if (operation != null) {
                throw error(at.key(o.key()), "give one of set, multiply or add per override (got " + operation.key() + " and " + o.key() + ")");
            }
            if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                throw error(at.key(o.key()), o.key() + " needs a number, got " + ConfigErrors.describe(v));
            }
            operation = o;
            value = v.asDouble();
        }
        if (operation == null) {
            throw error(at, "the override of '" + column + "' needs one of set, multiply or add (e.g. multiply: 0.9)");
        }
        List<String> ids = new ArrayList<>();
        Map<String, List<String>> where = new LinkedHashMap<>();
        series(node.get("series"), at.key("series"), ids, where);
        LocalDate from = null;
        LocalDate to = null;
        List<LocalDate> dates = new ArrayList<>();
        JsonNode d = node.get("dates");
        ConfigPath dp = at.key("dates");
        if (d != null && d.isArray()) {
            if (d.isEmpty()) {
                throw error(dp, "give at least one date, or leave 'dates' out for every forecast period");
            }
            for (int i = 0; i < d.size(); i++) {
                dates.add(date(d.get(i), dp.index(i)));
            }
        } else if (d != null && d.isObject()) {
            keys(d, dp, DATES);
            from = d.has("from") ? date(d.get("from"), dp.key("from")) : null;
            to = d.has("to") ? date(d.get("to"), dp.key("to")) : null;
            if (from != null && to != null && to.isBefore(from)) {
                throw error(dp.key("to"), "'to' (" + to + ") is before 'from' (" + from + ")");
            }
        } else if (d != null) {
            throw error(dp, "expected a list of dates or {from, to}, got " + ConfigErrors.describe(d));
        }
        return new CovariateOverride(ids, where, from, to, dates, column, operation, value, where(at));
    }

    private void series(JsonNode node, ConfigPath at, List<String> ids, Map<String, List<String>> where) {
        if (node == null) {
            throw error(at.parent(), "the override needs 'series': all, a list of series ids, or {ids: [...], where: {column: value}}");
        }
        if (node.isTextual()) {
            if (!"all".equals(node.asText())) {
                throw error(at, "expected 'all', a list of series ids or {ids, where}, got '" + node.asText() + "'");
            }
            return;
        }
        if (node.isArray()) {
            ids.addAll(texts(node, at));
            return;
        }
        if (!node.isObject()) {
            throw error(at, "expected 'all', a list of series ids or {ids, where}, got " + ConfigErrors.describe(node));
        }
        keys(node, at, SERIES);
        if (node.has("ids")) {
            ids.addAll(texts(node.get("ids"), at.key("ids")));
        }
        JsonNode w = node.get("where");
        if (w != null) {
            if (!w.isObject() || w.isEmpty()) {
                throw error(at.key("where"), "expected a mapping {static column: value or [values]}, got " + ConfigErrors.describe(w));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = w.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                ConfigPath vp = at.key("where").key(e.getKey());
                where.put(e.getKey(), v.isArray() ? texts(v, vp) : List.of(scalar(v, vp)));
            }
        }
        if (ids.isEmpty() && where.isEmpty()) {
            throw error(at, "give ids or where (or series: all)");
        }
    }

    private List<String> texts(JsonNode node, ConfigPath at) {
        if (!node.isArray() || node.isEmpty()) {
            throw error(at, "expected a non-empty list, got " + ConfigErrors.describe(node));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(scalar(node.get(i), at.index(i)));
        }
        return out;
    }

    /** A text or number scalar as text (a store number 2 matches the static value "2"). */
    private String scalar(JsonNode node, ConfigPath at) {
        if (!(node.isTextual() || node.isIntegralNumber()) || node.asText().isEmpty()) {
            throw error(at, "expected a text value, got " + ConfigErrors.describe(node));
        }
        return node.asText();
    }

    private LocalDate date(JsonNode node, ConfigPath at) {
        if (!node.isTextual()) {
            throw error(at, "expected a date yyyy-MM-dd, got " + ConfigErrors.describe(node));
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw error(at, "expected a date yyyy-MM-dd, got '" + node.asText() + "'");
        }
    }

    private String text(JsonNode parent, ConfigPath at, String key) {
        JsonNode v = parent.get(key);
        if (v == null) {
            throw error(at.parent(), "'" + key + "' is required");
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw error(at, key + ": expected a text value, got " + ConfigErrors.describe(v));
        }
        return v.asText();
    }

    private void keys(JsonNode node, ConfigPath at, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new InvalidConfigException(doc.source() + ":" + doc.keyPositionOf(at.key(k)) + ": unknown key '" + k
                        + "'; expected one of " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    private String where(ConfigPath at) {
        return doc.source() + ":" + doc.positionOf(at);
    }

    private InvalidConfigException error(ConfigPath at, String problem) {
        return new InvalidConfigException(where(at) + ": " + problem);
    }
}
