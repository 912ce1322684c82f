package io.demandcast.core.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.AtomicFiles;
import io.demandcast.core.Progress;
import io.demandcast.core.artifact.ArtifactManifest;
import io.demandcast.core.config.BacktestConfig;
import io.demandcast.core.data.Panel;
import io.demandcast.core.evaluate.ConformalCalibration;
import io.demandcast.core.evaluate.NonNegative;
import io.demandcast.core.evaluate.backtest.BacktestEngine;
import io.demandcast.core.evaluate.backtest.BacktestModel;
import io.demandcast.core.evaluate.backtest.BacktestPlan;
import io.demandcast.core.evaluate.backtest.ModelRun;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.Forecaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.function.UnaryOperator;

/**
 * The error a model version made in a rolling-origin backtest, per forecast step: what
 * {@code monitor} holds its rolling error against. The version's family and parameters are
 * backtested by the one {@link BacktestEngine} on the data up to the version's forecast origin (so
 * on no actual the monitored forecasts are scored on), and each out-of-sample error is scaled as
 * {@link MonitorMetrics} scales the monitored ones.
 *
 * @param version   the model version
 * @param origin    the last data date the backtest used
 * @param windows   backtest windows
 * @param perStep   mean scaled absolute error at step 1..h (index 0 = step 1), NaN where none
 * @param counts    errors averaged per step
 */
public record ReferenceError(String version, LocalDate origin, int windows, double[] perStep, int[] counts) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The reference at a step (1-based), NaN beyond the backtest's horizon. */
    public double at(int step) {
        return step >= 1 && step <= perStep.length ? perStep[step - 1] : Double.NaN;
    }

    public int horizon() {
        return perStep.length;
    }

    /**
     * Backtests {@code forecaster} on {@code history} and {@code actuals} cut at {@code originPeriod}.
     *
     * @param section the experiment's {@code backtest} section (its horizon replaced by {@code horizon}),
     *                or null for {@code windows} windows of {@code horizon} periods
     */
    static ReferenceError compute(ArtifactManifest manifest, Forecaster forecaster, Panel history, Panel actuals, int originPeriod,
                                  BacktestConfig section, int windows, int horizon, int seasonLength, double[] levels, boolean clip,
                                  Collection<String> pastOnly, Progress progress) {
        Panel fitted = history.sliceUntil(originPeriod);
        Panel observed = actuals.sliceUntil(originPeriod);
        BacktestConfig bt = section == null
                ? new BacktestConfig(horizon, windows, null, null, null, null, null, null, null)
                : new BacktestConfig(horizon, section.windows(), section.step(), section.cutoffs(), section.cutoffDates(),
                section.window(), section.windowLength(), section.refitEvery(), section.minTrain());
        BacktestPlan plan = BacktestPlan.of(fitted, observed, bt, horizon);
        UnaryOperator<Forecast> adjust = clip ? NonNegative::clipAtZero : UnaryOperator.identity();
        BacktestModel model = new BacktestModel(manifest.name() + "@" + manifest.version(), BacktestModel.Role.CANDIDATE,
                forecaster, "monitor reference");
        progress.report("monitor: reference backtest of " + manifest.name() + " " + manifest.version() + " ("
                + manifest.modelFamily() + "), " + plan.windows() + " window(s) of " + horizon + " periods up to "
                + fitted.axis().date(originPeriod));
        ModelRun run = BacktestEngine.run(model, fitted, plan, bt.refitInterval(), levels, adjust, progress, pastOnly);
        double[] sums = new double[horizon];
        int[] counts = new int[horizon];
        for (int w = 0; w < plan.windows(); w++) {
            Forecast f = run.forecasts().get(w);
            for (int i = 0; i < f.seriesCount(); i++) {
                int s = observed.indexOf(f.seriesId(i));
                int cutoff = f.firstPeriod(i) - 1;
                double scale = ConformalCalibration.scaleOf(SeriesValues.until(observed, s, cutoff), seasonLength);
                for (int k = 0; k < f.horizon(); k++) {
                    double y = SeriesValues.at(observed, s, cutoff + 1 + k);
                    double e = Math.abs(y - f.point(i, k)) / scale;
                    if (Double.isFinite(e)) {
                        sums[k] += e;
                        counts[k]++;
                    }
                }
            }
        }
        double[] perStep = new double[horizon];
        for (int k = 0; k < horizon; k++) {
            perStep[k] = counts[k] == 0 ? Double.NaN : sums[k] / counts[k];
        }
        return new ReferenceError(manifest.version(), fitted.axis().date(originPeriod), plan.windows(), perStep, counts);
    }

    /** The cached reference of a version, or null when there is none (or it is unreadable: computed again). */
    static ReferenceError read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(file.toFile());
            JsonNode steps = n.get("per_step");
            JsonNode counts = n.get("counts");
            double[] perStep = new double[steps.size()];
            int[] c = new int[steps.size()];
            for (int k = 0; k < perStep.length; k++) {
                perStep[k] = steps.get(k).isNumber() ? steps.get(k).asDouble() : Double.NaN;
                c[k] = counts.get(k).asInt();
            }
            return new ReferenceError(n.get("version").asText(), LocalDate.parse(n.get("origin").asText()), n.get("windows").asInt(),
                    perStep, c);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    void write(Path file) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("version", version);
        n.put("origin", origin.toString());
        n.put("windows", windows);
        ArrayNode steps = n.putArray("per_step");
        ArrayNode c = n.putArray("counts");
        for (int k = 0; k < perStep.length; k++) {
            if (Double.isFinite(perStep[k])) {
                steps.add(perStep[k]);
            } else {
                steps.addNull();
            }
            c.add(counts[k]);
        }
        Files.createDirectories(file.getParent());
        AtomicFiles.writeText(file, JSON.writeValueAsString(n) + "\n");
    }
}
