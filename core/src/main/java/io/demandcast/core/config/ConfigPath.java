package io.demandcast.core.config;

import java.util.ArrayList;
import java.util.List;

/**
 * A key path into the config tree: mapping keys and list indices, rendered as
 * {@code prepare.features.lags[1]}. The empty path is the top level of the file.
 */
record ConfigPath(List<Object> segments) {

    static final ConfigPath ROOT = new ConfigPath(List.of());

    ConfigPath {
        segments = List.copyOf(segments);
        for (Object s : segments) {
            if (!(s instanceof String) && !(s instanceof Integer)) {
                throw new IllegalArgumentException("path segment must be a key or an index: " + s);
            }
        }
    }

    ConfigPath key(String name) {
        List<Object> next = new ArrayList<>(segments);
        next.add(name);
        return new ConfigPath(next);
    }

    ConfigPath index(int i) {
        List<Object> next = new ArrayList<>(segments);
        next.add(i);
        return new ConfigPath(next);
    }

    boolean isRoot() {
        return segments.isEmpty();
    }

    ConfigPath parent() {
        return isRoot() ? this : new ConfigPath(segments.subList(0, segments.size() - 1));
    }

    /** Number of leading segments this path shares with {@code other}. */
    int commonPrefix(ConfigPath other) {
        int n = 0;
        while (n < segments.size() && n < other.segments.size() && segments.get(n).equals(other.segments.get(n))) {
            n++;
        }
        return n;
    }

    /** True when one path is a prefix of the other (including equal paths). */
    boolean overlaps(ConfigPath other) {
        return commonPrefix(other) == Math.min(segments.size(), other.segments.size());
    }

    /** Parses the dotted form with optional {@code [i]} indices, e.g. {@code predict.quantiles[1]}; null if malformed. */
    static ConfigPath parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        List<Object> out = new ArrayList<>();
        for (String part : text.split("\\.", -1)) {
            String name = part;
            List<Integer> indices = new ArrayList<>();
            int bracket = part.indexOf('[');
            if (bracket >= 0) {
                name = part.substring(0, bracket);
                String rest = part.substring(bracket);
                if (!rest.matches("(\\[\\d{1,9}])+")) {
                    return null;
                }
                for (String idx : rest.substring(1, rest.length() - 1).split("]\\[")) {
                    indices.add(Integer.parseInt(idx));
                }
            }
            if (name.isEmpty()) {
                return null;
            }
            out.add(name);
            out.addAll(indices);
        }
        return new ConfigPath(out);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Object s : segments) {
            if (s instanceof Integer) {
                sb.append('[').append(s).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(s);
            }
        }
        return sb.toString();
    }
}
