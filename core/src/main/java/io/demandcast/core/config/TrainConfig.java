package io.demandcast.core.config;

import io.demandcast.core.model.deep.BackendChoice;

/**
 * Training and publishing, and the backend the deep families run on (read by every verb that runs
 * one, as {@code store} is read by {@code predict}).
 *
 * @param store         root of the artifact store (default {@code build/artifacts})
 * @param fitOn         which prepared rows to fit on: {@code all} (default, for forecasting the future),
 *                      {@code train} or {@code train_validation}
 * @param backend       ND4J backend of the deep families: {@code auto} (default: the one this build
 *                      carries), {@code cpu} or {@code cuda} (fails where it cannot run, never falls back)
 * @param halfPrecision FP16 tensors for the deep families, on the cuda backend only (default false)
 * @param maxFallbackShare the largest share of series, in [0, 1], whose fit may fall back to a simpler
 *                      family ({@code fit_report.csv}) before {@code train} publishes nothing and
 *                      {@code evaluate} fails; null (default): no limit
 */
public record TrainConfig(String store, FitOn fitOn, BackendChoice backend, boolean halfPrecision, Double maxFallbackShare) {

    /** Which split rows {@code train} fits on. */
    public enum FitOn { all, train, train_validation }

    public TrainConfig {
        store = store == null ? "build/artifacts" : store;
        fitOn = fitOn == null ? FitOn.all : fitOn;
        backend = backend == null ? BackendChoice.auto : backend;
        if (halfPrecision && backend == BackendChoice.cpu) {
            throw new IllegalArgumentException("train.half_precision: true runs on the cuda backend only (FP16 on an NVIDIA GPU),"
                    + " but train.backend is cpu; set train.backend to cuda or auto, or drop half_precision");
        }
        if (maxFallbackShare != null && !(maxFallbackShare >= 0 && maxFallbackShare <= 1)) {
            throw new IllegalArgumentException("train.max_fallback_share must be a share between 0 and 1 (got " + maxFallbackShare
                    + "), e.g. 0.05 for at most 5 % of series falling back to a simpler family");
        }
    }

    /** Without a fallback limit. */
    public TrainConfig(String store, FitOn fitOn, BackendChoice backend, boolean halfPrecision) {
        this(store, fitOn, backend, halfPrecision, null);
    }

    /** Store and rows, on the default backend. */
    public TrainConfig(String store, FitOn fitOn) {
        this(store, fitOn, null, false, null);
    }

    /** The same settings on another backend. */
    public TrainConfig withBackend(BackendChoice newBackend) {
        return new TrainConfig(store, fitOn, newBackend, halfPrecision, maxFallbackShare);
    }
}
