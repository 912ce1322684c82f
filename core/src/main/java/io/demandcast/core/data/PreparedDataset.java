package io.demandcast.core.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.demandcast.core.AtomicFiles;
import io.demandcast.core.ManifestJson;
import io.demandcast.core.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A prepared dataset directory, what {@code prepare} writes and {@code train}/{@code tune}/
 * {@code evaluate}/{@code predict} read, so they never re-parse raw CSV:
 *
 * <pre>
 * &lt;dir&gt;/manifest.json   {@link DatasetManifest}: format version, schema, counts, dates, split, provenance
 * &lt;dir&gt;/panel.bin       the whole {@link Panel} in {@link PanelCodec} format (the history)
 * &lt;dir&gt;/future.bin      only when the data has future rows: they in {@link PanelCodec} format
 * &lt;dir&gt;/...             extra files given by the writer (quality.json, quality.md, id_mapping.csv)
 * </pre>
 *
 * <p>Writing is atomic: everything is written into a hidden temporary sibling directory
 * ({@code .<name>.tmp-<random>}), which is then renamed to the target, so a reader never sees a
 * half-written dataset and a failed write leaves nothing behind. Instances are immutable.
 */
public final class PreparedDataset {
    /** File name of the manifest. */
    public static final String MANIFEST_FILE = "manifest.json";
    /** File name of the panel. */
    public static final String PANEL_FILE = "panel.bin";
    /** File name of the future rows. */
    public static final String FUTURE_FILE = "future.bin";

    private static final Set<String> RESERVED = Set.of(MANIFEST_FILE, PANEL_FILE, FUTURE_FILE);

    private final Path directory;
    private final DatasetManifest manifest;
    private final String manifestSha256;

    private PreparedDataset(Path directory, DatasetManifest manifest, String manifestSha256) {
        this.directory = directory;
        this.manifest = manifest;
        this.manifestSha256 = manifestSha256;
    }

    /** Content of an extra file: writes itself to the given (not yet existing) path. */
    @FunctionalInterface
    public interface FileContent {
        void writeTo(Path file) throws IOException;

        /** UTF-8 text. */
        static FileContent text(String text) {
            Objects.requireNonNull(text, "text");
            return file -> Files.writeString(file, text, StandardCharsets.UTF_8);
        }

        /** Raw bytes (copied now). */
        static FileContent bytes(byte[] bytes) {
            byte[] copy = bytes.clone();
            return file -> Files.write(file, copy);
        }
    }

    /**
     * Writes a new prepared dataset into {@code directory}, which must not exist yet (its parent
     * directories are created).
     *
     * @param manifest   describes the panel; its {@code panel_sha256} is replaced by the hash of the
     *                   written {@code panel.bin}
     * @param extraFiles further files by plain file name (letters, digits, {@code . _ -}), in write order
     * @return the written dataset, with the manifest as written
     * @throws DataException            when {@code directory} already exists
     * @throws IllegalArgumentException when the manifest's counts disagree with the panel or an
     *                                  extra file name is invalid or reserved
     * @throws IOException              when writing fails; nothing is left behind then
     */
    public static PreparedDataset create(Path directory, DatasetManifest manifest, Panel panel,
                                         Map<String, FileContent> extraFiles) throws IOException {
        checkArguments(manifest, panel, null, extraFiles);
        AtomicFiles.createDirectory(directory, dir -> writeInto(dir, manifest, panel, numericOf(panel), null, extraFiles));
        return open(directory);
    }

    /**
     * Writes a prepared dataset into {@code directory}, replacing a prepared dataset already there
     * (the usual case: a prepare output is a working directory, not an artifact). The old directory
     * is renamed aside, the new one renamed in, then the old one deleted; readers see either the old
     * or the new dataset, never a mix.
     *
     * @throws DataException            when {@code directory} exists, is not empty, and holds no
     *                                  {@code manifest.json} (it is refused, so a wrong output path
     *                                  cannot delete unrelated files)
     * @throws IllegalArgumentException as for {@link #create}
     * @throws IOException              when writing fails; the old dataset is then left in place
     */
    public static PreparedDataset replace(Path directory, DatasetManifest manifest, Panel panel,
                                          Map<String, FileContent> extraFiles) throws IOException {
        return replace(directory, manifest, panel, null, extraFiles);
    }

    /**
     * As {@link #replace(Path, DatasetManifest, Panel, Map)}, with the future rows written to
     * {@value #FUTURE_FILE} (when {@code future} is not null; the manifest must then describe them).
     */
    public static PreparedDataset replace(Path directory, DatasetManifest manifest, Panel panel, Panel future,
                                          Map<String, FileContent> extraFiles) throws IOException {
        return replace(directory, manifest, panel, numericOf(panel), future, extraFiles);
    }

