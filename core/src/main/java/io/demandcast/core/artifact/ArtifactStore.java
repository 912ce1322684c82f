package io.demandcast.core.artifact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.demandcast.core.ManifestJson;
import io.demandcast.core.Sha256;
import io.demandcast.core.Temporaries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.io.file.PathUtils;

/**
 * The versioned model store: a directory tree
 *
 * <pre>
 * &lt;root&gt;/&lt;model-name&gt;/LATEST                 text file: the newest version's name and a newline
 * &lt;root&gt;/&lt;model-name&gt;/&lt;version&gt;/...          one {@link Artifact} per version
 * &lt;root&gt;/&lt;model-name&gt;/.tmp-&lt;random&gt;/        a publish in progress (or killed); never read
 * &lt;root&gt;/&lt;model-name&gt;/.tmp-&lt;random&gt;-LATEST   the new LATEST, staged by a publish in progress
 * &lt;root&gt;/&lt;model-name&gt;/.tmp-&lt;random&gt;*.lock  held locked by the publish that uses the temporary
 * </pre>
 *
 * <p>Version names are {@code yyyyMMdd'T'HHmmss'Z'-<h>} where the timestamp is the training time in
 * UTC and {@code <h>} the first 8 hex digits of SHA-256 of the resolved config YAML, a newline and
 * the data fingerprint's content digests ({@code DataFingerprint#canonical}: not the prepared
 * manifest's digest, which changes with its creation time); {@code -2}, {@code -3}, ... is appended when that name is taken. A version is
 * never overwritten or changed after publishing.
 *
 * <p>Publishing writes into a temporary directory beside the versions, then renames it to the
 * version name in one atomic step, then rewrites {@code LATEST} (write temp file, atomic rename).
 * Readers therefore see a version completely or not at all; a crash leaves at most an ignored
 * {@code .tmp-*} directory, or a version that {@code LATEST} does not name yet.
 *
 * <p>Both are repaired by the next {@link #publish} or {@link #resolve} of that model (so by
 * {@code train}, {@code predict}, {@code evaluate}): temporaries last modified before the run started
 * whose lock no process holds are removed ({@link Temporaries#removeLeftovers}); and {@code LATEST}
 * is pointed at a newer version that it lags. The rule: {@code LATEST} lags version {@code W} when
 * {@code W}'s directory was last modified after {@code LATEST} was (or {@code LATEST} is missing) and
 * {@code W} passes {@link #verify}: a publish writes its version's files, then stages {@code LATEST},
 * so a {@code LATEST} written by a publish is never older than its version, and any version whose
 * folder is newer was published after it. The most recently published such version is named. A {@code LATEST} edited by
 * hand to name an older version is newer than every version, so it is respected. A store that cannot
 * be written (a read-only mount) is read as it is.
 *
 * <p>Several processes may publish into one store at once: each rename either claims a free
 * version name or fails and tries the next suffix. {@code LATEST} then names the version whose
 * publish finished last. The class holds no state besides the root and the signing key; it is
 * thread-safe.
 *
 * <p>Tamper evidence: {@code manifest.json} lists the SHA-256 of every other file and
 * {@code manifest.sha256} holds the SHA-256 of {@code manifest.json}; with a {@link SigningKey},
 * {@code manifest.sig} holds the HMAC-SHA256 of that digest. A version holds only regular files and
 * directories: {@link #verify} refuses any symbolic link (see there).
 */
public final class ArtifactStore {
    /** Name of the pointer file in a model directory. */
    public static final String LATEST_FILE = "LATEST";
    /** The reference that {@link #resolve} reads from {@link #LATEST_FILE}. */
    public static final String LATEST = "latest";

