package io.demandcast.core.config;

/**
 * Training and publishing.
 *
 * @param store  root of the artifact store (default {@code build/artifacts})
 * @param fitOn  which prepared rows to fit on: {@code all} (default, for forecasting the future),
 *               {@code train} or {@code train_validation}
 */
public record TrainConfig(String store, FitOn fitOn) {

    /** Which split rows {@code train} fits on. */
    public enum FitOn { all, train, train_validation }

    public TrainConfig {
        store = store == null ? "build/artifacts" : store;
        fitOn = fitOn == null ? FitOn.all : fitOn;
    }
}
