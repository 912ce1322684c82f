package io.demandcast.core.artifact;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The software a model was trained with. Recorded because the same config can give different
 * models on another Java, OS or backend (e.g. {@code Math} intrinsics differ by platform).
 *
 * @param demandcast demandcast version ("unknown" when not known)
 * @param java       {@code java.version}
 * @param javaVendor {@code java.vendor}
 * @param os         {@code os.name} and {@code os.version}
 * @param arch       {@code os.arch}
 * @param libraries  backend libraries by name (e.g. {@code smile}, {@code nd4j-backend}), sorted by name
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RuntimeVersions(String demandcast, String java, String javaVendor, String os, String arch,
                              Map<String, String> libraries) {

    public RuntimeVersions {
        demandcast = demandcast == null ? "unknown" : demandcast;
        java = java == null ? "unknown" : java;
        javaVendor = javaVendor == null ? "unknown" : javaVendor;
        os = os == null ? "unknown" : os;
        arch = arch == null ? "unknown" : arch;
        libraries = libraries == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(libraries));
    }

    /** This JVM's versions, with the given demandcast version and no libraries. */
    public static RuntimeVersions current(String demandcastVersion) {
        return new RuntimeVersions(demandcastVersion, System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"), System.getProperty("os.arch"), Map.of());
    }

    /** These versions plus one library. */
    public RuntimeVersions withLibrary(String name, String version) {
        Map<String, String> copy = new TreeMap<>(libraries);
        copy.put(name, version);
        return new RuntimeVersions(demandcast, java, javaVendor, os, arch, copy);
    }
}
