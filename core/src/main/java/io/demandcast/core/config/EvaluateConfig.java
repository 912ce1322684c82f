package io.demandcast.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Backtest outputs and metric options.
 *
 * @param output       directory for the report, replaced by each run; when absent (default) each run
 *                     writes a new directory {@code build/evaluation/<name>/<run-id>/}
 * @param keep         with per-run directories: how many runs to keep, the newest included (older
 *                     ones are removed after each run); null (default) keeps them all. Ignored when
 *                     an output is named
 * @param fitOn        without a {@code backtest} section: the rows the model is fitted on before
 *                     forecasting the test split, {@code train_validation} (default) or {@code train}
 *                     (then the forecast covers validation and test)
 * @param weights      optional CSV {@code series_id,weight} for WRMSSE (M5 weights) and weighted means
 * @param weightColumn column of the weights file to use (default {@code weight})
 * @param junit        JUnit XML file for CI servers: one test case per gate rule and model (none when absent)
 * @param summary      Markdown summary file for a CI job summary (none when absent)
 * @param scoreSeries  which series the metrics cover ({@code ids}, {@code file} with {@code where}, or
 *                     {@code where} on static columns, as {@code data.series}); null (default) = every
 *                     series. The models still fit on every series of the data: "train on these, score
 *                     those" for global models that learn from more series than are scored
 * @param elasticity   own-price elasticities and the models' price response in the report
 *                     ({@link ElasticityConfig}); null (default) = none
 * @param policies     inventory policies the backtest simulates on each window (service levels in
 *                     backtests); empty (default) = none
 * @param policyCalibrationWindows how many earlier windows calibrate a window's lead-time demand
 *                     distribution (the most recent ones); null (default) = every earlier window
 * @param policyRounding for count data (whole-number history), how each bootstrap draw of lead-time demand
 *                     becomes a whole number: {@code nearest} (default, a continuity correction) or {@code up}
 */
public record EvaluateConfig(String output, TrainConfig.FitOn fitOn, String weights, String weightColumn,
                             String junit, String summary, Integer keep,
                             // left out when unset, so a config without it renders (and hashes) as before the key existed
                             @JsonInclude(JsonInclude.Include.NON_NULL) SeriesFilter scoreSeries,
                             @JsonInclude(JsonInclude.Include.NON_NULL) ElasticityConfig elasticity,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) java.util.List<ServicePolicy> policies,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Integer policyCalibrationWindows,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Rounding policyRounding) {

    /** How a bootstrap draw of count demand becomes a whole number. */
    public enum Rounding { nearest, up }


    public EvaluateConfig {
        fitOn = fitOn == null ? TrainConfig.FitOn.train_validation : fitOn;
        if (fitOn == TrainConfig.FitOn.all) {
            throw new IllegalArgumentException("evaluate.fit_on cannot be 'all': the test rows must stay unseen (use train or train_validation)");
        }
        weightColumn = weightColumn == null ? "weight" : weightColumn;
        if (keep != null && keep < 1) {
            throw new IllegalArgumentException("evaluate.keep must be at least 1 (got " + keep
                    + "): the number of run directories to keep, the newest included");
        }
        policies = policies == null ? java.util.List.of() : java.util.List.copyOf(policies);
        if (policyCalibrationWindows != null && policyCalibrationWindows < 1) {
            throw new IllegalArgumentException("evaluate.policy_calibration_windows must be >= 1 (got " + policyCalibrationWindows
                    + "): the number of earlier backtest windows whose errors calibrate a window's lead-time demand");
        }
    }

    /** Settings without {@code elasticity} and policies, as before those keys existed. */
    public EvaluateConfig(String output, TrainConfig.FitOn fitOn, String weights, String weightColumn,
                          String junit, String summary, Integer keep, SeriesFilter scoreSeries) {
        this(output, fitOn, weights, weightColumn, junit, summary, keep, scoreSeries, null, null, null, null);
    }

    public static EvaluateConfig defaults() {
        return new EvaluateConfig(null, null, null, null, null, null, null, null);
    }

    /** The same settings with other policies. */
    public EvaluateConfig withPolicies(java.util.List<ServicePolicy> newPolicies) {
        return new EvaluateConfig(output, fitOn, weights, weightColumn, junit, summary, keep, scoreSeries, elasticity, newPolicies,
                policyCalibrationWindows, policyRounding);
    }

    /** The same settings with another output directory. */
    public EvaluateConfig withOutput(String newOutput) {
        return new EvaluateConfig(newOutput, fitOn, weights, weightColumn, junit, summary, keep, scoreSeries, elasticity, policies,
                policyCalibrationWindows, policyRounding);
    }

    /** The same settings with other JUnit and summary files (null keeps the current one). */
    public EvaluateConfig withCiFiles(String newJunit, String newSummary) {
        return new EvaluateConfig(output, fitOn, weights, weightColumn, newJunit != null ? newJunit : junit,
                newSummary != null ? newSummary : summary, keep, scoreSeries, elasticity, policies, policyCalibrationWindows,
                policyRounding);
    }
}
