package io.demandcast.core.config;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an experiment YAML file into a validated {@link ExperimentConfig}, applying
 * {@code --set key.path=value} overrides, and renders a resolved config back to YAML.
 *
 * <p>Keys are snake_case ({@code season_length}, {@code fit_on}); unknown keys, wrong scalar types
 * (a string or a float where an integer is expected, a list where a scalar is expected, a number
 * for an enum) and values refused by the records' constructors all fail. Every failure is an
 * {@link InvalidConfigException} with a one-line message: problems in the file start with
 * {@code file:line:column:}, problems caused by an override start with {@code --set key=value:}.
 * Relative paths in the config are kept as written; they resolve against the working directory.
 *
 * <p>The file is bound as written first, so its errors point into it; overrides are then applied to
 * the parsed tree in order (later ones win) and the result is bound again.
 */
public final class ConfigLoader {

    private static final ObjectMapper MAPPER = newMapper();
    private static final ObjectReader READER = MAPPER.readerFor(ExperimentConfig.class);
    private static final ObjectReader GATE_READER = MAPPER.readerFor(GateRule.class);
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '([^']*)'");

    private ConfigLoader() {
    }

    /**
     * Loads {@code yamlFile} (UTF-8) and applies {@code overrides}. Messages name the file as given.
     *
     * @throws InvalidConfigException if the file is missing or unreadable as text, or the config is invalid
     * @throws UncheckedIOException   on other I/O failures (permissions, disk errors)
     */
    public static ExperimentConfig load(Path yamlFile, List<String> overrides) {
        String text;
        try {
            text = Files.readString(yamlFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidConfigException("config file not found: " + yamlFile, e);
        } catch (CharacterCodingException e) {
            throw new InvalidConfigException(yamlFile + ": not a UTF-8 text file", e);
        } catch (IOException e) {
            if (Files.isDirectory(yamlFile)) {
                throw new InvalidConfigException(yamlFile + ": is a directory, not a config file", e);
            }
            throw new UncheckedIOException("cannot read config file " + yamlFile + ": " + e.getMessage(), e);
        }
        return parse(text, yamlFile.toString(), overrides);
    }

    /**
     * Parses YAML text as if it were the file {@code sourceName} and applies {@code overrides}.
     *
     * @param overrides {@code key.path=value} strings, applied in order; may be empty or null
     * @throws InvalidConfigException if the text, an override or the resulting config is invalid
     */
    public static ExperimentConfig parse(String yamlText, String sourceName, List<String> overrides) {
        YamlDocument doc = YamlDocument.parse(MAPPER, yamlText, sourceName);
        ExperimentConfig asWritten = bindFile(doc);
        if (overrides == null || overrides.isEmpty()) {
            return asWritten;
        }
        List<ConfigOverride> parsed = new ArrayList<>();
        for (String o : overrides) {
            parsed.add(ConfigOverride.parse(MAPPER, o));
        }
        ObjectNode tree = ((ObjectNode) doc.tree()).deepCopy();
        for (ConfigOverride o : parsed) {
            o.applyTo(tree);
        }
        return bindOverridden(tree, parsed);
    }

    /**
     * Parses one {@code --gate} rule: a YAML flow mapping such as {@code {metric: rmsse, max: 0.9}} or
     * {@code {relative_to: seasonal_naive, metric: mase, max_ratio: 0.95}}, bound as strictly as a
     * {@code gate:} entry of a config file (unknown keys, wrong types and invalid combinations fail).
     *
     * @throws InvalidConfigException with a message {@code --gate '<text>': <problem>}
     */
    public static GateRule parseGateRule(String text) {
        String prefix = "--gate '" + text + "': ";
        if (text == null || text.isBlank()) {
            throw new InvalidConfigException("--gate: empty rule; expected a YAML mapping such as '{metric: rmsse, max: 0.9}'");
        }
        String alias = YamlDocument.firstAlias(MAPPER, text);
        if (alias != null) {
            throw new InvalidConfigException(prefix + "'*" + alias + "' is a YAML alias, but a rule has no anchor to refer to");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JacksonException e) {
            Matcher duplicate = DUPLICATE_FIELD.matcher(String.valueOf(e.getOriginalMessage()));
            if (duplicate.lookingAt()) {
                throw new InvalidConfigException(prefix + "duplicate key '" + duplicate.group(1) + "'", e);
            }
            throw new InvalidConfigException(prefix + "invalid YAML: " + YamlDocument.syntaxProblem(e), e);
        } catch (IOException e) {
            throw new InvalidConfigException(prefix + "invalid YAML: " + YamlDocument.firstLine(e.getMessage()), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidConfigException(prefix + "expected a YAML mapping such as '{metric: rmsse, max: 0.9}', got "
                    + ConfigErrors.describe(tree));
        }
        List<String> allowed = ConfigErrors.allowedKeys(GateRule.class, null);
        for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new InvalidConfigException(prefix + "unknown key '" + key + "' (allowed: " + String.join(", ", allowed) + ")");
            }
        }
        try {
            return GATE_READER.readValue(tree);
        } catch (JsonMappingException e) {
            String problem = ConfigErrors.problem(e, tree).withPath();
            // GateRule's own messages start with "gate: ", which the prefix already says.
            throw new InvalidConfigException(prefix + (problem.startsWith("gate: ") ? problem.substring(6) : problem), e);
        } catch (IOException e) {
            throw new InvalidConfigException(prefix + YamlDocument.firstLine(e.getMessage()), e);
        }
    }

    /** The fully resolved config (defaults filled in) as YAML with snake_case keys; {@link #parse} reads it back equal. */
    public static String toYaml(ExperimentConfig config) {
        try {
            return MAPPER.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render config as YAML: " + e.getOriginalMessage(), e);
        }
    }

    private static ExperimentConfig bindFile(YamlDocument doc) {
        ConfigErrors.Problem bound = ConfigBounds.check(doc.tree());
        if (bound != null) {
            throw new InvalidConfigException(doc.source() + ":" + doc.positionOf(bound.path()) + ": " + bound.withPath());
        }
        try {
            ExperimentConfig config = READER.readValue(doc.tree());
            ConfigErrors.Problem tune = TuneConfigCheck.check(config);
            if (tune != null) {
                YamlDocument.Position pos = tune.keyProblem() ? doc.keyPositionOf(tune.path()) : doc.positionOf(tune.path());
                throw new InvalidConfigException(doc.source() + ":" + pos + ": " + tune.withPath());
            }
            return config;
        } catch (JsonMappingException e) {
            ConfigErrors.Problem p = ConfigErrors.problem(e, doc.tree());
            YamlDocument.Position pos = p.keyProblem() ? doc.keyPositionOf(p.path()) : doc.positionOf(p.path());
            throw new InvalidConfigException(doc.source() + ":" + pos + ": " + p.withPath(), e);
        } catch (IOException e) {
            throw new InvalidConfigException(doc.source() + ": " + YamlDocument.firstLine(e.getMessage()), e);
        }
    }

    private static ExperimentConfig bindOverridden(ObjectNode tree, List<ConfigOverride> overrides) {
        ConfigErrors.Problem bound = ConfigBounds.check(tree);
        if (bound != null) {
            throw new InvalidConfigException("--set " + culprit(bound.path(), overrides).text() + ": " + bound.withPath());
        }
        try {
            ExperimentConfig config = READER.readValue(tree);
            ConfigErrors.Problem tune = TuneConfigCheck.check(config);
            if (tune != null) {
                throw new InvalidConfigException("--set " + culprit(tune.path(), overrides).text() + ": " + tune.withPath());
            }
            return config;
        } catch (JsonMappingException e) {
            ConfigErrors.Problem p = ConfigErrors.problem(e, tree);
            ConfigOverride culprit = culprit(p.path(), overrides);
            String text = p.path().equals(culprit.path()) && !p.pathInText() ? p.text() : p.withPath();
            throw new InvalidConfigException("--set " + culprit.text() + ": " + text, e);
        } catch (IOException e) {
            throw new InvalidConfigException("--set: " + YamlDocument.firstLine(e.getMessage()), e);
        }
    }

    /** The override most closely related to the failing path; the last one when several fit equally. */
    private static ConfigOverride culprit(ConfigPath failing, List<ConfigOverride> overrides) {
        ConfigOverride best = overrides.get(overrides.size() - 1);
        int bestScore = -1;
        for (ConfigOverride o : overrides) {
            int score = o.path().overlaps(failing) ? o.path().commonPrefix(failing) : -1;
            if (score >= bestScore) {
                best = o;
                bestScore = score;
            }
        }
        return best;
    }

    /** {@code text} parsed with the experiment files' YAML rules and positions (other YAML inputs: scenario files). */
    static YamlDocument parseDocument(String text, String source) {
        return YamlDocument.parse(MAPPER, text, source);
    }

    /** JSON pointer for a path, for {@link JsonNode#at(JsonPointer)}. */
    static JsonPointer pointer(ConfigPath path) {
        JsonPointer p = JsonPointer.empty();
        for (Object s : path.segments()) {
            p = s instanceof Integer i ? p.appendIndex(i) : p.appendProperty((String) s);
        }
        return p;
    }

    private static ObjectMapper newMapper() {
        YAMLFactory factory = YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .build();
        YAMLMapper mapper = YAMLMapper.builder(factory)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
                .build();
        // No "14" -> 14, "" -> null or 1.5 -> 1 for numbers and enums.
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean, LogicalType.Enum}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return mapper;
    }
}
