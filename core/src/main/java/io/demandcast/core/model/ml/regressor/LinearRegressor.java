package io.demandcast.core.model.ml.regressor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted linear model as plain data: {@code intercept + Σ coefficients[i] x[i]}, with each
 * feature's training mean and (population) standard deviation for its explanations. A missing
 * feature (NaN) counts as its training mean, as the fit imputed it ({@link LinearSpec#withMissingAsMean}).
 */
final class LinearRegressor implements Regressor {
    static final String KIND = "linear";

    private final String learner;
    private final Map<String, Object> parameters;
    private final List<String> featureNames;
    private final double intercept;
    private final double[] coefficients;
    private final double[] means;
    private final double[] sds;
    private final double[] importance;
    private final double expectedValue;

    LinearRegressor(String learner, Map<String, Object> parameters, List<String> featureNames, double intercept,
                    double[] coefficients, double[] means, double[] sds) {
        int p = featureNames.size();
        if (coefficients.length != p || means.length != p || sds.length != p) {
            throw new IllegalArgumentException(p + " features but " + coefficients.length + " coefficients, "
                    + means.length + " means, " + sds.length + " standard deviations");
        }
        this.learner = learner;
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        this.featureNames = List.copyOf(featureNames);
        this.intercept = intercept;
        this.coefficients = coefficients.clone();
        this.means = means.clone();
        this.sds = sds.clone();
        double[] scores = new double[p];
        double expected = intercept;
        for (int i = 0; i < p; i++) {
            scores[i] = Math.abs(coefficients[i]) * sds[i];
            expected += coefficients[i] * means[i];
        }
        this.importance = Importances.normalised(scores);
        this.expectedValue = expected;
    }

    String learner() {
        return learner;
    }

    Map<String, Object> parameters() {
        return parameters;
    }

    double intercept() {
        return intercept;
    }

    double[] coefficients() {
        return coefficients.clone();
    }

    double[] means() {
        return means.clone();
    }

    double[] sds() {
        return sds.clone();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<String> featureNames() {
        return featureNames;
    }

    @Override
    public double predict(float[] row) {
        double y = intercept;
        for (int i = 0; i < coefficients.length; i++) {
            float x = row[i];
            y += coefficients[i] * (Float.isNaN(x) ? means[i] : x);
        }
        return y;
    }

    @Override
    public double predict(float[][] columns, int row) {
        double y = intercept;
        for (int i = 0; i < coefficients.length; i++) {
            float x = columns[i][row];
            y += coefficients[i] * (Float.isNaN(x) ? means[i] : x);
        }
        return y;
    }

    @Override
    public double[] importance() {
        return importance.clone();
    }

    @Override
    public double[] standardisedCoefficients() {
        double[] out = new double[coefficients.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = coefficients[i] * sds[i];
        }
        return out;
    }

    @Override
    public double expectedValue() {
        return expectedValue;
    }

    @Override
    public double[] contributions(float[] row) {
        double[] phi = new double[coefficients.length];
        for (int i = 0; i < phi.length; i++) {
            phi[i] = Float.isNaN(row[i]) ? 0 : coefficients[i] * (row[i] - means[i]);
        }
        return phi;
    }

    @Override
    public void write(Path directory) throws IOException {
        Regressors.write(directory, this);
    }
}