    /**
     * As {@link #replace(Path, DatasetManifest, Panel, Panel, Map)}, with {@code numeric} written as
     * the panel's numeric columns (see {@link PanelCodec#write(Panel, List, Path)}): {@code prepare}
     * computes each derived feature as it is written, so the prepared panel is never in memory
     * whole. The manifest's numeric columns must be those of {@code numeric}, in order.
     */
    public static PreparedDataset replace(Path directory, DatasetManifest manifest, Panel panel, List<NumericColumnSource> numeric,
                                          Panel future, Map<String, FileContent> extraFiles) throws IOException {
        checkArguments(manifest, panel, future, extraFiles);
        List<String> names = numeric.stream().map(NumericColumnSource::name).toList();
        if (!names.equals(manifest.columns().numeric())) {
            throw new IllegalArgumentException("manifest lists numeric columns " + manifest.columns().numeric()
                    + " but the panel is written with " + names);
        }
        AtomicFiles.replaceDirectory(directory, MANIFEST_FILE, "a prepared dataset",
                dir -> writeInto(dir, manifest, panel, numeric, future, extraFiles));
        return open(directory);
    }

    private static List<NumericColumnSource> numericOf(Panel panel) {
        return panel.numericNames().stream().map(name -> NumericColumnSource.of(panel, name)).toList();
    }

