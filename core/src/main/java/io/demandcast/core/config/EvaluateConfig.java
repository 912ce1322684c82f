package io.demandcast.core.config;

/**
 * Hold-out evaluation.
 *
 * @param output  directory for {@code metrics.json} and the per-series CSV (default {@code build/evaluation/<name>})
 * @param fitOn   rows the model is refitted on before forecasting the test split: {@code train_validation} (default) or {@code train}
 * @param weights optional CSV {@code series_id,weight} for WRMSSE (M5 weights)
 * @param weightColumn column of the weights file to use (default {@code weight})
 */
public record EvaluateConfig(String output, TrainConfig.FitOn fitOn, String weights, String weightColumn) {

    public EvaluateConfig {
        fitOn = fitOn == null ? TrainConfig.FitOn.train_validation : fitOn;
        if (fitOn == TrainConfig.FitOn.all) {
            throw new IllegalArgumentException("evaluate.fit_on cannot be 'all': the test rows must stay unseen (use train or train_validation)");
        }
        weightColumn = weightColumn == null ? "weight" : weightColumn;
    }
}
