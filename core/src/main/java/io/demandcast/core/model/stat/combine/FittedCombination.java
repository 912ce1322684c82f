package io.demandcast.core.model.stat.combine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.data.Panel;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.UpdateMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A fitted {@link CombinationForecaster}: each member's fitted model and the rule. Saved as each
 * member's own files in {@code members/<i>-<family>/} (written by the member's
 * {@link FittedModel#save}) and {@code combination.json}:
 * <pre>
 * { "format_version": 1, "family": "combination",
 *   "parameters": { "members": [{family, params}, ...], "method": ..., "weights": [...],
 *                   "context": {frequency, season_length, horizon, past_only} },
 *   "members": [ { "family": ..., "directory": "members/0-ridge" }, ... ] }
 * </pre>
 */
final class FittedCombination implements FittedModel {
    static final String FILE = "combination.json";
    static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<FittedModel> members;
    private final CombinationRule rule;
    private final Map<String, Object> parameters;

    /**
     * @throws IllegalArgumentException when the members do not hold the same series in the same order
     */
    FittedCombination(List<FittedModel> members, CombinationRule rule, Map<String, Object> parameters) {
        this.members = List.copyOf(members);
        this.rule = rule;
        this.parameters = parameters;
        for (FittedModel m : this.members) {
            if (!m.seriesIds().equals(this.members.get(0).seriesIds())) {
                throw new IllegalArgumentException("combination members hold different series (" + m.family() + " and "
                        + this.members.get(0).family() + ")");
            }
        }
    }

    /** The fitted members, in member order. */
    List<FittedModel> members() {
        return members;
    }

    @Override
    public String family() {
        return CombinationFamily.COMBINATION;
    }

    @Override
    public List<String> seriesIds() {
        return members.get(0).seriesIds();
    }

    /** The members are fitted and updated on the same history, so they end together. */
    @Override
    public java.time.LocalDate fittedEnd(String seriesId) {
        return members.get(0).fittedEnd(seriesId);
    }

    /** Per series, the members' outcomes merged by {@link io.demandcast.core.model.FitOutcome#ofMembers}. */
    @Override
    public List<io.demandcast.core.model.FitOutcome> fitOutcomes() {
        List<List<io.demandcast.core.model.FitOutcome>> byMember = members.stream().map(FittedModel::fitOutcomes).toList();
        List<String> ids = seriesIds();
        List<io.demandcast.core.model.FitOutcome> out = new ArrayList<>(ids.size());
        for (int s = 0; s < ids.size(); s++) {
            int series = s;
            out.add(io.demandcast.core.model.FitOutcome.ofMembers(ids.get(s), family(),
                    byMember.stream().map(m -> m.get(series)).toList()));
        }
        return out;
    }

    /**
     * The fit summaries of the members that have one (the deep families' epochs, say), each with its
     * member index and family, under {@code members}: a combination of networks reports their training
     * like a single network does. Empty when no member has anything to say.
     */
    @Override
    public Map<String, Object> fitSummary() {
        List<Map<String, Object>> summaries = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Map<String, Object> summary = members.get(i).fitSummary();
            if (!summary.isEmpty()) {
                Map<String, Object> entry = new java.util.LinkedHashMap<>();
                entry.put("member", i);
                entry.put("family", members.get(i).family());
                entry.putAll(summary);
                summaries.add(entry);
            }
        }
        return summaries.isEmpty() ? Map.of() : Map.of("members", summaries);
    }

    /** Every member forecasts with the same request (its future covariates included); the rule combines them. */
    @Override
    public Forecast forecast(ForecastRequest request) {
        List<Forecast> forecasts = new ArrayList<>();
        for (FittedModel m : members) {
            forecasts.add(m.forecast(request));
        }
        return rule.combine(family(), forecasts);
    }

    /** Every member updated by its own update; the rule is fixed anyway. */
    @Override
    public FittedCombination update(Panel history) {
        List<FittedModel> updated = new ArrayList<>();
        for (FittedModel m : members) {
            updated.add(m.update(history));
        }
        return new FittedCombination(updated, rule, parameters);
    }

    /** {@link UpdateMode#FILTER} when any member filters; otherwise every member's update is a refit, and so is the combination's. */
    @Override
    public UpdateMode updateMode() {
        return members.stream().anyMatch(m -> m.updateMode() == UpdateMode.FILTER) ? UpdateMode.FILTER : UpdateMode.REFORECAST;
    }

    /** The members' features, each once, in member order. */
    @Override
    public List<String> features() {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        members.forEach(m -> all.addAll(m.features()));
        return List.copyOf(all);
    }

    @Override
    public void save(Path directory) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", FORMAT_VERSION);
        root.put("family", family());
        root.set("parameters", JSON.valueToTree(parameters));
        ArrayNode saved = root.putArray("members");
        for (int i = 0; i < members.size(); i++) {
            FittedModel m = members.get(i);
            String dir = "members/" + i + "-" + m.family();
            Path memberDir = directory.resolve(dir);
            Files.createDirectories(memberDir);
            m.save(memberDir);
            ObjectNode one = saved.addObject();
            one.put("family", m.family());
            one.put("directory", dir);
        }
        Files.writeString(directory.resolve(FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    /**
     * Reads what {@link #save} wrote, each member loaded by its family found through {@code resolver}.
     *
     * @throws IOException naming the file on a format or family mismatch, an unknown member family,
     *                     a member directory outside {@code directory}, or a member that fails to load
     */
    static FittedCombination load(Path directory, MemberResolver resolver) throws IOException {
        Path file = directory.resolve(FILE);
        JsonNode root = JSON.readTree(file.toFile());
        int version = root.path("format_version").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new IOException(file + ": unsupported format_version " + version + " (this build reads " + FORMAT_VERSION + ")");
        }
        if (!root.path("family").asText().equals(CombinationFamily.COMBINATION)) {
            throw new IOException(file + ": holds a '" + root.path("family").asText() + "' model, not '" + CombinationFamily.COMBINATION + "'");
        }
        JsonNode params = root.path("parameters");
        JsonNode saved = root.path("members");
        if (!saved.isArray() || saved.isEmpty()) {
            throw new IOException(file + ": members must be a non-empty list");
        }
        CombinationRule rule;
        try {
            rule = CombinationFamily.savedRule(params, saved.size());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        List<FittedModel> members = new ArrayList<>();
        Path root0 = directory.toAbsolutePath().normalize();
        for (int i = 0; i < saved.size(); i++) {
            String family = saved.get(i).path("family").asText();
            Path memberDir = root0.resolve(saved.get(i).path("directory").asText()).normalize();
            if (!memberDir.startsWith(root0) || memberDir.equals(root0)) {
                throw new IOException(file + ": members[" + i + "].directory must be a directory inside " + directory);
            }
            try {
                FittedModel m = resolver.family(family).load(memberDir);
                if (!m.family().equals(family)) {
                    throw new IOException("holds a '" + m.family() + "' model");
                }
                members.add(m);
            } catch (IOException | RuntimeException e) {
                throw new IOException(file + ": members[" + i + "] (" + family + "): " + e.getMessage(), e);
            }
        }
        Map<String, Object> parameters = JSON.convertValue(params,
                JSON.getTypeFactory().constructMapType(java.util.LinkedHashMap.class, String.class, Object.class));
        try {
            return new FittedCombination(members, rule, parameters);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