    /**
     * Opens a prepared dataset: reads and validates its manifest and checks that {@code panel.bin}
     * exists. The panel itself is read by {@link #readPanel()}.
     *
     * @throws DataException naming the directory or file when the directory or a file is missing,
     *                       the manifest is not valid JSON, lacks a required key, or has a format
     *                       version this demandcast does not read
     * @throws IOException   when an existing file cannot be read
     */
    public static PreparedDataset open(Path directory) throws IOException {
        AtomicFiles.recover(directory);
        if (!Files.isDirectory(directory)) {
            throw new DataException(directory + ": no prepared dataset here (not a directory); run 'demandcast prepare' first");
        }
        Path manifestFile = directory.resolve(MANIFEST_FILE);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(manifestFile);
        } catch (NoSuchFileException e) {
            throw new DataException(manifestFile + ": missing; " + directory + " is not a prepared dataset", e);
        }
        DatasetManifest manifest;
        try {
            JsonNode tree = ManifestJson.treeReader().readTree(bytes);
            JsonNode version = tree == null ? null : tree.get("format_version");
            if (version == null || !version.canConvertToInt()) {
                throw new DataException(manifestFile + ": no format_version; not a demandcast dataset manifest");
            }
            if (version.intValue() != DatasetManifest.FORMAT_VERSION) {
                throw new DataException(manifestFile + ": manifest format version " + version.intValue()
                        + " is not supported (this demandcast reads " + DatasetManifest.FORMAT_VERSION
                        + "); re-run 'demandcast prepare' with this version");
            }
            manifest = ManifestJson.reader(DatasetManifest.class).treeToValue(tree, DatasetManifest.class);
        } catch (JsonProcessingException e) {
            throw new DataException(manifestFile + ": invalid manifest: " + e.getOriginalMessage(), e);
        }
        if (!Files.isRegularFile(directory.resolve(PANEL_FILE))) {
            throw new DataException(directory.resolve(PANEL_FILE) + ": missing; the prepared dataset is incomplete, re-run 'demandcast prepare'");
        }
        return new PreparedDataset(directory, manifest, Sha256.bytes(bytes));
    }

    /**
     * Reads the panel. Each call reads the file again (tens of milliseconds for millions of rows).
     *
     * @throws DataException when panel.bin is corrupt or disagrees with the manifest's counts
     */
    public Panel readPanel() throws IOException {
        return readPanel(PanelColumns.ALL);
    }

    /**
     * Reads the panel with only the numeric and categorical columns {@code columns} selects (the
     * target, periods, ids and statics always), so a model that reads only the target does not hold
     * every prepared feature in memory.
     *
     * @throws DataException as {@link #readPanel()}
     */
    public Panel readPanel(PanelColumns columns) throws IOException {
        Panel panel = PanelCodec.read(panelFile(), columns);
        if (panel.seriesCount() != manifest.seriesCount() || panel.rowCount() != manifest.rowCount()
                || !panel.axis().equals(manifest.axis())) {
            throw new DataException(panelFile() + ": holds " + panel.seriesCount() + " series, " + panel.rowCount() + " rows on "
                    + panel.axis() + " but " + MANIFEST_FILE + " says " + manifest.seriesCount() + ", " + manifest.rowCount()
                    + " on " + manifest.axis() + "; re-run 'demandcast prepare'");
        }
        return panel;
    }

    /**
     * Reads the future rows: the periods after each series' last target value, with their
     * covariates and a NaN target, on the axis and with the columns of {@link #readPanel()}; null
     * when the dataset has none.
     *
     * @throws DataException when future.bin is missing, corrupt, or disagrees with the manifest
     */
    public Panel readFuture() throws IOException {
        DatasetManifest.Future future = manifest.future();
        if (future == null) {
            return null;
        }
        Path file = file(future.file());
        if (!Files.isRegularFile(file)) {
            throw new DataException(file + ": missing; the prepared dataset is incomplete, re-run 'demandcast prepare'");
        }
        if (future.sha256() != null && !future.sha256().equals(Sha256.file(file))) {
            throw new DataException(file + ": SHA-256 differs from " + MANIFEST_FILE
                    + "; the dataset was changed after prepare, re-run 'demandcast prepare'");
        }
        Panel panel = PanelCodec.read(file);
        if (panel.rowCount() != future.rowCount() || !panel.axis().equals(manifest.axis())) {
            throw new DataException(file + ": holds " + panel.rowCount() + " rows on " + panel.axis() + " but " + MANIFEST_FILE
                    + " says " + future.rowCount() + " on " + manifest.axis() + "; re-run 'demandcast prepare'");
        }
        return panel;
    }

    /**
     * Recomputes the SHA-256 of {@code panel.bin} and compares it with the manifest's
     * {@code panel_sha256} (about 50 ms per 80 MB). {@link #readPanel()} already detects damage
     * through the file's own checksum; this also detects a {@code panel.bin} swapped in from
     * another dataset.
     *
     * @throws DataException when the hashes differ or the manifest has none
     */
    public void verify() throws IOException {
        String expected = manifest.panelSha256();
        if (expected == null) {
            throw new DataException(file(MANIFEST_FILE) + ": no panel_sha256 to verify " + PANEL_FILE + " against");
        }
        String actual = Sha256.file(panelFile());
        if (!actual.equals(expected)) {
            throw new DataException(panelFile() + ": SHA-256 " + actual + " differs from " + expected + " in " + MANIFEST_FILE
                    + "; the dataset was changed after prepare, re-run 'demandcast prepare'");
        }
    }

    public Path directory() {
        return directory;
    }

    public DatasetManifest manifest() {
        return manifest;
    }

    /** SHA-256 (hex) of {@code manifest.json} as it is on disk: identifies this exact dataset build. */
    public String manifestSha256() {
        return manifestSha256;
    }

    public Path panelFile() {
        return directory.resolve(PANEL_FILE);
    }

    /** A file of the dataset by name (it may not exist). */
    public Path file(String name) {
        return directory.resolve(name);
    }

    private static void checkArguments(DatasetManifest manifest, Panel panel, Panel future, Map<String, FileContent> extraFiles) {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(panel, "panel");
        if ((future == null) != (manifest.future() == null)
                || future != null && (future.rowCount() != manifest.future().rowCount() || !future.axis().equals(panel.axis()))) {
            throw new IllegalArgumentException("the manifest's future rows disagree with the future panel given");
        }
        if (manifest.seriesCount() != panel.seriesCount() || manifest.rowCount() != panel.rowCount()
                || !manifest.axis().equals(panel.axis())) {
            throw new IllegalArgumentException("manifest says " + manifest.seriesCount() + " series, " + manifest.rowCount()
                    + " rows on " + manifest.axis() + " but the panel has " + panel.seriesCount() + ", " + panel.rowCount()
                    + " on " + panel.axis());
        }
        for (String name : extraFiles.keySet()) {
            if (!name.matches("[A-Za-z0-9._-]+") || name.equals(".") || name.equals("..") || RESERVED.contains(name)) {
                throw new IllegalArgumentException("invalid extra file name '" + name + "' (plain file name, not "
                        + RESERVED + ")");
            }
        }
    }

    /** Writes the dataset's files into a (temporary) directory, the manifest last. */
    private static void writeInto(Path dir, DatasetManifest manifest, Panel panel, List<NumericColumnSource> numeric, Panel future,
                                  Map<String, FileContent> extraFiles) throws IOException {
        Path panelFile = dir.resolve(PANEL_FILE);
        PanelCodec.write(panel, numeric, panelFile);
        DatasetManifest written = manifest.withPanelSha256(Sha256.file(panelFile));
        if (future != null) {
            Path futureFile = dir.resolve(FUTURE_FILE);
            PanelCodec.write(future, futureFile);
            written = written.withFutureSha256(Sha256.file(futureFile));
        }
        for (Map.Entry<String, FileContent> e : new LinkedHashMap<>(extraFiles).entrySet()) {
            e.getValue().writeTo(dir.resolve(e.getKey()));
        }
        // The manifest last: its presence marks a complete dataset even in the temp dir.
        byte[] json = ManifestJson.writer().writeValueAsBytes(written);
        Files.write(dir.resolve(MANIFEST_FILE), concat(json, new byte[] {'\n'}));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
