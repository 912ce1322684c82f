package io.demandcast.core.model.deep;

/**
 * Which ND4J backend the deep families must run on ({@code --backend}, {@code train.backend}).
 * Naming the values costs nothing: this enum never touches ND4J.
 */
public enum BackendChoice {
    /** Whatever backend this build carries: the CPU one by default, the CUDA one in a {@code -Pcuda} build. */
    auto,
    /** ND4J's CPU backend ({@code nd4j-native}); an error in a {@code -Pcuda} build. */
    cpu,
    /** ND4J's CUDA backend ({@code nd4j-cuda-11.6}) on a usable NVIDIA GPU; an error anywhere else, never a silent CPU run. */
    cuda
}
