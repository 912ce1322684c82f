package io.demandcast.core.prepare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.demandcast.core.BuildInfo;
import io.demandcast.core.Sha256;
import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.config.InvalidConfigException;
import io.demandcast.core.data.DataException;
import io.demandcast.core.data.DatasetManifest;
import io.demandcast.core.data.FileStamp;
import io.demandcast.core.data.PreparedDataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
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
 *
 * <p>The check runs before every {@code train}, {@code evaluate} and {@code predict}, so it avoids
 * work that cannot change its answer: an input whose {@link FileStamp} is the one recorded with its
 * hash is not read again, and the config sections are compared with {@value #CONFIG_FILE}, the text
 * hashed into {@code config_sha256}, rather than rendered again (see {@link #configCurrent}).
 */
public final class PreparedFreshness {
    /**
     * File of a prepared dataset holding the config sections prepare read, rendered as YAML with every
     * default filled in: the text whose SHA-256 is the manifest's {@code config_sha256}.
     */
    public static final String CONFIG_FILE = "config.yaml";

    private static final YAMLMapper YAML = new YAMLMapper();

    private PreparedFreshness() {
    }

    /**
     * SHA-256 (hex) of the config sections prepare reads, the {@code config_sha256} of the manifest.
     * Only these sections, so that editing model settings keeps the dataset current.
     */
    public static String configSha256(ExperimentConfig config) {
        return Sha256.text(configYaml(config));
    }

    /** The config sections prepare reads, as YAML with every default filled in: the {@value #CONFIG_FILE} of a dataset. */
    public static String configYaml(ExperimentConfig config) {
        return ConfigLoader.toYaml(prepareSections(config));
    }

    /**
     * An input file with its size, SHA-256 and, when one may be recorded ({@link FileStamp#recordable}),
     * its stamp while it was hashed.
     *
     * @param path the path as the config gives it
     */
    static DatasetManifest.InputFile hashed(Path path) throws IOException {
        Instant start = Instant.now();
        FileStamp before = FileStamp.of(path);
        long bytes = Files.size(path);
        String sha256 = Sha256.file(path);
        FileStamp stamp = FileStamp.recordable(before, FileStamp.of(path), start);
        return new DatasetManifest.InputFile(path.toString(), bytes, sha256, stamp);
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
        String reason = staleness(config, dataset);
        if (reason != null) {
            throw new DataException(dataset.directory() + ": the prepared dataset is stale: " + reason + "; run '" + rerun
                    + "' first" + (option == null ? "" : ", or add " + option));
        }
    }

    /**
     * What differs between the dataset and what {@code config} would prepare now, or null when
     * nothing does. As {@link #staleness(ExperimentConfig, DatasetManifest)}, and the config sections
     * are compared with the dataset's {@value #CONFIG_FILE} when it has one ({@link #configCurrent}).
     */
    public static String staleness(ExperimentConfig config, PreparedDataset dataset) throws IOException {
        return staleness(config, dataset.manifest(), dataset.directory());
    }

    /**
     * What differs between the dataset {@code manifest} describes and what {@code config} would
     * prepare now, or null when nothing does. Files are compared by size first, then by stamp: a file
     * of the recorded size whose {@link FileStamp} is the one recorded with its hash is unchanged;
     * any other file of that size is hashed.
     */
    public static String staleness(ExperimentConfig config, DatasetManifest manifest) throws IOException {
        return staleness(config, manifest, null);
    }

    /** @param directory the dataset's directory, where {@value #CONFIG_FILE} is; null to render the config instead */
    private static String staleness(ExperimentConfig config, DatasetManifest manifest, Path directory) throws IOException {
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
            if (input.stamp() != null && input.stamp().equals(FileStamp.of(file))) {
                continue;
            }
            if (!Sha256.file(file).equals(input.sha256())) {
                return input.path() + " changed since it was prepared (same size, different SHA-256)";
            }
        }
        if (manifest.configSha256() != null && !(directory != null && configCurrent(config, manifest, directory))
                && !manifest.configSha256().equals(configSha256(config))) {
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

    /**
     * Whether {@code config}'s sections are those hashed into the manifest's {@code config_sha256}, told
     * without rendering them: the dataset's {@value #CONFIG_FILE} is the text that was hashed, written by
     * this version of demandcast; read back, it equals {@code config}'s sections, so rendering them would
     * give that text again. Rendering builds Jackson's serializers for every config record, about
     * 0.07 CPU s of a {@code predict --data} process (compilation included); reading back reuses the
     * deserializers that loaded the config, about half as much. False when it cannot be told (no such
     * file, another version, a text that is not the hashed one or does not read back); the caller then
     * renders.
     *
     * <p>Record equality takes a mapping's keys in any order as equal ({@code data.series.where}), so a
     * dataset stays current when only their order changed, which changes nothing prepare does.
     */
    static boolean configCurrent(ExperimentConfig config, DatasetManifest manifest, Path directory) throws IOException {
        if (!BuildInfo.current().version().equals(manifest.demandcastVersion())) {
            return false;
        }
        Path file = directory.resolve(CONFIG_FILE);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return false;
        }
        if (!Sha256.text(text).equals(manifest.configSha256())) {
            return false;
        }
        try {
            return prepareSections(config).equals(ConfigLoader.parse(text, file.toString(), null));
        } catch (InvalidConfigException e) {
            return false;
        }
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
