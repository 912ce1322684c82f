package io.demandcast.core.model.ml;

import com.fasterxml.jackson.databind.JsonNode;
import io.demandcast.core.model.ml.regressor.Regressor;
import io.demandcast.core.model.ml.regressor.RegressorSpec;
import io.demandcast.core.model.ml.regressor.TrainingTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Learners for tests: {@code ols} (least squares, param {@code l2}), {@code last_value}, which
 * predicts its row's {@code lag_1} (or the smallest lag it has), and {@code plus_one}, that plus 1; so a forecast is the last value
 * carried through the target transform: back-transforms can be checked exactly. {@code last_value}
 * and {@code plus_one} have a "quantile loss": at level τ they add {@link #shift}(τ), and
 * {@code reversed} (otherwise {@code last_value}) subtracts it, so its quantiles cross.
 */
final class TestLearners implements Learners {
    /** Sees every row a {@code last_value} regressor predicts (null: none). */
    private final Consumer<float[]> recorder;

    TestLearners() {
        this(null);
    }

    TestLearners(Consumer<float[]> recorder) {
        this.recorder = recorder;
    }

    @Override
    public Set<String> names() {
        return Set.of("ols", "last_value", "plus_one", "reversed");
    }

    @Override
    public Set<String> keys(String learner) {
        return learner.equals("ols") ? Set.of("l2") : Set.of();
    }

    @Override
    public RegressorSpec parse(String learner, JsonNode params) {
        if (learner.equals("ols")) {
            double l2 = params.path("l2").asDouble(1e-6);
            if (l2 < 0) {
                throw new IllegalArgumentException("model.params.l2 must be >= 0 (got " + l2 + ")");
            }
            return new OlsLearner(l2);
        }
        return lastValue(learner, learner.equals("plus_one") ? 1 : 0);
    }

    /** What the quantile regressor of level τ adds to the point regressor's prediction: 20 (τ − 0.5)|τ − 0.5|, not linear in τ. */
    static double shift(double tau) {
        return 20 * (tau - 0.5) * Math.abs(tau - 0.5);
    }

    private RegressorSpec lastValue(String learner, double add) {
        return new RegressorSpec() {
            @Override
            public String name() {
                return learner;
            }

            @Override
            public Map<String, Object> parameters() {
                return Map.of();
            }

            @Override
            public Regressor fit(TrainingTable table, long seed) {
                return new LastValue(table.names(), add, recorder);
            }

            @Override
            public RegressorSpec withQuantile(double tau) {
                return lastValue(learner, (learner.equals("plus_one") ? 1 : 0) + (learner.equals("reversed") ? -1 : 1) * shift(tau));
            }
        };
    }

    @Override
    public Regressor read(Path directory) throws IOException {
        if (Files.exists(directory.resolve("linear.json"))) {
            return OlsLearner.Ols.read(directory);
        }
        List<String> lines = List.of(Files.readString(directory.resolve("last_value.txt")).split("\n"));
        return new LastValue(lines.subList(1, lines.size()), Double.parseDouble(lines.get(0)), recorder);
    }

    /** Predicts the nearest target lag of its row. */
    record LastValue(List<String> featureNames, double add, Consumer<float[]> recorder) implements Regressor {
        int lagIndex() {
            for (int i = 0; i < featureNames.size(); i++) {
                if (featureNames.get(i).startsWith("lag_")) {
                    return i;
                }
            }
            throw new IllegalStateException("no lag feature in " + featureNames);
        }

        @Override
        public String kind() {
            return "last_value";
        }

        @Override
        public double predict(float[] row) {
            if (recorder != null) {
                recorder.accept(row.clone());
            }
            return row[lagIndex()] + add;
        }

        @Override
        public double[] importance() {
            double[] out = new double[featureNames.size()];
            out[lagIndex()] = 1;
            return out;
        }

        @Override
        public double expectedValue() {
            return 0;
        }

        @Override
        public double[] contributions(float[] row) {
            double[] out = new double[featureNames.size()];
            out[lagIndex()] = row[lagIndex()];
            return out;
        }

        @Override
        public void write(Path directory) throws IOException {
            Files.writeString(directory.resolve("last_value.txt"), add + "\n" + String.join("\n", featureNames));
        }
    }
}
