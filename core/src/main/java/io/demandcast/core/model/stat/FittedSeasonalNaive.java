package io.demandcast.core.model.stat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.TimeAxis;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.hipparchus.distribution.continuous.NormalDistribution;

/** A fitted naive / seasonal naive model: per series, the last season of values and the residual scale. */
final class FittedSeasonalNaive implements FittedModel {
    static final String STATE_FILE = "state.json";
    private static final int FORMAT_VERSION = 1;
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

    private final String family;
    private final int seasonLength;
    private final TimeAxis axis;
    private final String[] ids;
    private final int[] lastPeriods;
    private final double[][] tails;
    private final double[] sigmas;

    FittedSeasonalNaive(String family, int seasonLength, TimeAxis axis, String[] ids, int[] lastPeriods,
                        double[][] tails, double[] sigmas) {
        this.family = family;
        this.seasonLength = seasonLength;
        this.axis = axis;
        this.ids = ids;
        this.lastPeriods = lastPeriods;
        this.tails = tails;
        this.sigmas = sigmas;
    }

    @Override
    public String family() {
        return family;
    }

    @Override
    public List<String> seriesIds() {
        return List.of(ids);
    }

    @Override
    public Forecast forecast(ForecastRequest request) {
        int h = request.horizon();
        double[] levels = request.quantileLevels();
        double[] z = new double[levels.length];
        for (int q = 0; q < levels.length; q++) {
            z[q] = STANDARD_NORMAL.inverseCumulativeProbability(levels[q]);
        }
        int n = ids.length;
        double[] point = new double[n * h];
        double[][] quantiles = new double[levels.length][n * h];
        int[] first = new int[n];
        for (int s = 0; s < n; s++) {
            first[s] = lastPeriods[s] + 1;
            for (int step = 0; step < h; step++) {
                double value = tails[s][step % seasonLength];
                double sd = sigmas[s] * Math.sqrt(step / seasonLength + 1);
                point[s * h + step] = value;
                for (int q = 0; q < levels.length; q++) {
                    quantiles[q][s * h + step] = value + z[q] * sd;
                }
            }
        }
        return new Forecast(family, axis, ids, first, h, point, levels, quantiles);
    }

    @Override
    public void save(Path directory) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("format_version", FORMAT_VERSION);
        root.put("family", family);
        root.put("season_length", seasonLength);
        root.put("frequency", axis.frequency().label());
        root.put("anchor", axis.anchor().toString());
        ArrayNode series = root.putArray("series");
        for (int s = 0; s < ids.length; s++) {
            ObjectNode one = series.addObject();
            one.put("id", ids[s]);
            one.put("last_period", lastPeriods[s]);
            ArrayNode tail = one.putArray("last_season");
            for (double v : tails[s]) {
                tail.add(v);
            }
            one.put("sigma", sigmas[s]);
        }
        Files.writeString(directory.resolve(STATE_FILE), json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    /** Reads what {@link #save} wrote; {@code expectedFamily} guards against a mismatched loader. */
    static FittedSeasonalNaive load(Path directory, String expectedFamily) throws IOException {
        Path file = directory.resolve(STATE_FILE);
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        int version = root.path("format_version").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new IOException(file + ": unsupported format_version " + version + " (this build reads " + FORMAT_VERSION + ")");
        }
        String family = root.path("family").asText();
        if (!family.equals(expectedFamily)) {
            throw new IOException(file + ": holds a '" + family + "' model, not '" + expectedFamily + "'");
        }
        int m = root.path("season_length").asInt();
        TimeAxis axis = new TimeAxis(Frequency.parse(root.path("frequency").asText()), LocalDate.parse(root.path("anchor").asText()));
        JsonNode series = root.path("series");
        int n = series.size();
        String[] ids = new String[n];
        int[] last = new int[n];
        double[][] tails = new double[n][];
        double[] sigmas = new double[n];
        for (int s = 0; s < n; s++) {
            JsonNode one = series.get(s);
            ids[s] = one.path("id").asText();
            last[s] = one.path("last_period").asInt();
            JsonNode tail = one.path("last_season");
            if (tail.size() != m) {
                throw new IOException(file + ": series '" + ids[s] + "' has " + tail.size() + " last_season values, expected " + m);
            }
            tails[s] = new double[m];
            for (int j = 0; j < m; j++) {
                tails[s][j] = tail.get(j).asDouble();
            }
            sigmas[s] = one.path("sigma").asDouble();
        }
        return new FittedSeasonalNaive(family, m, axis, ids, last, tails, sigmas);
    }
}
