package io.demandcast.core.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;

/**
 * One {@code --set key.path=value} override.
 *
 * @param text  the override as the user wrote it, used to name it in messages
 * @param path  the key path ({@code predict.horizon}, {@code predict.quantiles[1]})
 * @param value the value: a YAML scalar or flow collection
 */
record ConfigOverride(String text, ConfigPath path, JsonNode value) {

    /**
     * Parses {@code key.path=value}. The value is read as YAML: {@code 14} is an integer,
     * {@code [0.1,0.9]} a list, {@code {alpha: 0.3}} a mapping, {@code ~} or nothing null
     * (the default), {@code '14'} a string. Text that YAML would read as a block collection or
     * cannot read (such as {@code -} or {@code a: b}) is kept as a plain string.
     */
    static ConfigOverride parse(ObjectMapper mapper, String text) {
        if (text == null) {
            throw new InvalidConfigException("--set: missing override; expected key.path=value");
        }
        int eq = text.indexOf('=');
        if (eq < 0) {
            throw new InvalidConfigException("--set " + text + ": expected key.path=value (e.g. predict.horizon=14)");
        }
        String key = text.substring(0, eq).trim();
        if (key.isEmpty()) {
            throw new InvalidConfigException("--set " + text + ": empty key; expected key.path=value (e.g. predict.horizon=14)");
        }
        ConfigPath path = ConfigPath.parse(key);
        if (path == null) {
            throw new InvalidConfigException("--set " + text + ": malformed key '" + key
                    + "'; expected dot-separated names with optional [index], e.g. predict.quantiles[0]");
        }
        return new ConfigOverride(text, path, parseValue(mapper, text, text.substring(eq + 1)));
    }

    private static JsonNode parseValue(ObjectMapper mapper, String text, String raw) {
        String trimmed = raw.trim();
        boolean flow = trimmed.startsWith("[") || trimmed.startsWith("{");
        String alias = YamlDocument.firstAlias(mapper, raw);
        if (alias != null) {
            throw new InvalidConfigException("--set " + text + ": '*" + alias + "' is a YAML alias, but an override has no"
                    + " anchor to refer to; quote the value ('*" + alias + "') if it is text");
        }
        JsonNode node;
        try {
            node = mapper.readTree(raw);
        } catch (IOException e) {
            if (flow) {
                String detail = e instanceof JacksonException je ? YamlDocument.syntaxProblem(je) : e.getMessage();
                throw new InvalidConfigException("--set " + text + ": invalid YAML value: "
                        + detail, e);
            }
            return TextNode.valueOf(raw);
        }
        if (node == null || node.isMissingNode()) {
            return mapper.getNodeFactory().nullNode();
        }
        if (node.isContainerNode() && !flow) {
            return TextNode.valueOf(raw);
        }
        return node;
    }

    /** Sets the value in {@code root}, creating intermediate mappings as needed. */
    void applyTo(ObjectNode root) {
        JsonNode current = root;
        ConfigPath walked = ConfigPath.ROOT;
        var segments = path.segments();
        for (int i = 0; i < segments.size(); i++) {
            Object seg = segments.get(i);
            boolean last = i == segments.size() - 1;
            if (seg instanceof String name) {
                if (!current.isObject()) {
                    throw notA("a mapping", walked, current);
                }
                ObjectNode obj = (ObjectNode) current;
                if (last) {
                    obj.set(name, value.deepCopy());
                    return;
                }
                JsonNode child = obj.get(name);
                if (child == null || child.isNull()) {
                    child = segments.get(i + 1) instanceof Integer ? obj.putArray(name) : obj.putObject(name);
                }
                current = child;
                walked = walked.key(name);
            } else {
                int index = (Integer) seg;
                if (!current.isArray()) {
                    throw notA("a list", walked, current);
                }
                ArrayNode arr = (ArrayNode) current;
                if (index > arr.size()) {
                    throw new InvalidConfigException("--set " + text + ": index " + index + " is past the end of " + walked
                            + " (size " + arr.size() + "); use " + walked + "[" + arr.size() + "] to append");
                }
                if (last) {
                    if (index == arr.size()) {
                        arr.add(value.deepCopy());
                    } else {
                        arr.set(index, value.deepCopy());
                    }
                    return;
                }
                if (index == arr.size() || arr.get(index).isNull()) {
                    JsonNode fresh = segments.get(i + 1) instanceof Integer
                            ? arr.arrayNode() : arr.objectNode();
                    if (index == arr.size()) {
                        arr.add(fresh);
                    } else {
                        arr.set(index, fresh);
                    }
                }
                current = arr.get(index);
                walked = walked.index(index);
            }
        }
    }

    private InvalidConfigException notA(String what, ConfigPath walked, JsonNode node) {
        return new InvalidConfigException("--set " + text + ": " + walked + " is not " + what + " (it is "
                + ConfigErrors.describe(node) + ")");
    }
}
