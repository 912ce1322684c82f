package io.demandcast.core.data;

import io.demandcast.core.config.InvalidConfigException;
import io.demandcast.core.config.SchemaConfig;
import io.demandcast.core.config.SeriesFilter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which series a {@link PanelCsvReader} keeps. The reader asks once per series, on the first row
 * it meets, with the series key and its static attributes; the rows of a series that is not kept
 * are skipped before their dates and values are parsed, so the kept series alone decide the
 * inferred frequency (the M3 files mix yearly, quarterly and monthly series).
 *
 * <p>Immutable; a {@code data.series} file is read once, when the selection is made.
 */
public final class SeriesSelection {
    /** Keeps every series. */
    public static final SeriesSelection ALL = new SeriesSelection(id -> true, new int[0], List.of(), Set.of(), "", "every series");

    private final Predicate<String> idTest;
    private final int[] staticPositions;
    private final List<Set<String>> staticValues;
    private final Set<String> listed;
    private final String missingReason;
    private final String description;

    /**
     * @param listed        ids that must all be read
     * @param missingReason why a listed id may not have been read, for the message
     */
    private SeriesSelection(Predicate<String> idTest, int[] staticPositions, List<Set<String>> staticValues, Set<String> listed,
                            String missingReason, String description) {
        this.idTest = idTest;
        this.staticPositions = staticPositions;
        this.staticValues = staticValues;
        this.listed = listed;
        this.missingReason = missingReason;
        this.description = description;
    }

    /** Keeps the series whose key passes {@code keep}. */
    public static SeriesSelection matching(Predicate<String> keep) {
        return new SeriesSelection(keep, new int[0], List.of(), Set.of(), "", "the series filter");
    }

    /**
     * The selection {@code data.series} describes, reading its metadata file when it names one.
     *
     * @param schema the data's column roles: {@code where} without a file tests its statics
     * @throws InvalidConfigException when {@code where} (without a file) names a column that is not a static
     * @throws DataException          when the metadata file is missing, lacks a named column, is malformed
     *                                (naming file, line and column) or has no row matching {@code where}
     */
    public static SeriesSelection of(SeriesFilter filter, SchemaConfig schema) {
        return of(filter, schema, null);
    }

    /**
     * The selection {@code data.series} describes, where {@code where} (without a file) may also test
     * the series' attributes ({@code data.attributes}); a series the attributes file lacks has empty values.
     *
     * @param attributes the series' attributes, or null
     * @throws InvalidConfigException when {@code where} (without a file) names a column that is neither a
     *                                static nor an attribute
     * @throws DataException          as {@link #of(SeriesFilter, SchemaConfig)}
     */
    public static SeriesSelection of(SeriesFilter filter, SchemaConfig schema, SeriesAttributes attributes) {
        List<String> attributeColumns = attributes == null ? List.of() : attributes.columns();
        List<String> statics = new ArrayList<>(schema.statics());
        statics.addAll(attributeColumns);
        try {
            filter.requireStaticColumns(statics);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(e.getMessage(), e);
        }
        Set<String> fromFile = filter.file() == null ? null
                : SeriesMetadataCsv.ids(Path.of(filter.file()), filter.idColumn(), filter.where());
        Set<String> listed = filter.ids().isEmpty() ? Set.of() : Set.copyOf(filter.ids());
        Predicate<String> idTest = id -> (listed.isEmpty() || listed.contains(id)) && (fromFile == null || fromFile.contains(id));
        List<Integer> positions = new ArrayList<>();
        List<Set<String>> values = new ArrayList<>();
        if (filter.file() == null) {
            for (Map.Entry<String, List<String>> e : filter.where().entrySet()) {
                int position = schema.statics().indexOf(e.getKey());
                if (position >= 0) {
                    positions.add(position);
                    values.add(Set.copyOf(e.getValue()));
                } else {
                    // An attribute is looked up by id, before the series' first row is parsed further.
                    int column = attributeColumns.indexOf(e.getKey());
                    Set<String> accepted = Set.copyOf(e.getValue());
                    idTest = idTest.and(id -> accepted.contains(attributes.value(id, column)));
                }
            }
        }
        String missingReason = filter.file() == null && filter.where().isEmpty() ? "absent"
                : "absent, or excluded by data.series." + (filter.file() != null ? "file" : "where");
        return new SeriesSelection(idTest, positions.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(values), listed,
                missingReason, "data.series (" + filter.describe() + ")");
    }

    /**
     * Whether the series is read.
     *
     * @param id      the series key
     * @param statics its static attributes, in {@code data.schema.statics} order
     */
    public boolean keeps(String id, String[] statics) {
        for (int i = 0; i < staticPositions.length; i++) {
            if (!staticValues.get(i).contains(statics[staticPositions[i]])) {
                return false;
            }
        }
        return idTest.test(id);
    }

    /** What the selection is, for messages and the manifest. */
    public String description() {
        return description;
    }

    /**
     * Checks what a read kept, before the panel is built.
     *
     * @param kept    keys of the series kept
     * @param skipped number of series skipped
     * @param files   the files read, for messages
     * @throws DataException          when nothing was kept although there were series
     * @throws InvalidConfigException when ids listed in {@code data.series.ids} were not read
     */
    void check(Set<String> kept, int skipped, List<Path> files) {
        String names = files.stream().map(Path::toString).collect(Collectors.joining(", "));
        if (kept.isEmpty() && skipped > 0) {
            throw new DataException(description + " selects none of the " + skipped + " series in " + names);
        }
        Set<String> missing = new LinkedHashSet<>();
        for (String id : listed) {
            if (!kept.contains(id)) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            List<String> some = missing.stream().sorted().limit(5).toList();
            throw new InvalidConfigException("data.series.ids: " + missing.size() + " of the " + listed.size()
                    + " listed series were not read from " + names + " (" + missingReason + "): " + String.join(", ", some) + (missing.size() > 5 ? " and " + (missing.size() - 5) + " more" : ""));
        }
    }
}
