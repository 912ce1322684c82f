package io.demandcast.core.model.deep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a network was trained, kept in the model file for diagnostics and benchmarks.
 *
 * @param trainingWindows   windows learnt from per epoch
 * @param validationWindows windows held out
 * @param parameters        the network's number of weights
 * @param epochs            each epoch run: training loss, validation loss (NaN without validation), seconds
 * @param bestEpoch         the epoch whose weights were kept
 * @param stoppedEarly      whether early stopping ended training before {@code epochs}
 * @param residualSource    the windows the residual quantiles come from: {@code validation} or {@code training}
 * @param backend           the ND4J backend that trained it, as {@link BackendInfo#describe()} says ({@code unknown} when not recorded)
 * @param precision         {@code float32} or {@code float16}
 */
record TrainingSummary(int trainingWindows, int validationWindows, long parameters, List<EpochTrainer.Epoch> epochs, int bestEpoch,
                       boolean stoppedEarly, String residualSource, String backend, String precision) {

    TrainingSummary {
        epochs = List.copyOf(epochs);
        backend = backend == null || backend.isEmpty() ? "unknown" : backend;
        precision = precision == null || precision.isEmpty() ? "float32" : precision;
    }

    /** Mean seconds per epoch. */
    double secondsPerEpoch() {
        return epochs.stream().mapToDouble(EpochTrainer.Epoch::seconds).average().orElse(0);
    }

    /** The summary without the per-epoch list: what a backtest reports per fit. */
    Map<String, Object> brief() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("training_windows", trainingWindows);
        m.put("validation_windows", validationWindows);
        m.put("parameters", parameters);
        m.put("epochs_run", epochs.size());
        m.put("best_epoch", bestEpoch);
        m.put("stopped_early", stoppedEarly);
        m.put("seconds_per_epoch", secondsPerEpoch());
        m.put("backend", backend);
        m.put("precision", precision);
        return m;
    }

    void write(ObjectNode o) {
        o.put("training_windows", trainingWindows);
        o.put("validation_windows", validationWindows);
        o.put("parameters", parameters);
        o.put("epochs_run", epochs.size());
        o.put("best_epoch", bestEpoch);
        o.put("stopped_early", stoppedEarly);
        o.put("residual_source", residualSource);
        o.put("backend", backend);
        o.put("precision", precision);
        o.put("seconds_per_epoch", secondsPerEpoch());
        ArrayNode a = o.putArray("epochs");
        for (EpochTrainer.Epoch e : epochs) {
            ObjectNode eo = a.addObject();
            eo.put("epoch", e.epoch());
            eo.put("loss", e.loss());
            if (Double.isFinite(e.validationLoss())) {
                eo.put("validation_loss", e.validationLoss());
            } else {
                eo.putNull("validation_loss");
            }
            eo.put("seconds", e.seconds());
        }
    }

    static TrainingSummary read(JsonNode o) {
        List<EpochTrainer.Epoch> epochs = new ArrayList<>();
        for (JsonNode e : o.path("epochs")) {
            JsonNode v = e.path("validation_loss");
            epochs.add(new EpochTrainer.Epoch(e.path("epoch").asInt(), e.path("loss").asDouble(), v.isNumber() ? v.doubleValue() : Double.NaN,
                    e.path("seconds").asDouble()));
        }
        return new TrainingSummary(o.path("training_windows").asInt(), o.path("validation_windows").asInt(), o.path("parameters").asLong(),
                epochs, o.path("best_epoch").asInt(), o.path("stopped_early").asBoolean(), o.path("residual_source").asText(),
                o.path("backend").asText(""), o.path("precision").asText(""));
    }
}
