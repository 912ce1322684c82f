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
import java.util.stream.IntStream;

/**
 * Per-series fits of one local method. Saved as {@code state.json}:
 * <pre>
 * { "format_version": 1, "family": ..., "parameters": {...}, "frequency": ..., "anchor": ...,
 *   "series": [ { "id": ..., "last_period": ..., "state": { method-specific plain numbers } }, ... ] }
 * </pre>
 */
public final class FittedLocalModel implements FittedModel {
    static final String STATE_FILE = "state.json";
    static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SeriesMethod method;
    private final TimeAxis axis;
    private final String[] ids;
    private final int[] lastPeriods;
    private final SeriesFit[] fits;

    FittedLocalModel(SeriesMethod method, TimeAxis axis, String[] ids, int[] lastPeriods, SeriesFit[] fits) {
        this.method = method;
        this.axis = axis;
        this.ids = ids;
        this.lastPeriods = lastPeriods;
        this.fits = fits;
    }

    @Override
    public String family() {
        return method.family();
    }

    @Override
    public List<String> seriesIds() {
        return List.of(ids);
    }

    /** The fit of one series (for tests and diagnostics). */
    public SeriesFit fit(int series) {
        return fits[series];
    }

    @Override
    public Forecast forecast(ForecastRequest request) {
        int h = request.horizon();
        double[] levels = request.quantileLevels();
        int n = ids.length;
        double[] point = new double[n * h];
        double[][] quantiles = new double[levels.length][n * h];
        int[] first = new int[n];
        IntStream.range(0, n).parallel().forEach(s -> {
            first[s] = lastPeriods[s] + 1;
            SeriesForecast f = fits[s].forecast(h, levels);
            System.arraycopy(f.point(), 0, point, s * h, h);
            for (int q = 0; q < levels.length; q++) {
                System.arraycopy(f.quantiles()[q], 0, quantiles[q], s * h, h);
            }
        });
        return new Forecast(method.family(), axis, ids, first, h, point, levels, quantiles);
    }

    @Override
    public void save(Path directory) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", FORMAT_VERSION);
        root.put("family", method.family());
        root.set("parameters", JSON.valueToTree(method.parameters()));
        root.put("frequency", axis.frequency().label());
        root.put("anchor", axis.anchor().toString());
        ArrayNode series = root.putArray("series");
        for (int s = 0; s < ids.length; s++) {
            ObjectNode one = series.addObject();
            one.put("id", ids[s]);
            one.put("last_period", lastPeriods[s]);
            one.set("state", fits[s].state());
        }
        Files.writeString(directory.resolve(STATE_FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    /**
     * Reads what {@link #save} wrote, with {@code method} (built from the saved parameters) reading
     * each series' state.
     *
     * @throws IOException naming the file on a format or family mismatch
     */
    static FittedLocalModel load(Path directory, String family, java.util.function.Function<JsonNode, SeriesMethod> methodFromParameters)
            throws IOException {
        Path file = directory.resolve(STATE_FILE);
        JsonNode root = JSON.readTree(file.toFile());
        int version = root.path("format_version").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new IOException(file + ": unsupported format_version " + version + " (this build reads " + FORMAT_VERSION + ")");
        }
        String saved = root.path("family").asText();
        if (!saved.equals(family)) {
            throw new IOException(file + ": holds a '" + saved + "' model, not '" + family + "'");
        }
        SeriesMethod method = methodFromParameters.apply(root.path("parameters"));
        TimeAxis axis = new TimeAxis(Frequency.parse(root.path("frequency").asText()), LocalDate.parse(root.path("anchor").asText()));
        JsonNode series = root.path("series");
        int n = series.size();
        String[] ids = new String[n];
        int[] last = new int[n];
        SeriesFit[] fits = new SeriesFit[n];
        for (int s = 0; s < n; s++) {
            JsonNode one = series.get(s);
            ids[s] = one.path("id").asText();
            last[s] = one.path("last_period").asInt();
            try {
                fits[s] = method.load(one.path("state"));
            } catch (RuntimeException e) {
                throw new IOException(file + ": series '" + ids[s] + "': " + e.getMessage(), e);
            }
        }
        return new FittedLocalModel(method, axis, ids, last, fits);
    }
}
