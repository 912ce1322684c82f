package io.demandcast.core.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A parsed YAML config file: its tree plus the line and column of every key and value, so that
 * binding errors, which only know a key path, can point into the file.
 *
 * @param source name of the file as the user gave it, used as the message prefix
 * @param tree   the single document's root node (an empty mapping for an empty file)
 * @param keys   position of each mapping key, by the path of its value
 * @param values position of each value (scalar, mapping or list), by its path
 */
record YamlDocument(String source, JsonNode tree, Map<ConfigPath, Position> keys, Map<ConfigPath, Position> values) {

    /** One-based line and column. */
    record Position(int line, int column) {
        static Position of(JsonLocation loc) {
            return new Position(Math.max(loc.getLineNr(), 1), Math.max(loc.getColumnNr(), 1));
        }

        @Override
        public String toString() {
            return line + ":" + column;
        }
    }

    YamlDocument {
        keys = Map.copyOf(keys);
        values = Map.copyOf(values);
    }

    /** Where to point for a problem at {@code path}: the key of a mapping or list, the value of a scalar. */
    Position positionOf(ConfigPath path) {
        ConfigPath p = path;
        while (true) {
            JsonNode node = tree.at(ConfigLoader.pointer(p));
            boolean container = node.isContainerNode();
            Position pos = container ? keys.getOrDefault(p, values.get(p)) : values.getOrDefault(p, keys.get(p));
            if (pos != null) {
                return pos;
            }
            if (p.isRoot()) {
                return new Position(1, 1);
            }
            p = p.parent();
        }
    }

    /** Position of the key itself (for unknown keys), falling back to {@link #positionOf}. */
    Position keyPositionOf(ConfigPath path) {
        Position pos = keys.get(path);
        return pos != null ? pos : positionOf(path);
    }

    /**
     * Parses {@code text}; syntax errors, duplicate keys, several documents and a top level that is
     * not a mapping are reported as {@link InvalidConfigException} with {@code source:line:column}.
     */
    static YamlDocument parse(ObjectMapper mapper, String text, String source) {
        Map<ConfigPath, Position> keys = new HashMap<>();
        Map<ConfigPath, Position> values = new HashMap<>();
        try (JsonParser p = mapper.getFactory().createParser(text)) {
            walk(p, source, keys, values);
        } catch (JacksonException e) {
            throw syntaxError(source, e);
        } catch (IOException e) {
            throw new InvalidConfigException(source + ": cannot read YAML: " + e.getMessage(), e);
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(text);
        } catch (IOException e) {
            // The walk above already parsed the same text, so this is not expected.
            throw new InvalidConfigException(source + ": invalid YAML: " + firstLine(e.getMessage()), e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            tree = mapper.createObjectNode();
        }
        if (!tree.isObject()) {
            Position pos = values.getOrDefault(ConfigPath.ROOT, new Position(1, 1));
            throw new InvalidConfigException(source + ":" + pos + ": expected a mapping of config sections at the top level, got "
                    + ConfigErrors.describe(tree));
        }
        return new YamlDocument(source, tree, keys, values);
    }

    private static final class Frame {
        final ConfigPath path;
        final boolean array;
        final Set<String> seen = new HashSet<>();
        int nextIndex;
        ConfigPath currentKey;

        Frame(ConfigPath path, boolean array) {
            this.path = path;
            this.array = array;
        }

        ConfigPath child() {
            return array ? path.index(nextIndex++) : currentKey;
        }
    }

    private static void walk(JsonParser p, String source, Map<ConfigPath, Position> keys, Map<ConfigPath, Position> values)
            throws IOException {
        Deque<Frame> stack = new ArrayDeque<>();
        boolean rootDone = false;
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            Position pos = Position.of(p.currentTokenLocation());
            if (rootDone) {
                throw new InvalidConfigException(source + ":" + pos
                        + ": a config file holds one YAML document; remove the second one (after '---')");
            }
            switch (t) {
                case FIELD_NAME -> {
                    Frame frame = stack.peek();
                    String name = p.currentName();
                    ConfigPath path = frame.path.key(name);
                    if (!frame.seen.add(name)) {
                        throw new InvalidConfigException(source + ":" + pos + ": duplicate key '" + name + "'"
                                + (frame.path.isRoot() ? " at the top level" : " in " + frame.path)
                                + " (first at " + keys.get(path) + ")");
                    }
                    keys.put(path, pos);
                    frame.currentKey = path;
                }
                case START_OBJECT, START_ARRAY -> {
                    ConfigPath path = stack.isEmpty() ? ConfigPath.ROOT : stack.peek().child();
                    values.put(path, pos);
                    stack.push(new Frame(path, t == JsonToken.START_ARRAY));
                }
                case END_OBJECT, END_ARRAY -> {
                    stack.pop();
                    rootDone = stack.isEmpty();
                }
                default -> {
                    ConfigPath path = stack.isEmpty() ? ConfigPath.ROOT : stack.peek().child();
                    values.put(path, pos);
                    rootDone = stack.isEmpty();
                }
            }
        }
    }

    /** {@code source:line:column: invalid YAML: problem (while parsing … started at line:column)}. */
    static InvalidConfigException syntaxError(String source, JacksonException e) {
        return new InvalidConfigException(source + ":" + syntaxPosition(e) + ": invalid YAML: " + syntaxProblem(e), e);
    }

    /** Where SnakeYAML found the problem (not where the enclosing construct started). */
    static Position syntaxPosition(JacksonException e) {
        if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
            return new Position(m.getProblemMark().getLine() + 1, m.getProblemMark().getColumn() + 1);
        }
        return e.getLocation() == null ? new Position(1, 1) : Position.of(e.getLocation());
    }

    /** SnakeYAML's problem on one line, with its context, e.g. {@code expected ',' or ']', but got <stream end> (while parsing a flow sequence started at 1:10)}. */
    static String syntaxProblem(JacksonException e) {
        if (e.getCause() instanceof MarkedYAMLException m && m.getProblem() != null) {
            String context = "";
            if (m.getContext() != null) {
                Mark cm = m.getContextMark();
                context = " (" + firstLine(m.getContext()) + (cm == null ? "" : " started at " + (cm.getLine() + 1) + ":" + (cm.getColumn() + 1)) + ")";
            }
            return firstLine(m.getProblem()) + context;
        }
        return firstLine(e.getOriginalMessage());
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }
}
