package io.demandcast.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One experiment file: every verb reads the sections it needs. Absent sections get their
 * defaults, so a file that only drives {@code prepare} is valid.
 *
 * @param name     experiment name, used in default output paths ({@link Names#PATTERN})
 * @param data     where the raw data is and what its columns mean
 * @param prepare  cleaning, features and split
 * @param model    the model to fit (and the candidate a gate checks); its name defaults to this experiment's {@code name}
 * @param models   models compared by {@code evaluate} (a leaderboard); when empty, {@code model} alone
 * @param train    where fitted models are published
 * @param predict  horizon, quantiles, intervals and output of forecasts
 * @param evaluate backtest output and metric options
 * @param backtest rolling-origin windows; when absent {@code evaluate} scores the test split
 * @param gate     rules {@code evaluate} checks; exit 3 when one fails
 * @param tune     the search {@code tune} runs; null when absent
 * @param monitor  the forecast log and the drift thresholds {@code monitor} checks
 * @param plan     service target and outputs of {@code plan}
 */
public record ExperimentConfig(String name, DataConfig data, PrepareConfig prepare, ModelConfig model,
                               List<ModelSpec> models, TrainConfig train, PredictConfig predict,
                               EvaluateConfig evaluate, BacktestConfig backtest, List<GateRule> gate,
                               TuneConfig tune, MonitorConfig monitor,
                               @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = RenderedDefaults.Plan.class)
                               PlanConfig plan) {

    public ExperimentConfig {
        name = name == null || name.isBlank() ? "experiment" : name;
        Names.require("name", name);
        data = data == null ? new DataConfig(null, null, null, null, null, null) : data;
        prepare = prepare == null ? PrepareConfig.defaults() : prepare;
        model = (model == null ? new ModelConfig(null, null, null) : model).named(name);
        models = models == null ? List.of() : List.copyOf(models);
        train = train == null ? new TrainConfig(null, null) : train;
        predict = predict == null ? new PredictConfig(null, null, null, null, null, null) : predict;
        evaluate = evaluate == null ? EvaluateConfig.defaults() : evaluate;
        gate = gate == null ? List.of() : List.copyOf(gate);
        monitor = monitor == null ? MonitorConfig.defaults() : monitor;
        plan = plan == null ? PlanConfig.defaults() : plan;
    }

    /** A config with only these sections (the others default). */
    public static ExperimentConfig of(String name, DataConfig data, PrepareConfig prepare) {
        return new ExperimentConfig(name, data, prepare, null, null, null, null, null, null, null, null, null, null);
    }

    public ExperimentConfig withData(DataConfig newData) {
        return new ExperimentConfig(name, newData, prepare, model, models, train, predict, evaluate, backtest, gate, tune, monitor, plan);
    }

    public ExperimentConfig withModel(ModelConfig newModel) {
        return new ExperimentConfig(name, data, prepare, newModel, models, train, predict, evaluate, backtest, gate, tune, monitor, plan);
    }

    public ExperimentConfig withModels(List<ModelSpec> newModels) {
        return new ExperimentConfig(name, data, prepare, model, newModels, train, predict, evaluate, backtest, gate, tune, monitor, plan);
    }

    public ExperimentConfig withTrain(TrainConfig newTrain) {
        return new ExperimentConfig(name, data, prepare, model, models, newTrain, predict, evaluate, backtest, gate, tune, monitor, plan);
    }

    public ExperimentConfig withPredict(PredictConfig newPredict) {
        return new ExperimentConfig(name, data, prepare, model, models, train, newPredict, evaluate, backtest, gate, tune, monitor, plan);
    }

    public ExperimentConfig withEvaluate(EvaluateConfig newEvaluate) {
        return new ExperimentConfig(name, data, prepare, model, models, train, predict, newEvaluate, backtest, gate, tune, monitor, plan);
    }

    public ExperimentConfig withBacktest(BacktestConfig newBacktest) {
        return new ExperimentConfig(name, data, prepare, model, models, train, predict, evaluate, newBacktest, gate, tune, monitor, plan);
    }

    public ExperimentConfig withGate(List<GateRule> newGate) {
        return new ExperimentConfig(name, data, prepare, model, models, train, predict, evaluate, backtest, newGate, tune, monitor, plan);
    }

    public ExperimentConfig withTune(TuneConfig newTune) {
        return new ExperimentConfig(name, data, prepare, model, models, train, predict, evaluate, backtest, gate, newTune, monitor, plan);
    }

    public ExperimentConfig withMonitor(MonitorConfig newMonitor) {
        return new ExperimentConfig(name, data, prepare, model, models, train, predict, evaluate, backtest, gate, tune, newMonitor, plan);
    }

    public ExperimentConfig withPlan(PlanConfig newPlan) {
        return new ExperimentConfig(name, data, prepare, model, models, train, predict, evaluate, backtest, gate, tune, monitor, newPlan);
    }
}
