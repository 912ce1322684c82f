package io.demandcast.core.config;

/**
 * One experiment file: every verb reads the sections it needs. Absent sections get their
 * defaults, so a file that only drives {@code prepare} is valid.
 *
 * @param name     experiment name, used in default output paths
 * @param data     where the raw data is and what its columns mean
 * @param prepare  cleaning, features and split
 * @param model    the model to fit
 * @param train    where fitted models are published
 * @param predict  horizon, quantiles and output of forecasts
 * @param evaluate backtest output and metric options
 */
public record ExperimentConfig(String name, DataConfig data, PrepareConfig prepare, ModelConfig model,
                               TrainConfig train, PredictConfig predict, EvaluateConfig evaluate) {

    public ExperimentConfig {
        name = name == null || name.isBlank() ? "experiment" : name;
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("name may only hold letters, digits, '.', '_' and '-' (got '" + name + "')");
        }
        data = data == null ? new DataConfig(null, null, null, null, null) : data;
        prepare = prepare == null ? PrepareConfig.defaults() : prepare;
        model = model == null ? new ModelConfig(null, null, null) : model;
        train = train == null ? new TrainConfig(null, null) : train;
        predict = predict == null ? new PredictConfig(null, null, null, null) : predict;
        evaluate = evaluate == null ? new EvaluateConfig(null, null, null, null) : evaluate;
    }
}
