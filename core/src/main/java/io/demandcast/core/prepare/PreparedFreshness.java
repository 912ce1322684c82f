package io.demandcast.core.prepare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.demandcast.core.Sha256;
import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.data.DataException;
import io.demandcast.core.data.DatasetManifest;
import io.demandcast.core.data.PreparedDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a prepared dataset is still what {@code prepare} would make from the current config: the
 * same input files (by path, size and SHA-256) and the same {@code name}, {@code data} and
 * {@code prepare} sections. Without this check {@code train} fits the old data after
 * {@code data.files} changed, a file was edited, or a later {@code prepare} failed, and publishes a
 * version whose config names data the model never saw.
 */
public final class PreparedFreshness {
    private static final YAMLMapper YAML = new YAMLMapper();

    private PreparedFreshness() {
    }

    /**
     * SHA-256 (hex) of the config sections prepare reads, the {@code config_sha256} of the manifest.
     * Only these sections, so that editing model settings keeps the dataset current.
     */
    public static String configSha256(ExperimentConfig config) {
        return Sha256.text(ConfigLoader.toYaml(prepareSections(config)));
    }

    /** SHA-256 (hex) of each config section prepare reads, by section name, in config order. */
    public static Map<String, String> sectionSha256s(ExperimentConfig config) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            JsonNode tree = YAML.readTree(ConfigLoader.toYaml(prepareSections(config)));
            for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNull()) {
                    out.put(e.getKey(), Sha256.text(e.getValue().toString()));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read back the rendered config: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Refuses a dataset that {@code prepare} did not make from {@code config}'s current inputs.
     *
     * @param rerun  the command that brings it up to date, named in the message
     * @param option an option of the refusing command that would prepare first (e.g. {@code --prepare}),
     *               named in the message as the alternative; null when it has none
     * @throws DataException (exit 2) with one line naming the dataset, what changed (a file, or a
     *                       config section) and {@code rerun}
     * @throws IOException   when an input file cannot be read
     */
    public static void check(ExperimentConfig config, PreparedDataset dataset, String rerun, String option) throws IOException {
        String reason = staleness(config, dataset.manifest());
        if (reason != null) {
            throw new DataException(dataset.directory() + ": the prepared dataset is stale: " + reason + "; run '" + rerun
                    + "' first" + (option == null ? "" : ", or add " + option));
        }
    }

    /**
     * What differs between the dataset and what {@code config} would prepare now, or null when
     * nothing does. Files are compared by size first, so an unchanged file is hashed only when its
     * size matches.
     */
    public static String staleness(ExperimentConfig config, DatasetManifest manifest) throws IOException {
        List<String> now = new ArrayList<>();
        for (Path p : inputPaths(config)) {
            now.add(p.toString());
        }
        List<String> then = manifest.inputs().stream().map(DatasetManifest.InputFile::path).toList();
        for (String file : now) {
            if (!then.contains(file)) {
                return file + " is an input now but was not when it was prepared (data section changed)";
            }
        }
        for (String file : then) {
            if (!now.contains(file)) {
                return file + " was an input when it was prepared but is not now (data section changed)";
            }
        }
        for (DatasetManifest.InputFile input : manifest.inputs()) {
            Path file = Path.of(input.path());
            if (!Files.isRegularFile(file)) {
                return input.path() + " is missing or not a file";
            }
            long size = Files.size(file);
            if (size != input.bytes()) {
                return input.path() + " changed since it was prepared (" + input.bytes() + " bytes then, " + size + " now)";
            }
            if (!Sha256.file(file).equals(input.sha256())) {
                return input.path() + " changed since it was prepared (same size, different SHA-256)";
            }
        }
        if (manifest.configSha256() != null && !manifest.configSha256().equals(configSha256(config))) {
            Map<String, String> sections = sectionSha256s(config);
            List<String> changed = new ArrayList<>();
            for (Map.Entry<String, String> e : sections.entrySet()) {
                if (!e.getValue().equals(manifest.configSections().get(e.getKey()))) {
                    changed.add(e.getKey());
                }
            }
            if (manifest.configSections().isEmpty() || changed.isEmpty()) {
                return "the config's name, data or prepare section changed since it was prepared";
            }
            return "config section" + (changed.size() == 1 ? " " : "s ") + String.join(", ", changed)
                    + " changed since it was prepared";
        }
        return null;
    }

    /** The files prepare reads for {@code config}, in the order it records them in the manifest. */
    static List<Path> inputPaths(ExperimentConfig config) {
        var data = config.data();
        List<Path> inputs = new ArrayList<>();
        data.files().forEach(f -> inputs.add(Path.of(f)));
        if (data.series() != null && data.series().file() != null) {
            inputs.add(Path.of(data.series().file()));
        }
        if (data.attributes() != null) {
            inputs.add(Path.of(data.attributes().file()));
        }
        data.covariateJoins().forEach(join -> inputs.add(Path.of(join.file())));
        return inputs;
    }

    private static ExperimentConfig prepareSections(ExperimentConfig config) {
        return ExperimentConfig.of(config.name(), config.data(), config.prepare());
    }
}
