package io.demandcast.spark;

import io.demandcast.core.DemandcastException;
import io.demandcast.core.data.Panel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which series go to which partition. Local families fit each series alone, so any split gives the
 * same forecasts; series go by their key ({@code String.hashCode} of the id, fixed by the Java
 * specification, so a partition holds the same series on every run and machine). A global model is
 * fitted once per partition, so {@link #byGroup} puts each value of a static column (a store, a
 * category) in a partition of its own: one global model per group.
 */
public final class Partitioning {
    private Partitioning() {
    }

    /**
     * One partition of series.
     *
     * @param index     partition number, from 0
     * @param key       the group value, or {@code hash-<index>} for a split by series key
     * @param positions the series' indices in the panel, ascending
     */
    public record Partition(int index, String key, int[] positions) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Series spread over {@code count} partitions by key; empty partitions are dropped. */
    public static List<Partition> byKey(Panel panel, int count) {
        if (count < 1) {
            throw new DemandcastException("--partitions must be >= 1 (got " + count + ")");
        }
        List<List<Integer>> buckets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            buckets.add(new ArrayList<>());
        }
        for (int s = 0; s < panel.seriesCount(); s++) {
            buckets.get(Math.floorMod(panel.seriesId(s).hashCode(), count)).add(s);
        }
        List<Partition> out = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            if (!buckets.get(b).isEmpty()) {
                out.add(new Partition(out.size(), "hash-" + b, toArray(buckets.get(b))));
            }
        }
        return out;
    }

    /**
     * One partition per value of the static column {@code column}, in order of first appearance.
     *
     * @throws DemandcastException naming the column and the panel's static columns when it has no such column
     */
    public static List<Partition> byGroup(Panel panel, String column) {
        if (!panel.staticNames().contains(column)) {
            throw new DemandcastException("--group-by " + column + ": the prepared data has no static column '" + column
                    + "'; its static columns are " + panel.staticNames());
        }
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int s = 0; s < panel.seriesCount(); s++) {
            String value = panel.staticValue(column, s);
            groups.computeIfAbsent(value == null ? "" : value, v -> new ArrayList<>()).add(s);
        }
        List<Partition> out = new ArrayList<>();
        groups.forEach((value, series) -> out.add(new Partition(out.size(), value, toArray(series))));
        return out;
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
