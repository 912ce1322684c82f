package io.demandcast.core.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PanelBuilder;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastCsvWriter;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelFamily;
import io.demandcast.core.model.ModelRegistry;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Artifacts written by an earlier demandcast are committed under
 * {@code src/test/resources/artifacts/}: each must still load (checksums verified) and forecast
 * exactly what it forecast when it was written. A failure here means a change broke old models.
 * To add a family's fixture (never to refresh an existing one), run with
 * {@code -Ddemandcast.writeArtifactFixtures=true}.
 */
class ArtifactFixtureTest {
    private static final Path FIXTURES = Path.of("src", "test", "resources", "artifacts");
    private static final ForecastRequest REQUEST = new ForecastRequest(12, 0.1, 0.5, 0.9);
    private static final List<String> FAMILIES = List.of("naive", "seasonal_naive", "drift", "window_average", "theta",
            "auto_ets", "holt_winters", "auto_arima", "croston", "sba", "tsb", "adida", "imapa", "combination", "auto");

    static Stream<String> families() {
        return FAMILIES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void committedArtifactLoadsAndForecastsAsWhenWritten(String family) throws Exception {
        ModelFamily f = ModelRegistry.standard().family(family);
        ArtifactStore store = new ArtifactStore(FIXTURES.resolve("store"));
        Path expectedFile = FIXTURES.resolve("expected").resolve(family + ".csv");
        if (Boolean.getBoolean("demandcast.writeArtifactFixtures") && !Files.exists(expectedFile)) {
            write(f, store, expectedFile);
        }
        Artifact artifact = store.load(family, ArtifactStore.LATEST);
        FittedModel loaded = f.load(artifact.payloadDirectory());
        assertEquals(Files.readString(expectedFile), csv(loaded.forecast(REQUEST)));
    }

    private static void write(ModelFamily family, ArtifactStore store, Path expectedFile) throws Exception {
        Panel panel = panel();
        FittedModel fitted = family.create(new ObjectMapper().createObjectNode(), ModelContext.of(Frequency.MONTHLY)).fit(panel);
        store.publish(family.name(), new ArtifactContents(fitted::save, family.name(), null, "name: fixture\n",
                new DataFingerprint("fixture", null, null, null), List.of(), List.of(), Map.of(),
                RuntimeVersions.current("fixture"), Instant.parse("2026-11-24T00:00:00Z"), null));
        Files.createDirectories(expectedFile.getParent());
        Files.writeString(expectedFile, csv(fitted.forecast(REQUEST)));
    }

    /** Three monthly series: seasonal with trend, intermittent, short. */
    private static Panel panel() {
        LocalDate start = LocalDate.of(2020, 1, 1);
        double[] seasonal = new double[48];
        double[] sparse = new double[48];
        for (int t = 0; t < 48; t++) {
            seasonal[t] = 100 + 2 * t + 15 * Math.sin(2 * Math.PI * t / 12) + ((t * 7919) % 11 - 5);
            sparse[t] = t % 4 == 1 ? 2 + t % 3 : 0;
        }
        return new PanelBuilder(Frequency.MONTHLY, start)
                .add("seasonal", start, seasonal)
                .add("sparse", start, sparse)
                .add("short", start.plusMonths(38), 5, 7, 6, 8, 9, 7, 8, 10, 9, 11)
                .build();
    }

    private static String csv(Forecast forecast) throws Exception {
        StringWriter out = new StringWriter();
        ForecastCsvWriter.write(forecast, out);
        return out.toString();
    }
}