    private static final DateTimeFormatter VERSION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String NAME_PATTERN = "[A-Za-z0-9_][A-Za-z0-9._-]*";
    private static final Pattern VERSION = Pattern.compile("([0-9]{8}T[0-9]{6}Z-[0-9a-f]{8})(?:-([0-9]{1,9}))?");
    /** Orders {@code base-2} after {@code base} and {@code base-10} after {@code base-9}. */
    private static final Comparator<String> VERSION_ORDER = Comparator
            .comparing((String v) -> versionBase(v))
            .thenComparingInt(ArtifactStore::versionSuffix);

    private final Path root;
    private final Optional<SigningKey> signingKey;

    /**
     * A store rooted at {@code root}, signing and checking signatures with the key in
     * {@value SigningKey#ENVIRONMENT_VARIABLE} when it is set; nothing is created until the first publish.
     *
     * @throws ArtifactException when the variable is set to a key that is too short
     */
    public ArtifactStore(Path root) {
        this(root, SigningKey.fromEnvironment(System::getenv));
    }

    /**
     * A store rooted at {@code root} with an explicit signing key: when present, {@link #publish}
     * signs and {@link #verify} refuses versions without a valid signature.
     */
    public ArtifactStore(Path root, Optional<SigningKey> signingKey) {
        this.root = Objects.requireNonNull(root, "root");
        this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
    }

    public Path root() {
        return root;
    }

    /**
     * Publishes a new version of a model: runs {@code contents.payload()} on an empty
     * {@code model/} directory, writes {@code config.yaml} and {@code manifest.json} with the SHA-256
     * of every file, renames the result into place and points {@code LATEST} at it.
     *
     * @return the published artifact
     * @throws IllegalArgumentException when {@code modelName} is not a plain name (letters, digits,
     *                                  {@code . _ -}, not starting with {@code .} or {@code -})
     * @throws IOException              when writing fails, or the payload writer throws it; then no
     *                                  version and no temporary directory is left
     */
    public Artifact publish(String modelName, ArtifactContents contents) throws IOException {
        checkName(modelName);
        Objects.requireNonNull(contents, "contents");
        Path modelDir = root.resolve(modelName);
        Path tmp = null;
        Temporaries.Lease lease = null;
        try {
            Files.createDirectories(modelDir);
            maintain(modelName, modelDir);
            lease = Temporaries.claim(modelDir.resolve(".tmp-" + randomHex()));
            tmp = Files.createDirectory(lease.path());
            Path payload = Files.createDirectory(tmp.resolve(Artifact.PAYLOAD_DIR));
            contents.payload().writeTo(payload);
            Files.writeString(tmp.resolve(Artifact.CONFIG_FILE), contents.configYaml(), StandardCharsets.UTF_8);
            Map<String, String> files = digests(tmp);
            String base = VERSION_TIME.format(contents.createdAt()) + "-"
                    + Sha256.text(contents.configYaml() + "\n" + contents.data().canonical()).substring(0, 8);
            for (int n = 1; ; n++) {
                String version = n == 1 ? base : base + "-" + n;
                Path target = modelDir.resolve(version);
                if (Files.exists(target)) {
                    continue;
                }
                ArtifactManifest manifest = ArtifactManifest.of(modelName, version, contents, files);
                byte[] manifestBytes = json(manifest);
                Files.write(tmp.resolve(Artifact.MANIFEST_FILE), manifestBytes);
                String manifestDigest = Sha256.bytes(manifestBytes);
                // sha256sum's own format, so `sha256sum -c manifest.sha256` checks it without demandcast.
                Files.writeString(tmp.resolve(Artifact.MANIFEST_DIGEST_FILE),
                        manifestDigest + "  " + Artifact.MANIFEST_FILE + "\n", StandardCharsets.UTF_8);
                if (signingKey.isPresent()) {
                    Files.writeString(tmp.resolve(Artifact.SIGNATURE_FILE),
                            signingKey.get().sign(manifestDigest) + "\n", StandardCharsets.UTF_8);
                }
                // Everything that needs disk space is written before the version becomes visible, the
                // new LATEST included: after the rename only a second rename remains, so a full disk
                // fails the publish before it, never after it.
                try (Temporaries.Lease latestTmp = stageLatest(modelDir, version)) {
                    try {
                        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                    } catch (FileSystemException e) {
                        Files.deleteIfExists(latestTmp.path());
                        if (Files.exists(target)) {
                            continue; // another publisher took this name between our check and our rename
                        }
                        throw e;
                    }
                    pointLatest(modelDir, latestTmp.path(), target, tmp);
                }
                return new Artifact(target, manifest);
            }
        } catch (IOException e) {
            removeTemporary(tmp, e);
            // Plain IOExceptions (a full disk: "No space left on device") carry no path; say where.
            throw new IOException("cannot publish a new version of '" + modelName + "' in " + modelDir + ": "
                    + describe(e) + "; nothing was published", e);
        } catch (RuntimeException | Error e) {
            removeTemporary(tmp, e);
            throw e;
        } finally {
            if (lease != null) {
                lease.close();
            }
        }
    }

