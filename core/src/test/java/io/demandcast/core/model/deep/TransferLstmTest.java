package io.demandcast.core.model.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.Sha256;
import io.demandcast.core.data.DatasetManifest;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.PreparedDataset;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastRequest;
import io.demandcast.core.model.Forecaster;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.data.Frequency;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pretrain} and {@code fine_tune} of the {@code lstm} family on tiny panels. */
class TransferLstmTest {
    private static final ModelContext DAILY_7 = new ModelContext(Frequency.DAILY, 7, 7, List.of());
    private static final String NET = "lookback: 14, layers: 2, units: 8, dropout: 0, epochs: 3, patience: 0, batch_size: 32,"
            + " learning_rate: 0.01, max_windows: 40";
    private static final int N = 120;
    private static final int H = 7;

    @TempDir
    Path tmp;

    /** A prepared dataset of {@code series} weekly-pattern series over periods 0 .. length - 1. */
    private Path related(String name, int series, int length, Map<String, BiFunction<Integer, Integer, Double>> numeric) throws Exception {
        return related(name, LstmForecastTest.seasonal(series, length, 7), length, numeric);
    }

    /** A prepared dataset of the first {@code length} periods of {@code y}. */
    private Path related(String name, double[][] y, int length, Map<String, BiFunction<Integer, Integer, Double>> numeric) throws Exception {
        int series = y.length;
        Panel panel = LstmForecastTest.panel(0, length, (s, t) -> y[s][t], numeric, Map.of(), series);
        LocalDate last = panel.axis().date(length - 1);
        DatasetManifest manifest = DatasetManifest.describe(name, Instant.parse("2026-11-24T10:15:30Z"), panel, "sales",
                new DatasetManifest.Split(last, null, null), List.of(), List.of(new DatasetManifest.InputFile("x.csv", 1, Sha256.text("x"))),
                Sha256.text("config"), "test", List.of());
        Path dir = tmp.resolve(name);
        PreparedDataset.create(dir, manifest, panel, Map.of());
        return dir;
    }

    /** Four target series over periods 0 .. N - 1, two per {@code store}. */
    private static Panel target() {
        double[][] y = LstmForecastTest.seasonal(4, N, 3);
        return LstmForecastTest.panel(0, N, (s, t) -> y[s][t] * 0.7, Map.of(), Map.of("store", new String[] {"A", "A", "B", "B"}), 4);
    }

    private static Forecaster forecaster(Path prepared, String fineTune) {
        String params = "{" + NET + ", pretrain: {prepared: '" + prepared.toString().replace('\\', '/') + "', epochs: 2},"
                + " fine_tune: " + fineTune + "}";
        return new LstmFamily().create(LstmForecastTest.yaml(params), DAILY_7);
    }

    @Test
    void fineTuningPerGroupKeepsTheFrozenLayerAndTrainsTheRest() throws Exception {
        Path prepared = related("related", 6, N + 40, Map.of());
        Forecaster forecaster = forecaster(prepared, "{group_by: store, freeze: [0], epochs: 2}");
        Panel history = target();
        FittedTransferLstm fitted = (FittedTransferLstm) forecaster.fit(history);

        assertEquals(List.of("A", "B"), fitted.groups().stream().map(FittedTransferLstm.Group::value).toList());
        assertEquals(List.of("s0", "s1"), fitted.groups().get(0).model().seriesIds());
        FittedLstmModel parent = (FittedLstmModel) fitted.pretrained();
        float[] parentLayer0 = TransferNetworks.layerParameters(parent.network(), 0);
        float[] parentLayer1 = TransferNetworks.layerParameters(parent.network(), 1);
        for (FittedTransferLstm.Group g : fitted.groups()) {
            assertArrayEquals(parentLayer0, TransferNetworks.layerParameters(g.model().network(), 0), "frozen layer 0 of group " + g.value());
            assertFalse(java.util.Arrays.equals(parentLayer1, TransferNetworks.layerParameters(g.model().network(), 1)),
                    "layer 1 of group " + g.value() + " was fine-tuned");
        }
        // the parent saw the related data only up to the target history's last date
        assertEquals(history.axis().date(N - 1), fitted.parentRef().dataEnd());
        assertEquals(6, fitted.parentRef().series());
        assertNull(fitted.parentRef().artifact());
        // the fit summary (metrics.json's fits): the fine-tuning of each group and the pre-training
        Map<String, Object> summary = fitted.fitSummary();
        assertEquals(2, summary.get("groups"));
        assertEquals(List.of(2, 2), summary.get("group_epochs_run"));
        assertEquals(2, summary.get("epochs_run"));
        assertTrue(((Map<?, ?>) summary.get("pretrained")).containsKey("epochs_run"), summary.toString());

        Forecast f = fitted.forecast(new ForecastRequest(H, 0.1, 0.9));
        assertEquals(List.of("s0", "s1", "s2", "s3"), f.seriesIds());
        assertEquals(N, f.firstPeriod(3));

        Path dir = Files.createDirectories(tmp.resolve("saved"));
        fitted.save(dir);
        assertTrue(Files.isRegularFile(dir.resolve("groups/1/network.zip")));
        FittedModel loaded = new LstmFamily().load(dir);
        Forecast g = loaded.forecast(new ForecastRequest(H, 0.1, 0.9));
        assertEquals(f.seriesIds(), g.seriesIds());
        for (int s = 0; s < 4; s++) {
            assertArrayEquals(f.points(s), g.points(s), "series " + s + " after a reload");
            for (int k = 0; k < H; k++) {
                assertEquals(f.quantile(0, s, k), g.quantile(0, s, k));
            }
        }
        assertEquals(history.axis().date(N - 1), ((FittedTransferLstm) loaded).parentRef().dataEnd());
        // a loaded fine-tuned model still updates its series' states
        assertEquals(4, ((FittedTransferLstm) loaded).update(history).seriesIds().size());
    }

