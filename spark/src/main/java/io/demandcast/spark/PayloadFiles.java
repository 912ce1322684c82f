package io.demandcast.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A directory's files as bytes by relative path: how a partition's fitted model (the files its family's
 * {@code save} writes: JSON for the statistical families, our documented data for the ML ones) travels
 * between executor and driver. The bytes are those files, never a Java-serialized model.
 */
final class PayloadFiles {
    private PayloadFiles() {
    }

    /** Every regular file under {@code directory}, by its path relative to it ({@code /} separated), sorted. */
    static Map<String, byte[]> read(Path directory) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.put(directory.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }

    /** Writes {@code files} under {@code directory} (which exists), creating sub-directories. */
    static void write(Path directory, Map<String, byte[]> files) throws IOException {
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path file = directory.resolve(e.getKey()).normalize();
            if (!file.startsWith(directory)) {
                throw new IOException("payload file '" + e.getKey() + "' is outside its directory");
            }
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
    }

    /** A fresh temporary directory for one partition's payload; deleted by {@link #delete}. */
    static Path temporary() throws IOException {
        return Files.createTempDirectory("demandcast-partition-");
    }

    /** Deletes a temporary directory and everything in it. */
    static void delete(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // A leftover temporary file on an executor is harmless; the fit or forecast it served succeeded.
        }
    }
}
