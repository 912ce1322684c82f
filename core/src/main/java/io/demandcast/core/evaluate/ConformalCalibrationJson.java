package io.demandcast.core.evaluate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.artifact.ArtifactException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The plain-JSON form of a {@link ConformalCalibration}, format version 1:
 * <pre>
 * {
 *   "format_version": 1,
 *   "kind": "conformal_calibration",
 *   "levels": [0.1, 0.5, 0.9],          quantile levels, strictly ascending in (0, 1)
 *   "horizon": 2,                        steps calibrated
 *   "min_per_group": 30,                 fewest scores a group needs at a step for its own offsets
 *   "steps": [                           pooled scores, one entry per step (index = 0-based step)
 *     { "count": 800, "offsets": [-1.31, 0.02, 1.27] },   one offset per level
 *     { "count": 0,   "offsets": null }                    no score at this step
 *   ],
 *   "groups": {                          per group, sorted by name, one entry per step as above;
 *     "smooth": [ { "count": 400, "offsets": [...] },     "offsets" is null where count is
 *                 { "count": 12,  "offsets": null } ]      below min_per_group
 *   }
 * }
 * </pre>
 * Offsets are in units of the series' scale: a quantile is {@code point + scale * offset}. Numbers
 * are written with full double precision, so a round trip is exact. A reader rejects another
 * {@code format_version} or {@code kind}, and any inconsistency the constructor finds, rather than
 * guessing.
 */
final class ConformalCalibrationJson {
    static final int FORMAT_VERSION = 1;
    static final String KIND = "conformal_calibration";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConformalCalibrationJson() {
    }

    static ObjectNode write(ConformalCalibration calibration) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", FORMAT_VERSION);
        root.put("kind", KIND);
        ArrayNode levels = root.putArray("levels");
        for (double level : calibration.levels()) {
            levels.add(level);
        }
        root.put("horizon", calibration.horizon());
        root.put("min_per_group", calibration.minPerGroup());
        ArrayNode steps = root.putArray("steps");
        for (int k = 0; k < calibration.horizon(); k++) {
            writeStep(steps.addObject(), calibration.pooledStep(k));
        }
        ObjectNode groups = root.putObject("groups");
        for (Map.Entry<String, ConformalCalibration.StepOffsets[]> group : calibration.groupSteps().entrySet()) {
            ArrayNode groupSteps = groups.putArray(group.getKey());
            for (ConformalCalibration.StepOffsets step : group.getValue()) {
                writeStep(groupSteps.addObject(), step);
            }
        }
        return root;
    }

    private static void writeStep(ObjectNode node, ConformalCalibration.StepOffsets step) {
        node.put("count", step.count());
        if (step.offsets() == null) {
            node.putNull("offsets");
        } else {
            ArrayNode offsets = node.putArray("offsets");
            for (double o : step.offsets()) {
                offsets.add(o);
            }
        }
    }

    static ConformalCalibration read(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new ArtifactException(source + ": expected a JSON object holding a conformal calibration");
        }
        JsonNode version = root.get("format_version");
        if (version == null || !version.isInt()) {
            throw new ArtifactException(source + ": no format_version; not a demandcast conformal calibration");
        }
        if (version.intValue() != FORMAT_VERSION) {
            throw new ArtifactException(source + ": conformal calibration format version " + version.intValue()
                    + " is not supported (this demandcast reads " + FORMAT_VERSION + "); recalibrate with this version");
        }
        if (!KIND.equals(root.path("kind").asText())) {
            throw new ArtifactException(source + ": kind is '" + root.path("kind").asText() + "', expected '" + KIND + "'");
        }
        try {
            double[] levels = doubles(root.get("levels"), "levels");
            int horizon = integer(root.get("horizon"), "horizon");
            int minPerGroup = integer(root.get("min_per_group"), "min_per_group");
            ConformalCalibration.StepOffsets[] pooled = steps(root.get("steps"), "steps");
            Map<String, ConformalCalibration.StepOffsets[]> groups = new LinkedHashMap<>();
            JsonNode groupsNode = root.get("groups");
            if (groupsNode == null || !groupsNode.isObject()) {
                throw new IllegalArgumentException("groups: expected an object");
            }
            for (Map.Entry<String, JsonNode> group : groupsNode.properties()) {
                groups.put(group.getKey(), steps(group.getValue(), "groups." + group.getKey()));
            }
            return new ConformalCalibration(levels, horizon, minPerGroup, pooled, groups);
        } catch (IllegalArgumentException e) {
            throw new ArtifactException(source + ": invalid conformal calibration: " + e.getMessage(), e);
        }
    }

    static void save(ConformalCalibration calibration, Path file) throws IOException {
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(write(calibration)),
                StandardCharsets.UTF_8);
    }

    static ConformalCalibration load(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new ArtifactException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        return read(root, file.toString());
    }

    private static ConformalCalibration.StepOffsets[] steps(JsonNode node, String where) {
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException(where + ": expected an array with one entry per step");
        }
        ConformalCalibration.StepOffsets[] steps = new ConformalCalibration.StepOffsets[node.size()];
        for (int k = 0; k < steps.length; k++) {
            JsonNode step = node.get(k);
            String at = where + "[" + k + "]";
            if (!step.isObject()) {
                throw new IllegalArgumentException(at + ": expected an object with count and offsets");
            }
            int count = integer(step.get("count"), at + ".count");
            JsonNode offsets = step.get("offsets");
            steps[k] = new ConformalCalibration.StepOffsets(count,
                    offsets == null || offsets.isNull() ? null : doubles(offsets, at + ".offsets"));
        }
        return steps;
    }

    private static double[] doubles(JsonNode node, String where) {
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException(where + ": expected an array of numbers");
        }
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            if (!node.get(i).isNumber()) {
                throw new IllegalArgumentException(where + "[" + i + "]: expected a number (got " + node.get(i) + ")");
            }
            values[i] = node.get(i).doubleValue();
        }
        return values;
    }

    private static int integer(JsonNode node, String where) {
        if (node == null || !node.isInt()) {
            throw new IllegalArgumentException(where + ": expected an integer (got " + node + ")");
        }
        return node.intValue();
    }
}
