package io.demandcast.core.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.StringReader;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A parsed YAML config file: its tree plus the line and column of every key and value, so that
 * binding errors, which only know a key path, can point into the file.
 *
 * <p>Anchors and aliases are resolved here, because Jackson's YAML parser does not: it hands an
 * alias over as a string holding the anchor's name ({@code model.name: *nm} would read as
 * {@code nm}). SnakeYAML's composer would resolve them (and limit them with
 * {@code LoaderOptions.maxAliasesForCollections}), but its nodes would have to be converted to
 * Jackson's with Jackson's own scalar typing, and the positions this class keeps come from
 * Jackson's token stream. So the walk records where each anchor and alias is, and an alias is then
 * replaced by a copy of its anchored node (scalar, list or mapping), in document order. Copies are
 * counted: more than {@value #MAX_ALIAS_NODES} values made by aliases in one file (an alias bomb,
 * "billion laughs") is refused at the alias that crosses the limit. The YAML 1.1 merge key
 * ({@code <<: *defaults}, or a list of aliases) merges mappings, the mapping's own keys winning.
 * An alias without an anchor before it, an alias inside its own anchored node and a merge of
 * something other than mappings are refused with {@code file:line:column}.
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

    /** Most values aliases may create in one file: far above any real config, far below a bomb. */
    static final int MAX_ALIAS_NODES = 10_000;

    /** The YAML 1.1 merge key. */
    private static final String MERGE_KEY = "<<";

    /** An alias at {@code path} (where it was read, at {@code position}) standing for the node anchored at {@code target}. */
    private record AliasUse(String anchor, ConfigPath path, ConfigPath target, Position position) {
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
        List<AliasUse> aliases = new ArrayList<>();
        try (JsonParser p = mapper.getFactory().createParser(text)) {
            walk(p, text, source, keys, values, aliases);
        } catch (JacksonException e) {
            throw syntaxError(source, e);
        } catch (IOException e) {
            throw new InvalidConfigException(source + ": cannot read YAML: " + e.getMessage(), e);
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(text);
        } catch (JacksonException e) {
            // The walk reads no number, so a malformed one ('.nan') is first met here.
            throw syntaxError(source, e);
        } catch (IOException e) {
            // The walk above already parsed the same text, so this is not expected.
            throw new InvalidConfigException(source + ": invalid YAML: " + firstLine(e.getMessage()), e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            tree = mapper.createObjectNode();
        }
        tree = resolveAliases(tree, aliases, source);
        mergeKeys(tree, ConfigPath.ROOT, source, keys, values);
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

    private static void walk(JsonParser p, String text, String source, Map<ConfigPath, Position> keys, Map<ConfigPath, Position> values,
                             List<AliasUse> aliases) throws IOException {
        YAMLParser yaml = p instanceof YAMLParser y ? y : null;
        Map<Position, String> anchorAt = anchorPositions(text);
        Map<String, ConfigPath> anchors = new HashMap<>();
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
                    anchor(anchorAt.get(pos), path, anchors);
                    stack.push(new Frame(path, t == JsonToken.START_ARRAY));
                }
                case END_OBJECT, END_ARRAY -> {
                    stack.pop();
                    rootDone = stack.isEmpty();
                }
                default -> {
                    ConfigPath path = stack.isEmpty() ? ConfigPath.ROOT : stack.peek().child();
                    values.put(path, pos);
                    if (yaml != null && yaml.isCurrentAlias()) {
                        aliases.add(aliasUse(source, p.getText(), path, pos, anchors, stack));
                    } else {
                        anchor(anchorAt.get(pos), path, anchors);
                    }
                    rootDone = stack.isEmpty();
                }
            }
        }
    }

    /** Records the anchor ({@code &name}) of the node at {@code path}, if any; a later anchor of the same name wins. */
    private static void anchor(String name, ConfigPath path, Map<String, ConfigPath> anchors) {
        if (name != null) {
            anchors.put(name, path);
        }
    }

    /**
     * Where each anchor is, by the start of its node. Jackson's parser reports the anchors of
     * collections but drops those of scalars that are mapping values ({@code name: &nm weekly}), so
     * they come from SnakeYAML's own event stream, whose marks are the ones Jackson's token
     * locations are made of. Text SnakeYAML cannot parse gives no anchors: the walk reports its error.
     */
    private static Map<Position, String> anchorPositions(String text) {
        Map<Position, String> out = new HashMap<>();
        try {
            for (Event event : new Yaml().parse(new StringReader(text))) {
                if (event instanceof NodeEvent node && !(event instanceof AliasEvent) && node.getAnchor() != null) {
                    Mark m = event.getStartMark();
                    out.put(new Position(m.getLine() + 1, m.getColumn() + 1), node.getAnchor());
                }
            }
        } catch (YAMLException e) {
            return out;
        }
        return out;
    }

    private static AliasUse aliasUse(String source, String name, ConfigPath path, Position pos, Map<String, ConfigPath> anchors,
                                     Deque<Frame> open) {
        ConfigPath target = anchors.get(name);
        if (target == null) {
            throw new InvalidConfigException(source + ":" + pos + ": unknown alias '*" + name + "': no anchor '&" + name
                    + "' before it");
        }
        for (Frame frame : open) {
            if (frame.path.equals(target)) {
                throw new InvalidConfigException(source + ":" + pos + ": alias '*" + name + "' refers to a node that contains it"
                        + " (a recursive alias)");
            }
        }
        return new AliasUse(name, path, target, pos);
    }

    /**
     * Replaces each alias by a copy of its anchored node, in document order: an anchored node's own
     * aliases come before any alias of it, so they are already replaced when it is copied.
     */
    private static JsonNode resolveAliases(JsonNode tree, List<AliasUse> aliases, String source) {
        JsonNode root = tree;
        long created = 0;
        for (AliasUse alias : aliases) {
            JsonNode anchored = root.at(ConfigLoader.pointer(alias.target()));
            created += size(anchored);
            if (created > MAX_ALIAS_NODES) {
                throw new InvalidConfigException(source + ":" + alias.position() + ": aliases expand to more than "
                        + MAX_ALIAS_NODES + " values (at '*" + alias.anchor() + "'); a config needs far fewer: is this an alias bomb?");
            }
            JsonNode copy = anchored.deepCopy();
            if (alias.path().isRoot()) {
                root = copy;
                continue;
            }
            JsonNode parent = root.at(ConfigLoader.pointer(alias.path().parent()));
            Object last = alias.path().segments().get(alias.path().segments().size() - 1);
            if (last instanceof Integer i) {
                ((ArrayNode) parent).set(i, copy);
            } else {
                ((ObjectNode) parent).set((String) last, copy);
            }
        }
        return root;
    }

    /** Values in a node, itself included; stops counting early past the limit. */
    private static long size(JsonNode node) {
        long n = 1;
        for (JsonNode child : node) {
            n += size(child);
            if (n > MAX_ALIAS_NODES) {
                return n;
            }
        }
        return n;
    }

    /**
     * Applies YAML 1.1 merge keys ({@code <<}) below {@code path}, depth first: the mapping's own keys
     * win over merged ones, and among several merged mappings the earlier one wins. Merged keys are
     * located at the {@code <<} key.
     */
    private static void mergeKeys(JsonNode node, ConfigPath path, String source, Map<ConfigPath, Position> keys,
                                  Map<ConfigPath, Position> values) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                mergeKeys(node.get(i), path.index(i), source, keys, values);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) node;
        JsonNode merged = object.remove(MERGE_KEY);
        if (merged != null) {
            ConfigPath mergePath = path.key(MERGE_KEY);
            Position at = keys.getOrDefault(mergePath, values.getOrDefault(path, new Position(1, 1)));
            List<JsonNode> sources = new ArrayList<>();
            if (merged.isArray()) {
                merged.forEach(sources::add);
            } else {
                sources.add(merged);
            }
            for (JsonNode m : sources) {
                if (!m.isObject()) {
                    throw new InvalidConfigException(source + ":" + at + ": '<<' merges mappings (an alias of a mapping, or a list"
                            + " of them), got " + ConfigErrors.describe(m) + (path.isRoot() ? "" : " in " + path));
                }
                for (Map.Entry<String, JsonNode> field : m.properties()) {
                    if (!object.has(field.getKey())) {
                        object.set(field.getKey(), field.getValue().deepCopy());
                        keys.putIfAbsent(path.key(field.getKey()), at);
                    }
                }
            }
        }
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            mergeKeys(field.getValue(), path.key(field.getKey()), source, keys, values);
        }
    }

    /**
     * The name of the first alias ({@code *name}) in {@code text}, or null: for YAML snippets that
     * have no anchors to refer to ({@code --set} values, {@code --gate} rules), where Jackson would
     * read an alias as its name. Unparseable text gives null; the caller's own parse reports it.
     */
    static String firstAlias(ObjectMapper mapper, String text) {
        try (JsonParser p = mapper.getFactory().createParser(text)) {
            while (p.nextToken() != null) {
                if (p instanceof YAMLParser y && y.isCurrentAlias()) {
                    return p.getText();
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
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
