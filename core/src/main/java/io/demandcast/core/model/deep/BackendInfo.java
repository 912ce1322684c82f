package io.demandcast.core.model.deep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The ND4J backend that actually runs in this process, as ND4J reports it once started.
 *
 * @param name         {@code cpu} or {@code cuda}
 * @param backendClass ND4J's backend class, e.g. {@code org.nd4j.linalg.cpu.nativecpu.CpuBackend}
 * @param blasVendor   the BLAS ND4J calls ({@code OPENBLAS}, {@code CUBLAS}), or {@code unknown}
 * @param threads      OpenMP threads of ND4J's native code
 * @param devices      one entry per CUDA device, name and memory (e.g. {@code NVIDIA A10 (22.5 GiB)}); empty on the CPU
 */
public record BackendInfo(String name, String backendClass, String blasVendor, int threads, List<String> devices) {

    public BackendInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(backendClass, "backendClass");
        blasVendor = blasVendor == null ? "unknown" : blasVendor;
        devices = devices == null ? List.of() : List.copyOf(devices);
    }

    /** One line for stderr, e.g. {@code cpu (ND4J CpuBackend, OPENBLAS, 1 OpenMP thread)}. */
    public String describe() {
        String simpleClass = backendClass.substring(backendClass.lastIndexOf('.') + 1);
        StringBuilder sb = new StringBuilder(name).append(" (ND4J ").append(simpleClass).append(", ").append(blasVendor)
                .append(", ").append(threads).append(threads == 1 ? " OpenMP thread" : " OpenMP threads");
        if (name.equals("cuda")) {
            sb.append(", ").append(devices.size()).append(devices.size() == 1 ? " device: " : " devices: ")
                    .append(String.join(", ", devices));
        }
        return sb.append(')').toString();
    }

    /** The fields under snake_case keys, for JSON summaries and artifact manifests. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("backend_class", backendClass);
        m.put("blas_vendor", blasVendor);
        m.put("threads", threads);
        m.put("devices", devices);
        return m;
    }
}
