package io.demandcast.core.config;

/**
 * Backtest outputs and metric options.
 *
 * @param output       directory for the report (default {@code build/evaluation/<name>})
 * @param fitOn        without a {@code backtest} section: the rows the model is fitted on before
 *                     forecasting the test split, {@code train_validation} (default) or {@code train}
 *                     (then the forecast covers validation and test)
 * @param weights      optional CSV {@code series_id,weight} for WRMSSE (M5 weights) and weighted means
 * @param weightColumn column of the weights file to use (default {@code weight})
 * @param junit        JUnit XML file for CI servers: one test case per gate rule and model (none when absent)
 * @param summary      Markdown summary file for a CI job summary (none when absent)
 */
public record EvaluateConfig(String output, TrainConfig.FitOn fitOn, String weights, String weightColumn,
                             String junit, String summary) {

    public EvaluateConfig {
        fitOn = fitOn == null ? TrainConfig.FitOn.train_validation : fitOn;
        if (fitOn == TrainConfig.FitOn.all) {
            throw new IllegalArgumentException("evaluate.fit_on cannot be 'all': the test rows must stay unseen (use train or train_validation)");
        }
        weightColumn = weightColumn == null ? "weight" : weightColumn;
    }

    public static EvaluateConfig defaults() {
        return new EvaluateConfig(null, null, null, null, null, null);
    }

    /** The same settings with another output directory. */
    public EvaluateConfig withOutput(String newOutput) {
        return new EvaluateConfig(newOutput, fitOn, weights, weightColumn, junit, summary);
    }

    /** The same settings with other JUnit and summary files (null keeps the current one). */
    public EvaluateConfig withCiFiles(String newJunit, String newSummary) {
        return new EvaluateConfig(output, fitOn, weights, weightColumn, newJunit != null ? newJunit : junit,
                newSummary != null ? newSummary : summary);
    }
}
