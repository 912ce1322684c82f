package io.demandcast.core.model.ml.regressor;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Saves and loads fitted regressors as documented files, never Java serialisation.
 *
 * <p>{@code regressor.json} (UTF-8, every kind): {@code format_version} (1), {@code kind}
 * ({@code trees} or {@code linear}), {@code learner} (e.g. {@code gbm}), {@code parameters} (the
 * learner's hyper-parameters), {@code feature_names} (the order rows are read in),
 * {@code expected_value} and {@code importance} (for reading; recomputed on load). Kind
 * {@code trees} adds {@code base}, {@code scale}, {@code link} ({@code identity}, or {@code log}
 * when the prediction is {@code exp(base + scale × Σ tree)}; absent means identity) and
 * {@code trees} (their count), the trees being in
 * {@code trees.bin}; kind {@code linear} adds {@code intercept}, {@code coefficients}, {@code means}
 * and {@code sds} (per feature, population standard deviation).
 *
 * <p>{@code trees.bin}, little-endian: the 4 ASCII bytes {@code DCTR}; int32 version (2); int32 tree
 * count; int32 feature count; then per tree an int32 node count {@code n} followed by the arrays of
 * {@link FlatTree}, a parent before its children: int32[n] feature (-1 leaf), float64[n] threshold,
 * int32[n] left, int32[n] right, float64[n] value, float64[n] cover, float64[n] gain, uint8[n]
 * missing-left (1 when a missing value goes left). Version 1 files, written before XGBoost trees,
 * lack the last array: their missing values all go right. Doubles are stored bit-exact, so a loaded
 * model predicts exactly what was saved.
 */
public final class Regressors {
    static final String JSON_FILE = "regressor.json";
    static final String TREES_FILE = "trees.bin";
    static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = "DCTR".getBytes(StandardCharsets.US_ASCII);
    private static final int TREES_VERSION = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Regressors() {
    }

    /**
     * Loads what {@link Regressor#write} wrote into {@code directory}.
     *
     * @throws IOException naming the file when it is missing, of an unknown kind or version, or inconsistent
     */
    public static Regressor read(Path directory) throws IOException {
        Path file = directory.resolve(JSON_FILE);
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": cannot read: " + e.getMessage(), e);
        }
        int version = root.path("format_version").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new IOException(file + ": unsupported format_version " + root.path("format_version")
                    + " (this build reads " + FORMAT_VERSION + ")");
        }
        String kind = root.path("kind").asText();
        try {
            String learner = text(root, "learner");
            Map<String, Object> parameters = JSON.convertValue(root.path("parameters"), new TypeReference<Map<String, Object>>() { });
            List<String> names = new ArrayList<>();
            for (JsonNode n : array(root, "feature_names")) {
                names.add(n.asText());
            }
            return switch (kind) {
                case TreeEnsemble.KIND -> new TreeEnsemble(learner, parameters, names, number(root, "base"),
                        number(root, "scale"), logLink(root, file), readTrees(directory.resolve(TREES_FILE), root.path("trees").asInt(-1), names.size()));
                case LinearRegressor.KIND -> new LinearRegressor(learner, parameters, names, number(root, "intercept"),
                        numbers(root, "coefficients"), numbers(root, "means"), numbers(root, "sds"));
                default -> throw new IOException(file + ": unknown kind '" + kind + "' (this build reads "
                        + TreeEnsemble.KIND + ", " + LinearRegressor.KIND + ")");
            };
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    static void write(Path directory, TreeEnsemble model) throws IOException {
        ObjectNode root = header(model, model.learner(), model.parameters());
        root.put("base", model.base());
        root.put("scale", model.scale());
        root.put("link", model.logLink() ? "log" : "identity");
        FlatTree[] trees = model.trees();
        root.put("trees", trees.length);
        writeTrees(directory.resolve(TREES_FILE), trees, model.featureNames().size());
        writeJson(directory, root);
    }

    private static boolean logLink(JsonNode root, Path file) throws IOException {
        String link = root.path("link").asText("identity");
        return switch (link) {
            case "identity" -> false;
            case "log" -> true;
            default -> throw new IOException(file + ": unknown link '" + link + "' (this build reads identity, log)");
        };
    }

    static void write(Path directory, LinearRegressor model) throws IOException {
        ObjectNode root = header(model, model.learner(), model.parameters());
        root.put("intercept", model.intercept());
        putNumbers(root, "coefficients", model.coefficients());
        putNumbers(root, "means", model.means());
        putNumbers(root, "sds", model.sds());
        writeJson(directory, root);
    }

    private static ObjectNode header(Regressor model, String learner, Map<String, Object> parameters) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", FORMAT_VERSION);
        root.put("kind", model.kind());
        root.put("learner", learner);
        root.set("parameters", JSON.valueToTree(parameters));
        ArrayNode names = root.putArray("feature_names");
        model.featureNames().forEach(names::add);
        root.put("expected_value", model.expectedValue());
        putNumbers(root, "importance", model.importance());
        return root;
    }

    private static void writeJson(Path directory, ObjectNode root) throws IOException {
        Files.writeString(directory.resolve(JSON_FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }

    private static void putNumbers(ObjectNode root, String key, double[] values) {
        ArrayNode array = root.putArray(key);
        for (double v : values) {
            array.add(v);
        }
    }

    private static void writeTrees(Path file, FlatTree[] trees, int features) throws IOException {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer head = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            head.put(MAGIC).putInt(TREES_VERSION).putInt(trees.length).putInt(features).flip();
            writeFully(out, head);
            for (FlatTree tree : trees) {
                int n = tree.nodes();
                ByteBuffer b = ByteBuffer.allocate(4 + n * 45).order(ByteOrder.LITTLE_ENDIAN);
                b.putInt(n);
                b.asIntBuffer().put(tree.feature());
                b.position(b.position() + 4 * n);
                b.asDoubleBuffer().put(tree.threshold());
                b.position(b.position() + 8 * n);
                b.asIntBuffer().put(tree.left());
                b.position(b.position() + 4 * n);
                b.asIntBuffer().put(tree.right());
                b.position(b.position() + 4 * n);
                for (double[] column : new double[][] {tree.value(), tree.cover(), tree.gain()}) {
                    b.asDoubleBuffer().put(column);
                    b.position(b.position() + 8 * n);
                }
                for (boolean missingLeft : tree.missingLeft()) {
                    b.put((byte) (missingLeft ? 1 : 0));
                }
                b.flip();
                writeFully(out, b);
            }
        }
    }

    private static void writeFully(FileChannel out, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            out.write(b);
        }
    }

    private static FlatTree[] readTrees(Path file, int expectedTrees, int features) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = readFully(in, 16, file);
            byte[] magic = new byte[4];
            head.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new IOException(file + ": not a demandcast trees file (no DCTR header)");
            }
            int version = head.getInt();
            if (version != 1 && version != TREES_VERSION) {
                throw new IOException(file + ": unsupported version " + version + " (this build reads " + TREES_VERSION + ")");
            }
            int count = head.getInt();
            int p = head.getInt();
            if (count != expectedTrees || p != features) {
                throw new IOException(file + ": holds " + count + " trees over " + p + " features, " + JSON_FILE + " says "
                        + expectedTrees + " over " + features);
            }
            FlatTree[] trees = new FlatTree[count];
            for (int t = 0; t < count; t++) {
                int n = readFully(in, 4, file).getInt();
                int nodeBytes = version == 1 ? 44 : 45;
                if (n <= 0 || n > (Integer.MAX_VALUE - 4) / nodeBytes) {
                    throw new IOException(file + ": tree " + t + " has an invalid node count " + n);
                }
                ByteBuffer b = readFully(in, n * nodeBytes, file);
                int[] feature = ints(b, n);
                double[] threshold = doubles(b, n);
                int[] left = ints(b, n);
                int[] right = ints(b, n);
                double[] value = doubles(b, n);
                double[] cover = doubles(b, n);
                double[] gain = doubles(b, n);
                boolean[] missingLeft = new boolean[n];
                for (int i = 0; version > 1 && i < n; i++) {
                    byte flag = b.get();
                    if (flag != 0 && flag != 1) {
                        throw new IOException(file + ": tree " + t + " node " + i + " has missing-left flag " + flag + ", not 0 or 1");
                    }
                    missingLeft[i] = flag == 1;
                }
                try {
                    trees[t] = new FlatTree(feature, threshold, left, right, value, cover, gain, missingLeft);
                } catch (IllegalArgumentException e) {
                    throw new IOException(file + ": tree " + t + ": " + e.getMessage(), e);
                }
            }
            if (in.position() != in.size()) {
                throw new IOException(file + ": " + (in.size() - in.position()) + " bytes after the last tree");
            }
            return trees;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException(file + ": missing", e);
        }
    }

    private static ByteBuffer readFully(FileChannel in, int bytes, Path file) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (in.read(b) < 0) {
                throw new IOException(file + ": truncated at byte " + in.position());
            }
        }
        return b.flip();
    }

    private static int[] ints(ByteBuffer b, int n) {
        int[] out = new int[n];
        b.asIntBuffer().get(out);
        b.position(b.position() + 4 * n);
        return out;
    }

    private static double[] doubles(ByteBuffer b, int n) {
        double[] out = new double[n];
        b.asDoubleBuffer().get(out);
        b.position(b.position() + 8 * n);
        return out;
    }

    private static String text(JsonNode root, String key) {
        JsonNode v = root.get(key);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("'" + key + "' must be a string");
        }
        return v.textValue();
    }

    private static double number(JsonNode root, String key) {
        JsonNode v = root.get(key);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException("'" + key + "' must be a number");
        }
        return v.doubleValue();
    }

    private static JsonNode array(JsonNode root, String key) {
        JsonNode v = root.get(key);
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException("'" + key + "' must be a list");
        }
        return v;
    }

    private static double[] numbers(JsonNode root, String key) {
        JsonNode v = array(root, key);
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            if (!v.get(i).isNumber()) {
                throw new IllegalArgumentException("'" + key + "'[" + i + "] must be a number");
            }
            out[i] = v.get(i).doubleValue();
        }
        return out;
    }
}
