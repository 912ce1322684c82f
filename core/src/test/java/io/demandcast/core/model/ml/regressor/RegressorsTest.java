package io.demandcast.core.model.ml.regressor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegressorsTest {
    private static final TrainingTable TRAIN = DemandTables.table(300, 8, true);
    private static final TrainingTable UNSEEN = DemandTables.table(60, 9, true);

    @TempDir
    Path dir;

    @Test
    void everyLearnerReadsBackToIdenticalPredictionsAndContributions() throws IOException {
        Map<String, String> params = Map.of("gbm", "{\"trees\": 30, \"loss\": \"quantile\", \"quantile\": 0.9}",
                "random_forest", "{\"trees\": 20, \"mtry\": 2}", "ridge", "{}", "lasso", "{\"lambda\": 0.5}", "elastic_net", "{}",
                "xgboost", "{\"trees\": 20, \"threads\": 1}");
        TrainingTable complete = DemandTables.table(300, 8, false);
        for (String learner : RegressorSpecs.LEARNERS) {
            RegressorSpec spec = RegressorSpecs.parse(learner, new com.fasterxml.jackson.databind.ObjectMapper().readTree(params.get(learner)));
            boolean linear = spec instanceof LinearSpec;
            Regressor model = spec.fit(linear ? complete : TRAIN, 3);
            Path out = Files.createDirectory(dir.resolve(learner));
            model.write(out);
            Regressor read = Regressors.read(out);
            assertEquals(model.kind(), read.kind());
            assertEquals(model.featureNames(), read.featureNames());
            assertArrayEquals(model.importance(), read.importance(), learner);
            assertEquals(model.expectedValue(), read.expectedValue(), learner);
            TrainingTable rows = linear ? DemandTables.table(60, 9, false) : UNSEEN;
            for (int i = 0; i < rows.rows(); i++) {
                float[] row = DemandTables.row(rows, i);
                assertEquals(model.predict(row), read.predict(row), learner + " row " + i);
                assertArrayEquals(model.contributions(row), read.contributions(row), learner + " row " + i);
            }
            String json = Files.readString(out.resolve("regressor.json"));
            assertTrue(json.contains("\"learner\" : \"" + learner + "\""), json);
            assertEquals(spec.parameters(), parametersOf(read), learner);
            assertEquals(linear, !Files.exists(out.resolve("trees.bin")), learner);
        }
    }

    private static Map<String, Object> parametersOf(Regressor model) {
        return model instanceof TreeEnsemble t ? t.parameters() : ((LinearRegressor) model).parameters();
    }

    @Test
    void treesFileLayoutIsAsDocumented() throws IOException {
        Regressor model = new GradientBoostingSpec(3, 3, 4, 5, 0.1, 1.0, "ls", 0.9, 0.5).fit(TRAIN, 1);
        model.write(dir);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("trees.bin"))).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[4];
        b.get(magic);
        assertEquals("DCTR", new String(magic, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(2, b.getInt());
        assertEquals(3, b.getInt());
        assertEquals(5, b.getInt());
        FlatTree first = ((TreeEnsemble) model).trees()[0];
        int n = b.getInt();
        assertEquals(first.nodes(), n);
        assertEquals(first.feature()[0], b.getInt());
        b.position(b.position() + 4 * (n - 1));
        assertEquals(first.threshold()[0], b.getDouble());
    }

    @Test
    void refusesUnknownKindsVersionsAndDamagedTrees() throws IOException {
        Regressor model = new GradientBoostingSpec(3, 3, 4, 5, 0.1, 1.0, "ls", 0.9, 0.5).fit(TRAIN, 1);
        model.write(dir);
        Path json = dir.resolve("regressor.json");
        String original = Files.readString(json);

        Files.writeString(json, original.replace("\"kind\" : \"trees\"", "\"kind\" : \"neural\""));
        assertMessage("unknown kind 'neural' (this build reads trees, linear)");

        Files.writeString(json, original.replace("\"format_version\" : 1", "\"format_version\" : 2"));
        assertMessage("unsupported format_version 2 (this build reads 1)");

        Files.writeString(json, original);
        Path trees = dir.resolve("trees.bin");
        byte[] bytes = Files.readAllBytes(trees);
        Files.write(trees, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        assertMessage("truncated");

        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 8);
        Files.write(trees, longer);
        assertMessage("8 bytes after the last tree");

        byte[] badChild = bytes.clone();
        // The first tree's first left child (after the header, node count, features and thresholds).
        int n = ByteBuffer.wrap(bytes, 16, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteBuffer.wrap(badChild).order(ByteOrder.LITTLE_ENDIAN).putInt(20 + 12 * n, 0);
        Files.write(trees, badChild);
        assertMessage("tree 0: node 0 has children 0");

        Files.delete(trees);
        assertMessage("trees.bin: missing");
    }

    private void assertMessage(String fragment) {
        IOException e = assertThrows(IOException.class, () -> Regressors.read(dir));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertTrue(e.getMessage().contains(dir.toString()), "names the file: " + e.getMessage());
    }
}
