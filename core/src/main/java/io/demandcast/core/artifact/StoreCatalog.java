package io.demandcast.core.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Read-only questions about a store for {@code demandcast models}: which models and versions it
 * holds, with their manifests, sizes and which one {@code LATEST} names. A version whose manifest
 * cannot be read is listed with the reason instead of failing the listing.
 */
public final class StoreCatalog {
    /** Where a fine-tuned transfer model's payload names its pre-trained parent (see {@code FittedTransferLstm}). */
    static final String TRANSFER_FILE = "transfer.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArtifactStore store;

    public StoreCatalog(ArtifactStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public ArtifactStore store() {
        return store;
    }

    /** Every model's versions, models by name, each oldest first. */
    public List<StoredVersion> all() throws IOException {
        List<StoredVersion> out = new ArrayList<>();
        for (String model : store.models()) {
            out.addAll(versions(model));
        }
        return out;
    }

    /**
     * One model's versions, oldest first: by the manifest's {@code created_at} (to the nanosecond,
     * so two versions trained in one second keep their order, which their names, ordered by hash
     * within a second, do not), then in {@link ArtifactStore#list} order; a version whose manifest
     * cannot be read is placed by its name.
     *
     * @throws ArtifactException naming the store and its models when there is no such model
     */
    public List<StoredVersion> versions(String model) throws IOException {
        requireModel(model);
        Optional<String> latest = store.latestVersion(model);
        List<StoredVersion> out = new ArrayList<>();
        for (String version : store.list(model)) {
            Path dir = store.root().resolve(model).resolve(version);
            Artifact artifact = null;
            String problem = null;
            try {
                artifact = store.read(model, version);
            } catch (ArtifactException e) {
                problem = e.getMessage();
            }
            out.add(new StoredVersion(model, version, dir, artifact, problem, latest.equals(Optional.of(version)), sizeOf(dir)));
        }
        // List.sort is stable: equal times keep the list order.
        out.sort(java.util.Comparator.comparing(StoreCatalog::publishedAt));
        return out;
    }

    /**
     * One version with its manifest; {@code reference} is a version name or {@value ArtifactStore#LATEST}.
     *
     * @throws ArtifactException as {@link ArtifactStore#resolve}
     */
    public StoredVersion version(String model, String reference) throws IOException {
        Artifact artifact = store.resolve(model, reference);
        boolean latest = store.latestVersion(model).equals(Optional.of(artifact.version()));
        return new StoredVersion(model, artifact.version(), artifact.directory(), artifact, null, latest,
                sizeOf(artifact.directory()));
    }

    /**
     * The version published before {@code version} of the same model (the one before it in
     * {@link #versions} order), if any.
     */
    public Optional<String> parentOf(String model, String version) throws IOException {
        List<String> versions = versions(model).stream().map(StoredVersion::version).toList();
        int at = versions.indexOf(version);
        return at > 0 ? Optional.of(versions.get(at - 1)) : Optional.empty();
    }

    /**
     * The pre-trained parent a transfer model was fine-tuned from, as its payload records it
     * ({@code model/transfer.json}'s {@code parent}: artifact and version), if any.
     */
    public static Optional<String> pretrainedParentOf(Artifact artifact) throws IOException {
        Path file = artifact.payloadDirectory().resolve(TRANSFER_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode parent;
        try {
            parent = JSON.readTree(file.toFile()).path("parent");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ArtifactException(file + ": invalid JSON: " + e.getOriginalMessage(), e);
        }
        if (!parent.path("artifact").isTextual() || !parent.path("version").isTextual()) {
            return Optional.empty();
        }
        return Optional.of(parent.path("artifact").textValue() + "@" + parent.path("version").textValue());
    }

    /** Every {@code name@version} some version in the store was fine-tuned from: never pruned while in use. */
    public java.util.Set<String> pretrainedParentsInUse() throws IOException {
        java.util.Set<String> used = new java.util.TreeSet<>();
        for (StoredVersion v : all()) {
            if (v.artifact() != null) {
                pretrainedParentOf(v.artifact()).ifPresent(used::add);
            }
        }
        return used;
    }

    /**
     * A JSON file of the version's payload ({@code model/<file>}), e.g. the forecast calibration
     * {@code train} stores; empty when the version has none.
     */
    public static Optional<JsonNode> payloadJson(Artifact artifact, String file) throws IOException {
        Path path = artifact.payloadDirectory().resolve(file);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(path.toFile()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ArtifactException(path + ": invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** @throws ArtifactException naming the store and what it holds when {@code model} has no version */
    void requireModel(String model) throws IOException {
        if (!model.matches("[A-Za-z0-9_][A-Za-z0-9._-]*") || store.list(model).isEmpty()) {
            List<String> models = store.models();
            throw new ArtifactException("no artifact '" + model + "' in store " + store.root() + "; available: "
                    + (models.isEmpty() ? "none (train a model first)" : String.join(", ", models)));
        }
    }

    /** The manifest's creation time; for an unreadable manifest the time in the version's name, else the earliest. */
    private static java.time.Instant publishedAt(StoredVersion v) {
        if (v.manifest() != null) {
            return v.manifest().createdAt();
        }
        try {
            return java.time.LocalDateTime.parse(v.version().substring(0, 15),
                    java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")).toInstant(java.time.ZoneOffset.UTC);
        } catch (RuntimeException notAVersionName) {
            return java.time.Instant.MIN;
        }
    }

    /** Bytes of the regular files under {@code dir}, links not followed. */
    static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.mapToLong(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    return a.isRegularFile() ? a.size() : 0L;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
