package io.demandcast.cli;

import io.demandcast.core.artifact.ArtifactManifest;
import io.demandcast.core.artifact.StoredVersion;
import io.demandcast.core.artifact.TreeChanges;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Text and JSON shapes shared by the {@code models} subcommands. */
final class ModelsText {
    static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private ModelsText() {
    }

    /** {@code 512 B}, {@code 12.3 KiB}, {@code 4.0 MiB}. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** Columns padded to their widest cell, two spaces apart; trailing spaces trimmed. */
    static String table(List<List<String>> rows) {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                line.append(String.format(Locale.ROOT, "%-" + widths[i] + "s", r.get(i)));
                if (i < r.size() - 1) {
                    line.append("  ");
                }
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }

    /** One version's row of {@code models list --json}. */
    static Map<String, Object> versionMap(StoredVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        ArtifactManifest man = v.manifest();
        m.put("model", v.model());
        m.put("version", v.version());
        m.put("created_at", man == null ? null : man.createdAt().toString());
        m.put("family", man == null ? null : man.modelFamily());
        m.put("data_start", man == null || man.data().firstDate() == null ? null : man.data().firstDate().toString());
        m.put("data_end", man == null || man.data().lastDate() == null ? null : man.data().lastDate().toString());
        m.put("size_bytes", v.sizeBytes());
        m.put("latest", v.latest());
        m.put("directory", v.directory().toString());
        m.put("problem", v.problem());
        return m;
    }

    static List<Map<String, Object>> changes(List<TreeChanges.Change> changes) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (TreeChanges.Change c : changes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", c.path());
            m.put("before", c.before());
            m.put("after", c.after());
            out.add(m);
        }
        return out;
    }

    /** {@code  key: before -> after} lines, {@code (absent)} for a missing side. */
    static void printChanges(java.io.PrintWriter out, String title, List<TreeChanges.Change> changes) {
        if (changes.isEmpty()) {
            out.println(title + ": unchanged");
            return;
        }
        out.println(title + ":");
        for (TreeChanges.Change c : changes) {
            out.println("  " + c.path() + ": " + (c.before() == null ? "(absent)" : c.before()) + " -> "
                    + (c.after() == null ? "(absent)" : c.after()));
        }
    }
}