    @Test
    void preTrainingDataAfterTheHistoryNeverReachTheModel() throws Exception {
        // the same related series, once ending with the history and once running 60 days further:
        // a backtest's fit must come out identical, so no later value leaks in through pre-training
        double[][] y = LstmForecastTest.seasonal(5, N + 60, 7);
        Path cut = related("cut", y, N, Map.of());
        Path longer = related("longer", y, N + 60, Map.of());
        Panel history = target();
        Forecast a = forecaster(cut, "{group_by: none, freeze: [0], epochs: 2}").fit(history).forecast(new ForecastRequest(H));
        Forecast b = forecaster(longer, "{group_by: none, freeze: [0], epochs: 2}").fit(history).forecast(new ForecastRequest(H));
        for (int s = 0; s < 4; s++) {
            assertArrayEquals(a.points(s), b.points(s), "series " + s);
        }
    }

    @Test
    void theTargetDataMustHoldEveryColumnThePreTrainedNetworkReads() throws Exception {
        Path prepared = related("promo", 4, N, Map.of("promo", (s, t) -> (double) (t % 3)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> forecaster(prepared, "{group_by: none, freeze: [0]}").fit(target()));
        assertTrue(e.getMessage().contains("'promo'"), e.getMessage());
    }

    @Test
    void badTransferKeysAreNamed() throws Exception {
        Path prepared = related("keys", 4, N, Map.of());
        IllegalArgumentException groupBy = assertThrows(IllegalArgumentException.class,
                () -> forecaster(prepared, "{group_by: region}").fit(target()));
        assertTrue(groupBy.getMessage().startsWith("model.params.fine_tune.group_by"), groupBy.getMessage());
        IllegalArgumentException freeze = assertThrows(IllegalArgumentException.class, () -> forecaster(prepared, "{freeze: [1]}"));
        assertTrue(freeze.getMessage().startsWith("model.params.fine_tune.freeze"), freeze.getMessage());
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class, () -> forecaster(prepared, "{freeze: [0, 1, 2]}"));
        assertTrue(tooMany.getMessage().contains("2 LSTM layers"), tooMany.getMessage());
        IllegalArgumentException epochs = assertThrows(IllegalArgumentException.class, () -> forecaster(prepared, "{epochs: 0}"));
        assertTrue(epochs.getMessage().startsWith("model.params.fine_tune.epochs"), epochs.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> new LstmFamily().create(LstmForecastTest.yaml("{pretrain: {prepared: x, epoch: 2}, fine_tune: {}}"), DAILY_7));
        assertTrue(unknown.getMessage().contains("model.params.pretrain.epoch "), unknown.getMessage());
        IllegalArgumentException alone = assertThrows(IllegalArgumentException.class,
                () -> new LstmFamily().create(LstmForecastTest.yaml("{pretrain: {prepared: x}}"), DAILY_7));
        assertTrue(alone.getMessage().contains("model.params.fine_tune"), alone.getMessage());
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> forecaster(prepared, "{from: parent@v1}"));
        assertTrue(both.getMessage().contains("both"), both.getMessage());
        IllegalArgumentException storeAlone = assertThrows(IllegalArgumentException.class,
                () -> new LstmFamily().create(LstmForecastTest.yaml("{fine_tune: {store: x}}"), DAILY_7));
        assertTrue(storeAlone.getMessage().startsWith("model.params.fine_tune.store"), storeAlone.getMessage());
        IllegalArgumentException noArtifact = assertThrows(IllegalArgumentException.class, () -> new LstmFamily()
                .create(LstmForecastTest.yaml("{fine_tune: {from: nothing, store: '" + tmp.resolve("store").toString().replace('\\', '/')
                        + "'}}"), DAILY_7).fit(target()));
        assertTrue(noArtifact.getMessage().startsWith("model.params.fine_tune.from"), noArtifact.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> forecaster(tmp.resolve("nowhere"), "{}").fit(target()));
        assertTrue(missing.getMessage().startsWith("model.params.pretrain.prepared"), missing.getMessage());
    }

    @Test
    void theTransferBenchmarkConfigsModelsAreValid() {
        var config = io.demandcast.core.config.ConfigLoader.load(Path.of("../configs/deep-m5-tiny-transfer.yaml"), List.of());
        ModelContext context = new ModelContext(Frequency.DAILY, 7, 28, List.of());
        List<String> transfer = new java.util.ArrayList<>();
        for (var m : config.models()) {
            Forecaster f = io.demandcast.core.model.ModelFactory.create(io.demandcast.core.model.ModelRegistry.standard(), m.family(),
                    m.params(), context, m.name());
            if (f instanceof TransferLstmForecaster) {
                transfer.add(m.name());
            }
        }
        assertEquals(List.of("lstm-transfer", "lstm-transfer-store"), transfer);
        io.demandcast.core.config.ConfigLoader.load(Path.of("../configs/deep-m5-smooth-ca-pretrain.yaml"), List.of());
    }

    /** Every model of the M5-aggregates deep benchmark config builds (families and parameters valid). */
    @Test
    void theDeepBenchmarkConfigsModelsAreValid() {
        for (String file : List.of("../configs/deep-m5-aggregates.yaml", "../configs/lstm-quickstart.yaml")) {
            var config = io.demandcast.core.config.ConfigLoader.load(Path.of(file), List.of());
            ModelContext context = new ModelContext(Frequency.DAILY, 7, 28, List.of());
            for (var m : config.models()) {
                io.demandcast.core.model.ModelFactory.create(io.demandcast.core.model.ModelRegistry.standard(), m.family(), m.params(),
                        context, m.name());
            }
        }
    }
}
