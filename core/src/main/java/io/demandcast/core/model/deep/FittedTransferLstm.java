package io.demandcast.core.model.deep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.TimeAxis;
import io.demandcast.core.model.DerivedModel;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.UpdateMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fine-tuned {@code lstm}: one {@link FittedLstmModel} per {@code group_by} group (all sharing the
 * pre-trained network's input layout), each series forecast by its group's network, and a
 * reference to the parent network. Immutable.
 *
 * <p>Saved as {@code transfer.json} and one directory per group ({@code groups/0}, ...) holding
 * that group's {@code lstm.json} and {@code network.zip}:
 * <pre>
 * { "format_version": 1, "family": "lstm", "transfer": {"pretrain": {...}, "fine_tune": {...}},
 *   "parent": {"artifact", "version", "manifest_sha256", "prepared", "data_end", "series"},
 *   "groups": [{"value": "CA_1", "directory": "groups/0", "series": 70}] }
 * </pre>
 */
public final class FittedTransferLstm implements DerivedModel {
    static final String FILE = "transfer.json";
    static final int FORMAT_VERSION = 1;
    /** The group of {@code group_by: none}. */
    static final String ALL = "all";
    /** The group of series without a {@code group_by} value. */
    static final String MISSING = "(missing)";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One group's value and its fine-tuned model. */
    record Group(String value, FittedLstmModel model) {
    }

    private final Map<String, Object> transfer;
    private final ParentRef parentRef;
    private final FittedLstmModel parent;
    private final List<Group> groups;
    private final Map<String, Integer> groupById;

    /**
     * @param parent the pre-trained model when it was fitted in this run (for {@code train} to publish), else null
     */
    FittedTransferLstm(TransferSpec transfer, ParentRef parentRef, FittedLstmModel parent, List<Group> groups) {
        this(transfer.parameters(), parentRef, parent, groups);
    }

    private FittedTransferLstm(Map<String, Object> transfer, ParentRef parentRef, FittedLstmModel parent, List<Group> groups) {
        this.transfer = transfer;
        this.parentRef = parentRef;
        this.parent = parent;
        this.groups = List.copyOf(groups);
        this.groupById = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            for (String id : groups.get(g).model().seriesIds()) {
                groupById.put(id, g);
            }
        }
    }

    @Override
    public String family() {
        return LstmFamily.NAME;
    }

    @Override
    public List<String> seriesIds() {
        List<String> out = new ArrayList<>();
        groups.forEach(g -> out.addAll(g.model().seriesIds()));
        return out;
    }

    @Override
    public java.time.LocalDate fittedEnd(String seriesId) {
        Integer g = groupById.get(seriesId);
        return g == null ? null : groups.get(g).model().fittedEnd(seriesId);
    }

    @Override
    public List<String> features() {
        return groups.get(0).model().features();
    }

    /**
     * The fine-tuning of the first group (epochs run, best epoch, seconds per epoch, as a network's
     * {@link FittedLstmModel#fitSummary()}), the number of groups and each one's epochs run, and under
     * {@code pretrained} the pre-training's summary when it ran in this fit.
     */
    @Override
    public Map<String, Object> fitSummary() {
        Map<String, Object> m = new java.util.LinkedHashMap<>(groups.get(0).model().fitSummary());
        m.put("groups", groups.size());
        m.put("group_epochs_run", groups.stream().map(g -> g.model().training().epochs().size()).toList());
        if (parent != null) {
            m.put("pretrained", parent.fitSummary());
        }
        return m;
    }

    /** The pre-trained model fitted in this run, or null (loaded from disk, or its artifact already published). */
    public FittedModel pretrained() {
        return parent;
    }

    public ParentRef parentRef() {
        return parentRef;
    }

    @Override
    public FittedModel unpublishedParent() {
        return parentRef.artifact() == null ? parent : null;
    }

    @Override
    public Map<String, Object> parentParameters() {
        return parent == null ? Map.of() : parent.spec().parameters();
    }

    @Override
    public Path parentData() {
        return parentRef.prepared() == null ? null : Path.of(parentRef.prepared());
    }

    /** This model naming its published parent (kept in memory no longer). */
    @Override
    public FittedTransferLstm withPublishedParent(String name, String version, String manifestSha256) {
        return new FittedTransferLstm(transfer, parentRef.published(name, version, manifestSha256), null, groups);
    }

    /** Each group's value and fine-tuned model, in order. */
    List<Group> groups() {
        return groups;
    }

    /** Each series' forecast from its group's network, in {@link #seriesIds()} order. */
    @Override
    public Forecast forecast(ForecastRequest request) {
        List<Forecast> parts = new ArrayList<>();
        for (Group g : groups) {
            parts.add(g.model().forecast(request));
        }
        Forecast first = parts.get(0);
        int h = first.horizon();
        double[] levels = first.levels();
        List<String> ids = new ArrayList<>();
        List<Integer> firsts = new ArrayList<>();
        int total = parts.stream().mapToInt(Forecast::seriesCount).sum();
        double[] point = new double[total * h];
        double[][] quantiles = new double[levels.length][total * h];
        int at = 0;
        for (Forecast f : parts) {
            for (int s = 0; s < f.seriesCount(); s++, at++) {
                ids.add(f.seriesId(s));
                firsts.add(f.firstPeriod(s));
                for (int k = 0; k < h; k++) {
                    point[at * h + k] = f.point(s, k);
                    for (int q = 0; q < levels.length; q++) {
                        quantiles[q][at * h + k] = f.quantile(q, s, k);
                    }
                }
            }
        }
        return new Forecast(LstmFamily.NAME, first.axis(), ids.toArray(String[]::new), firsts.stream().mapToInt(Integer::intValue).toArray(),
                h, point, levels, quantiles);
    }

    @Override
    public UpdateMode updateMode() {
        return UpdateMode.FILTER;
    }

    /** Each group's series states recomputed from {@code history}, the networks kept. */
    @Override
    public FittedTransferLstm update(Panel history) {
        List<List<Integer>> bySeries = new ArrayList<>();
        groups.forEach(g -> bySeries.add(new ArrayList<>()));
        for (int s = 0; s < history.seriesCount(); s++) {
            Integer g = groupById.get(history.seriesId(s));
            if (g == null) {
                throw new IllegalArgumentException("history holds series '" + history.seriesId(s) + "', which this lstm model was not"
                        + " fine-tuned on (it knows " + groupById.size() + " series); refit to add series");
            }
            bySeries.get(g).add(s);
        }
        List<Group> updated = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            List<Integer> rows = bySeries.get(g);
            updated.add(rows.isEmpty() ? group
                    : new Group(group.value(), group.model().update(history.select(rows.stream().mapToInt(Integer::intValue).toArray()))));
        }
        return new FittedTransferLstm(transfer, parentRef, parent, updated);
    }

    @Override
    public void save(Path directory) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", FORMAT_VERSION);
        root.put("family", LstmFamily.NAME);
        root.set("transfer", JSON.valueToTree(transfer));
        parentRef.write(root.putObject("parent"));
        ArrayNode list = root.putArray("groups");
        for (int g = 0; g < groups.size(); g++) {
            String dir = "groups/" + g;
            Path sub = directory.resolve("groups").resolve(Integer.toString(g));
            Files.createDirectories(sub);
            groups.get(g).model().save(sub);
            ObjectNode o = list.addObject();
            o.put("value", groups.get(g).value());
            o.put("directory", dir);
            o.put("series", groups.get(g).model().seriesIds().size());
        }
        Files.writeString(directory.resolve(FILE), JSON.writeValueAsString(root));
    }

    /** Whether {@code directory} holds a fine-tuned {@code lstm} (rather than a plain one). */
    static boolean isSavedIn(Path directory) {
        return Files.isRegularFile(directory.resolve(FILE));
    }

    /**
     * Reads what {@link #save} wrote.
     *
     * @throws IOException naming the file on a format mismatch or a group directory that is not an {@code lstm} model
     */
    static FittedTransferLstm load(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        JsonNode root = JSON.readTree(file.toFile());
        int version = root.path("format_version").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new IOException(file + ": unsupported format_version " + version + " (this build reads " + FORMAT_VERSION + ")");
        }
        List<Group> groups = new ArrayList<>();
        for (JsonNode g : root.path("groups")) {
            String dir = g.path("directory").asText();
            if (!dir.matches("groups/\\d+")) {
                throw new IOException(file + ": group directory '" + dir + "' is not groups/<n>");
            }
            groups.add(new Group(g.path("value").asText(), FittedLstmModel.load(directory.resolve(dir))));
        }
        if (groups.isEmpty()) {
            throw new IOException(file + ": no groups");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> transfer = JSON.convertValue(root.path("transfer"), Map.class);
        return new FittedTransferLstm(transfer, ParentRef.read(root.path("parent")), null, groups);
    }

    /** {@code layout} on another axis of the same frequency (its inputs depend on dates only, never on period numbers). */
    static InputLayout reanchored(InputLayout layout, TimeAxis axis) {
        if (layout.axis().equals(axis)) {
            return layout;
        }
        ObjectNode node = JSON.createObjectNode();
        layout.write(node);
        return InputLayout.read(node, axis);
    }
}
