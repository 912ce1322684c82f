package io.demandcast.core.config;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns Jackson binding failures into one-line, user-facing problems: key path plus what is allowed. */
final class ConfigErrors {

    private ConfigErrors() {
    }

    /**
     * One binding problem.
     *
     * @param path        where it is, as precisely as known
     * @param keyProblem  true when the problem is the key itself (an unknown key), so a location points at the key
     * @param text        the message, already naming the path when {@code pathInText}
     * @param pathInText  whether {@code text} names the key path itself (else the caller prefixes it)
     */
    record Problem(ConfigPath path, boolean keyProblem, String text, boolean pathInText) {

        /** {@code predict.horizon: expected …} or the text as is when it names its path. */
        String withPath() {
            return pathInText || path.isRoot() ? text : path + ": " + text;
        }
    }

    private static final Pattern LEADING_PATH = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*(?:\\[\\d{1,9}])*(?:\\.[A-Za-z_][A-Za-z0-9_]*(?:\\[\\d{1,9}])*)*)");

    /** Describes the failure of binding {@code tree}. */
    static Problem problem(JsonMappingException e, JsonNode tree) {
        ConfigPath path = pathOf(e);
        if (e instanceof UnrecognizedPropertyException u) {
            ConfigPath parent = path.isRoot() ? path : path.parent();
            String where = parent.isRoot() ? "at the top level" : "in " + parent;
            return new Problem(path, true, "unknown key '" + u.getPropertyName() + "' " + where
                    + " (allowed: " + String.join(", ", allowedKeys(u.getReferringClass(), u.getKnownPropertyIds())) + ")", true);
        }
        if (e instanceof ValueInstantiationException v) {
            // Jackson runs a record's constructor before it reports the unknown keys it buffered, so a
            // misspelt required key would otherwise surface as the constructor's "needs X" message.
            Problem unknown = unknownKeyOf(v, path, tree);
            return unknown != null ? unknown : validationProblem(e, path, tree);
        }
        if (e instanceof InvalidNullException) {
            return new Problem(path, false, "null is not allowed here; remove the entry or give a value", false);
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            JsonNode node = tree.at(ConfigLoader.pointer(path));
            Class<?> target = m.getTargetType();
            if (target.isEnum()) {
                List<String> allowed = Arrays.stream(target.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
                if (node.isTextual()) {
                    return new Problem(path, false, "'" + node.asText() + "' is not one of " + allowed, false);
                }
                return new Problem(path, false, "expected one of " + allowed + ", got " + describe(node), false);
            }
            if (e instanceof InvalidFormatException f && node.isMissingNode()) {
                return new Problem(path, false, "expected " + expected(target) + ", got '" + f.getValue() + "'", false);
            }
            return new Problem(path, false, "expected " + expected(target) + ", got " + describe(node), false);
        }
        Throwable cause = e.getCause();
        if (cause instanceof InputCoercionException) {
            JsonNode node = tree.at(ConfigLoader.pointer(path));
            return new Problem(path, false, "expected an integer, got " + describe(node) + " (out of range)", false);
        }
        // Fallback: Jackson's own first line, without class names where possible.
        return new Problem(path, false, YamlDocument.firstLine(e.getOriginalMessage()).replaceAll("`[\\w.$]+`", "value"), false);
    }

    /** The first key of the record at {@code recordPath} that the record does not have, or null. */
    private static Problem unknownKeyOf(ValueInstantiationException e, ConfigPath recordPath, JsonNode tree) {
        Class<?> type = e.getType() == null ? null : e.getType().getRawClass();
        JsonNode record = tree.at(ConfigLoader.pointer(recordPath));
        if (type == null || !type.isRecord() || !record.isObject()) {
            return null;
        }
        List<String> allowed = allowedKeys(type, null);
        for (Iterator<String> it = record.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                String where = recordPath.isRoot() ? "at the top level" : "in " + recordPath;
                return new Problem(recordPath.key(key), true, "unknown key '" + key + "' " + where
                        + " (allowed: " + String.join(", ", allowed) + ")", true);
            }
        }
        return null;
    }

    /** A record's compact constructor refused the values: report its message where it points. */
    private static Problem validationProblem(JsonMappingException e, ConfigPath recordPath, JsonNode tree) {
        Throwable cause = e.getCause();
        String message;
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            message = cause.getMessage();
        } else if (cause != null && cause.getMessage() != null) {
            message = "invalid value (" + cause.getMessage() + ")";
        } else {
            message = "invalid value" + (cause == null ? "" : " (" + cause.getClass().getSimpleName() + ")");
        }
        // A message that names only the enclosing list ("gate: max_ratio needs relative_to" for
        // gate[0]) drops that name: the location prefix names the entry more precisely.
        Matcher list = LEADING_PATH.matcher(message);
        if (list.find() && message.startsWith(list.group(1) + ": ")) {
            ConfigPath named = ConfigPath.parse(list.group(1));
            if (named != null && named.segments().size() < recordPath.segments().size()
                    && named.commonPrefix(recordPath) == named.segments().size()) {
                message = message.substring(list.group(1).length() + 2);
            }
        }
        // Messages start with the key path they are about ("predict.horizon must be >= 1"): point there.
        Matcher m = LEADING_PATH.matcher(message);
        if (m.find()) {
            ConfigPath named = ConfigPath.parse(m.group(1));
            if (named != null && named.commonPrefix(recordPath) == recordPath.segments().size()) {
                ConfigPath p = named;
                while (p.segments().size() > recordPath.segments().size() && tree.at(ConfigLoader.pointer(p)).isMissingNode()) {
                    p = p.parent();
                }
                boolean namesPath = !recordPath.isRoot()
                        || allowedKeys(ExperimentConfig.class, null).contains(named.segments().get(0).toString());
                return new Problem(p, false, message, namesPath);
            }
        }
        // Otherwise ("unknown frequency 'dayly', allowed: …"): the one field whose value the message quotes.
        JsonNode record = tree.at(ConfigLoader.pointer(recordPath));
        ConfigPath quoted = null;
        int matches = 0;
        for (Map.Entry<String, JsonNode> field : record.properties()) {
            if (field.getValue().isValueNode() && message.contains("'" + field.getValue().asText() + "'")) {
                quoted = recordPath.key(field.getKey());
                matches++;
            }
        }
        return new Problem(matches == 1 ? quoted : recordPath, false, message, false);
    }

    private static ConfigPath pathOf(JsonMappingException e) {
        List<Object> segments = new ArrayList<>();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                segments.add(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                segments.add(r.getIndex());
            }
        }
        return new ConfigPath(segments);
    }

    /** The keys a record accepts, in declaration order and snake_case, else Jackson's list. */
    static List<String> allowedKeys(Class<?> type, Collection<Object> known) {
        if (type != null && type.isRecord()) {
            return Arrays.stream(type.getRecordComponents())
                    .map(c -> new PropertyNamingStrategies.SnakeCaseStrategy().translate(c.getName()))
                    .toList();
        }
        return known == null ? List.of() : known.stream().map(String::valueOf).sorted().collect(Collectors.toList());
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class
                || type == BigDecimal.class || type == Number.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping";
        }
        return "a " + type.getSimpleName();
    }

    /** How a value is shown after "got": {@code 'abc'}, {@code 1.5}, {@code a list}, {@code a mapping}, {@code null}. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            return "'" + node.asText() + "'";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        return node.asText();
    }
}
