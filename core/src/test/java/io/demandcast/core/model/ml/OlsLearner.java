package io.demandcast.core.model.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.model.ml.regressor.Regressor;
import io.demandcast.core.model.ml.regressor.RegressorSpec;
import io.demandcast.core.model.ml.regressor.TrainingTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real, simple learner for tests: least squares with an intercept by the normal equations (a tiny
 * ridge term keeps them solvable), missing values imputed by the feature's training mean. Saves its
 * coefficients as JSON.
 */
final class OlsLearner implements RegressorSpec {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final double l2;

    OlsLearner(double l2) {
        this.l2 = l2;
    }

    @Override
    public String name() {
        return "ols";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("l2", l2);
    }

    @Override
    public Regressor fit(TrainingTable table, long seed) {
        int p = table.features();
        int n = table.rows();
        double[] means = new double[p];
        for (int f = 0; f < p; f++) {
            double sum = 0;
            int count = 0;
            for (float v : table.columns()[f]) {
                if (!Float.isNaN(v)) {
                    sum += v;
                    count++;
                }
            }
            means[f] = count == 0 ? 0 : sum / count;
        }
        int d = p + 1;
        double[][] a = new double[d][d + 1];
        double[] x = new double[d];
        for (int r = 0; r < n; r++) {
            x[0] = 1;
            for (int f = 0; f < p; f++) {
                float v = table.columns()[f][r];
                x[f + 1] = (Float.isNaN(v) ? means[f] : v) - means[f];
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    a[i][j] += x[i] * x[j];
                }
                a[i][d] += x[i] * table.target()[r];
            }
        }
        for (int i = 1; i < d; i++) {
            a[i][i] += l2 * n + 1e-9;
        }
        double[] w = solve(a);
        double[] sd = new double[p];
        for (int f = 0; f < p; f++) {
            double ss = 0;
            for (float v : table.columns()[f]) {
                double c = (Float.isNaN(v) ? means[f] : v) - means[f];
                ss += c * c;
            }
            sd[f] = Math.sqrt(ss / Math.max(1, n));
        }
        return new Ols(table.names(), w[0], java.util.Arrays.copyOfRange(w, 1, d), means, sd);
    }

    private static double[] solve(double[][] a) {
        int d = a.length;
        for (int c = 0; c < d; c++) {
            int pivot = c;
            for (int r = c + 1; r < d; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            if (Math.abs(a[c][c]) < 1e-300) {
                continue;
            }
            for (int r = 0; r < d; r++) {
                if (r != c) {
                    double m = a[r][c] / a[c][c];
                    for (int k = c; k <= d; k++) {
                        a[r][k] -= m * a[c][k];
                    }
                }
            }
        }
        double[] w = new double[d];
        for (int i = 0; i < d; i++) {
            w[i] = Math.abs(a[i][i]) < 1e-300 ? 0 : a[i][d] / a[i][i];
        }
        return w;
    }

    /** The fitted coefficients; the intercept is the mean prediction, features centred by their means. */
    record Ols(List<String> featureNames, double intercept, double[] weights, double[] means, double[] sd) implements Regressor {
        @Override
        public String kind() {
            return "linear";
        }

        @Override
        public double predict(float[] row) {
            double y = intercept;
            for (int f = 0; f < weights.length; f++) {
                y += weights[f] * (Float.isNaN(row[f]) ? 0 : row[f] - means[f]);
            }
            return y;
        }

        @Override
        public double[] importance() {
            double[] out = new double[weights.length];
            double sum = 0;
            for (int f = 0; f < out.length; f++) {
                out[f] = Math.abs(weights[f]) * sd[f];
                sum += out[f];
            }
            for (int f = 0; f < out.length && sum > 0; f++) {
                out[f] /= sum;
            }
            return out;
        }

        @Override
        public double expectedValue() {
            return intercept;
        }

        @Override
        public double[] contributions(float[] row) {
            double[] out = new double[weights.length];
            for (int f = 0; f < out.length; f++) {
                out[f] = weights[f] * (Float.isNaN(row[f]) ? 0 : row[f] - means[f]);
            }
            return out;
        }

        @Override
        public void write(Path directory) throws IOException {
            ObjectNode o = JSON.createObjectNode();
            o.put("kind", kind());
            featureNames.forEach(o.putArray("features")::add);
            o.put("intercept", intercept);
            for (double v : weights) {
                o.withArray("weights").add(v);
            }
            for (double v : means) {
                o.withArray("means").add(v);
            }
            for (double v : sd) {
                o.withArray("sd").add(v);
            }
            Files.writeString(directory.resolve("linear.json"), JSON.writeValueAsString(o));
        }

        static Ols read(Path directory) throws IOException {
            JsonNode o = JSON.readTree(directory.resolve("linear.json").toFile());
            List<String> names = new ArrayList<>();
            o.path("features").forEach(e -> names.add(e.asText()));
            return new Ols(names, o.path("intercept").asDouble(), doubles(o.path("weights"), names.size()),
                    doubles(o.path("means"), names.size()), doubles(o.path("sd"), names.size()));
        }

        private static double[] doubles(JsonNode a, int n) {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = a.path(i).asDouble();
            }
            return out;
        }
    }
}