    /** A name {@link #publish} gives its temporaries: {@code .tmp-<12 hex>} and {@code .tmp-<12 hex>-LATEST}. */
    private static final Pattern TEMPORARY = Pattern.compile("\\.tmp-[0-9a-f]{12}(?:-" + LATEST_FILE + ")?");

    /**
     * Repairs what killed runs left in a model directory before it is read or written: removes their
     * temporaries and points a lagging {@code LATEST} at the newer complete version (the rule is in
     * the class comment). Best effort: a store that cannot be written is read as it is.
     */
    private void maintain(String modelName, Path modelDir) {
        Temporaries.removeLeftovers(modelDir, name -> TEMPORARY.matcher(name).matches());
        try {
            repairLatest(modelName, modelDir);
        } catch (IOException | RuntimeException e) {
            // unrepaired, LATEST still names a complete version: the one it named before
        }
    }

    private void repairLatest(String modelName, Path modelDir) throws IOException {
        List<String> versions = list(modelName);
        Path latestFile = modelDir.resolve(LATEST_FILE);
        Optional<String> named = readLatest(modelDir);
        if (versions.isEmpty() || named.isPresent() && !versions.contains(named.get())) {
            return; // nothing to point at, or a LATEST naming no version: resolve reports that
        }
        Instant pointedAt = named.isPresent() ? Files.getLastModifiedTime(latestFile).toInstant() : Instant.MIN;
        // Newer means published later (folder time), not a later name: names order only to the second.
        List<String> newer = new ArrayList<>();
        Map<String, Instant> published = new TreeMap<>();
        for (String v : versions) {
            Instant t = Files.getLastModifiedTime(modelDir.resolve(v)).toInstant();
            if (t.isAfter(pointedAt) && !named.equals(Optional.of(v))) { // else LATEST was written after it: a deliberate choice
                newer.add(v);
                published.put(v, t);
            }
        }
        newer.sort(Comparator.comparing((String v) -> published.get(v)).reversed());
        for (String version : newer) {
            Path dir = modelDir.resolve(version);
            try {
                verify(new Artifact(dir, readManifest(dir.resolve(Artifact.MANIFEST_FILE))));
            } catch (ArtifactException incomplete) {
                continue;
            }
            try (Temporaries.Lease staged = stageLatest(modelDir, version)) {
                Files.move(staged.path(), latestFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            Temporaries.report("repaired " + latestFile + " (it named " + named.orElse("nothing") + ", a run was interrupted"
                    + " after publishing " + version + " and before pointing LATEST at it)", List.of(dir));
            return;
        }
    }

    /**
     * Renames the staged {@code LATEST} into place. Should that fail, the version just renamed in is
     * taken back (renamed to its temporary name, which the caller deletes): a run that reports a
     * failure must not leave a published version behind, which cron would then predict from.
     */
    private static void pointLatest(Path modelDir, Path latestTmp, Path version, Path tmp) throws IOException {
        try {
            Files.move(latestTmp, modelDir.resolve(LATEST_FILE), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(latestTmp);
                Files.move(version, tmp, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException undo) {
                e.addSuppressed(undo);
                removeTemporary(version, e);
            }
            throw new IOException("cannot update " + modelDir.resolve(LATEST_FILE) + ": " + describe(e), e);
        }
    }

    private static void removeTemporary(Path dir, Throwable cause) {
        if (dir == null) {
            return;
        }
        try {
            if (Files.exists(dir)) {
                PathUtils.deleteDirectory(dir);
            }
        } catch (IOException | RuntimeException cleanup) {
            cause.addSuppressed(cleanup);
        }
    }

    /** java.nio's file exceptions hold only the path as their message; add the reason. */
    private static String describe(Throwable e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getFile() + (fs.getOtherFile() != null ? " -> " + fs.getOtherFile() : "") + ": " + fs.getReason();
        }
        if (e instanceof FileSystemException fs) {
            return fs.getFile() + ": " + fs.getClass().getSimpleName();
        }
        return String.valueOf(e.getMessage());
    }

    /**
     * Finds a version and reads its manifest. Does not check the payload: see {@link #verify} or
     * {@link #load}.
     *
     * @param reference {@value #LATEST} or a version name
     * @throws ArtifactException naming the store and listing what is available when the model or
     *                           version does not exist; naming the file when the manifest is
     *                           missing, invalid or of an unknown format version
     * @throws IOException       when an existing file cannot be read
     */
    public Artifact resolve(String modelName, String reference) throws IOException {
        Objects.requireNonNull(reference, "reference");
        Path modelDir = root.resolve(modelName);
        if (modelName.matches(NAME_PATTERN) && Files.isDirectory(modelDir)) {
            maintain(modelName, modelDir);
        }
        List<String> versions = modelName.matches(NAME_PATTERN) ? list(modelName) : List.of();
        if (versions.isEmpty()) {
            List<String> models = models();
            throw new ArtifactException("no artifact '" + modelName + "' in store " + root + "; available: "
                    + (models.isEmpty() ? "none (train a model first)" : String.join(", ", models)));
        }
        String version = reference;
        if (LATEST.equals(reference)) {
            version = readLatest(modelDir).orElse(versions.get(versions.size() - 1));
        }
        if (!versions.contains(version)) {
            String namedBy = LATEST.equals(reference) ? " (named by " + modelDir.resolve(LATEST_FILE) + ")" : "";
            throw new ArtifactException("no version '" + version + "'" + namedBy + " of artifact '" + modelName + "' in store " + root
                    + "; available: " + String.join(", ", versions) + " (or 'latest')");
        }
        Path dir = modelDir.resolve(version);
        return new Artifact(dir, readManifest(dir.resolve(Artifact.MANIFEST_FILE)));
    }

    /**
     * The version {@code LATEST} names (the newest when there is no {@code LATEST}), after the same
     * repair {@link #resolve} does; empty when the model has no version. Unlike {@code resolve} it
     * does not check that the named version exists, so a listing can show a dangling {@code LATEST}.
     */
    public Optional<String> latestVersion(String modelName) throws IOException {
        checkName(modelName);
        Path modelDir = root.resolve(modelName);
        if (!Files.isDirectory(modelDir)) {
            return Optional.empty();
        }
        maintain(modelName, modelDir);
        List<String> versions = list(modelName);
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(readLatest(modelDir).orElse(versions.get(versions.size() - 1)));
    }

    /**
     * Deletes one version, never the one {@code LATEST} names. Crash-safe: the version is first
     * renamed to a claimed temporary name ({@code .tmp-<12 hex>}), in one atomic step, then deleted;
     * a kill between the two leaves a temporary that the next run of this model removes, never a
     * half-deleted folder under a version name that would look like a version.
     *
     * @throws ArtifactException when the version does not exist or {@code LATEST} names it
     */
    public void delete(String modelName, String version) throws IOException {
        Path modelDir = root.resolve(modelName);
        if (!list(modelName).contains(version)) {
            throw new ArtifactException("no version '" + version + "' of artifact '" + modelName + "' in store " + root);
        }
        if (latestVersion(modelName).equals(Optional.of(version))) {
            throw new ArtifactException("version '" + version + "' of artifact '" + modelName + "' is the one "
                    + modelDir.resolve(LATEST_FILE) + " names; it is never deleted");
        }
        try (Temporaries.Lease lease = Temporaries.claim(modelDir.resolve(".tmp-" + randomHex()))) {
            Files.move(modelDir.resolve(version), lease.path(), StandardCopyOption.ATOMIC_MOVE);
            PathUtils.deleteDirectory(lease.path());
        }
    }

    /**
     * Reads one version's manifest without checking its files (see {@link #verify}) and without the
     * repair {@link #resolve} does: for listings, which must show every version as it is.
     *
     * @throws ArtifactException naming the file when the manifest is missing or invalid
     */
    public Artifact read(String modelName, String version) throws IOException {
        checkName(modelName);
        if (version == null || !version.matches(NAME_PATTERN)) {
            throw new ArtifactException("'" + version + "' is not a version name of artifact '" + modelName + "'");
        }
        Path dir = root.resolve(modelName).resolve(version);
        return new Artifact(dir, readManifest(dir.resolve(Artifact.MANIFEST_FILE)));
    }

    /** {@link #resolve} then {@link #verify}: what {@code predict} and {@code evaluate} should call. */
    public Artifact load(String modelName, String reference) throws IOException {
        Artifact artifact = resolve(modelName, reference);
        verify(artifact);
        return artifact;
    }

    /**
     * Checks a version before its payload is used: that it holds no symbolic link, that
     * {@code manifest.json} matches {@code manifest.sha256} (and, with a signing key, that
     * {@code manifest.sig} is the key's signature of it), then recomputes the SHA-256 of every file
     * the manifest lists and checks that the version holds no other file.
     *
     * <p>Any symbolic link is refused, not only those that leave the version: publish never writes
     * one, so a link is foreign whatever its target, and checking where it points would race with
     * a change of the link. The store root and model directories may be links (a store on another disk).
     *
     * <p>A version without {@code manifest.sha256} (published by an earlier release) still loads,
     * reported as {@link ManifestCheck#UNVERIFIED}, unless a signing key is set.
     *
     * @return how far the manifest itself was checked
     * @throws ArtifactException naming the file when a file is a symbolic link, missing, differs from
     *                           its checksum or is not listed in the manifest, when the manifest
     *                           differs from its digest, or when a signing key is set and the
     *                           signature is missing or wrong
     * @throws IOException       when a file cannot be read
     */
    public ManifestCheck verify(Artifact artifact) throws IOException {
        String label = "artifact " + artifact.name() + "/" + artifact.version() + " (" + artifact.directory() + ")";
        Map<String, String> actual = digests(artifact.directory());
        ManifestCheck check = verifyManifest(artifact.directory(), actual.remove(Artifact.MANIFEST_FILE));
        actual.remove(Artifact.MANIFEST_DIGEST_FILE);
        actual.remove(Artifact.SIGNATURE_FILE);
        for (Map.Entry<String, String> e : artifact.manifest().files().entrySet()) {
            String found = actual.remove(e.getKey());
            if (found == null) {
                throw new ArtifactException(label + ": file " + e.getKey() + " listed in " + Artifact.MANIFEST_FILE
                        + " is missing; the artifact is incomplete, restore it or train again");
            }
            if (!found.equals(e.getValue())) {
                throw new ArtifactException(label + ": checksum mismatch for " + e.getKey() + " (manifest sha256 " + e.getValue()
                        + ", file " + found + "); the artifact was changed or damaged, restore it or train again");
            }
        }
        if (!actual.isEmpty()) {
            throw new ArtifactException(label + ": file " + actual.keySet().iterator().next() + " is not listed in "
                    + Artifact.MANIFEST_FILE + "; an artifact must not be changed after publishing");
        }
        return check;
    }

    private ManifestCheck verifyManifest(Path dir, String manifestDigest) throws IOException {
        Path manifestFile = dir.resolve(Artifact.MANIFEST_FILE);
        if (manifestDigest == null) {
            throw new ArtifactException(manifestFile + ": missing; this is not a complete artifact");
        }
        Path digestFile = dir.resolve(Artifact.MANIFEST_DIGEST_FILE);
        Optional<String> recorded = readFirstWord(digestFile);
        if (recorded.isEmpty()) {
            if (signingKey.isPresent()) {
                throw new ArtifactException(digestFile + ": missing, so the version cannot be signed, and "
                        + SigningKey.ENVIRONMENT_VARIABLE + " is set; only versions the team's pipeline signed are loaded");
            }
            return ManifestCheck.UNVERIFIED;
        }
        if (!recorded.get().equals(manifestDigest)) {
            throw new ArtifactException(manifestFile + ": sha256 " + manifestDigest + " differs from the one in "
                    + Artifact.MANIFEST_DIGEST_FILE + " (" + recorded.get()
                    + "); the manifest was changed after publishing, restore it or train again");
        }
        if (signingKey.isEmpty()) {
            return ManifestCheck.DIGEST_VERIFIED;
        }
        Path signatureFile = dir.resolve(Artifact.SIGNATURE_FILE);
        Optional<String> signature = readFirstWord(signatureFile);
        if (signature.isEmpty()) {
            throw new ArtifactException(signatureFile + ": missing, and " + SigningKey.ENVIRONMENT_VARIABLE
                    + " is set; only versions the team's pipeline signed are loaded (train with the key set)");
        }
        if (!signingKey.get().verifies(manifestDigest, signature.get())) {
            throw new ArtifactException(signatureFile + ": not a signature of this manifest by the key in "
                    + SigningKey.ENVIRONMENT_VARIABLE + "; the version was not published with this key, or was changed");
        }
        return ManifestCheck.SIGNED;
    }

    /** The first whitespace-separated word of a small text file, empty when the file does not exist. */
    private static Optional<String> readFirstWord(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        // Decoded leniently on purpose: a damaged file then fails the comparison, naming the file.
        String[] words = new String(bytes, StandardCharsets.US_ASCII).trim().split("\\s+", 2);
        return Optional.of(words[0]);
    }

    /**
     * Versions of a model, oldest first: by name, hence by training time to the second, and
     * {@code -2}, {@code -3}, ... after the unsuffixed name; empty when the model has none.
     * Temporary directories are not listed.
     */
    public List<String> list(String modelName) throws IOException {
        checkName(modelName);
        return subdirectories(root.resolve(modelName), VERSION_ORDER);
    }

    /** Names of the models in the store, sorted; empty when the store does not exist yet. */
    public List<String> models() throws IOException {
        return subdirectories(root, Comparator.naturalOrder());
    }

    private static String versionBase(String version) {
        Matcher m = VERSION.matcher(version);
        return m.matches() ? m.group(1) : version;
    }

    private static int versionSuffix(String version) {
        Matcher m = VERSION.matcher(version);
        return m.matches() && m.group(2) != null ? Integer.parseInt(m.group(2)) : 1;
    }

    private static List<String> subdirectories(Path dir, Comparator<String> order) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.matches(NAME_PATTERN))
                    .sorted(order)
                    .forEach(names::add);
        }
        return names;
    }

    private static java.util.Optional<String> readLatest(Path modelDir) throws IOException {
        Path file = modelDir.resolve(LATEST_FILE);
        try {
            String name = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!name.chars().allMatch(c -> c > ' ' && c < 127)) {
                // Echoing control characters or a second line would break the one-line error.
                throw new ArtifactException(file + ": not a version name (holds spaces, control or non-ASCII characters);"
                        + " write a version's name into it, or delete it to use the newest version");
            }
            return name.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(name);
        } catch (NoSuchFileException e) {
            // A crash between the version rename and the LATEST update: the newest version stands in.
            return java.util.Optional.empty();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ArtifactException(file + ": not a version name (not UTF-8 text); write a version's name into it,"
                    + " or delete it to use the newest version", e);
        }
    }

    /** Writes the {@code LATEST} content naming {@code version} to a claimed temporary file beside it. */
    private static Temporaries.Lease stageLatest(Path modelDir, String version) throws IOException {
        Temporaries.Lease lease = Temporaries.claim(modelDir.resolve(".tmp-" + randomHex() + "-" + LATEST_FILE));
        try {
            Files.writeString(lease.path(), version + "\n", StandardCharsets.UTF_8);
            return lease;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(lease.path());
            lease.close();
            throw e;
        }
    }

    private static ArtifactManifest readManifest(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ArtifactException(file + ": missing; this is not a complete artifact", e);
        }
        try {
            JsonNode tree = ManifestJson.treeReader().readTree(bytes);
            JsonNode version = tree == null ? null : tree.get("format_version");
            if (version == null || !version.canConvertToInt()) {
                throw new ArtifactException(file + ": no format_version; not a demandcast artifact manifest");
            }
            if (version.intValue() != ArtifactManifest.FORMAT_VERSION) {
                throw new ArtifactException(file + ": artifact format version " + version.intValue()
                        + " is not supported (this demandcast reads " + ArtifactManifest.FORMAT_VERSION
                        + "); use the demandcast version that trained it, or train again");
            }
            return ManifestJson.reader(ArtifactManifest.class).treeToValue(tree, ArtifactManifest.class);
        } catch (JsonProcessingException e) {
            throw new ArtifactException(file + ": invalid artifact manifest: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * SHA-256 of every regular file under {@code dir}, by relative path with '/' separators, sorted.
     *
     * @throws ArtifactException naming the path when {@code dir} or anything under it is a symbolic
     *                           link, or neither a regular file nor a directory (a FIFO would block the read)
     */
    private static Map<String, String> digests(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        // Files.walk does not follow links by default; each entry is checked without following it either.
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attrs.isSymbolicLink()) {
                    throw new ArtifactException(p + ": a symbolic link inside an artifact version (to "
                            + Files.readSymbolicLink(p) + "); a version holds only its own files, restore it or train again");
                }
                if (attrs.isRegularFile()) {
                    files.add(p);
                } else if (!attrs.isDirectory()) {
                    throw new ArtifactException(p + ": neither a regular file nor a directory inside an artifact version;"
                            + " restore it or train again");
                }
            }
        }
        for (Path f : files) {
            out.put(relative(dir, f), Sha256.file(f));
        }
        return out;
    }

    private static String relative(Path dir, Path file) {
        Path rel = dir.relativize(file);
        List<String> parts = new ArrayList<>();
        rel.forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }

    private static byte[] json(ArtifactManifest manifest) throws IOException {
        return (ManifestJson.writer().writeValueAsString(manifest) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void checkName(String modelName) {
        if (modelName == null || !modelName.matches(NAME_PATTERN)) {
            throw new IllegalArgumentException("model name may only hold letters, digits, '.', '_' and '-' and must not start with"
                    + " '.' or '-' (got '" + modelName + "')");
        }
    }

    private static String randomHex() {
        byte[] b = new byte[6];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** The version-name timestamp of an instant, for tests and tools that predict names. */
    static String versionTime(Instant instant) {
        return VERSION_TIME.format(instant);
    }
}
