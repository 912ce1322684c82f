package io.demandcast.core.model;

import io.demandcast.core.Progress;
import io.demandcast.core.artifact.Artifact;
import io.demandcast.core.artifact.ArtifactException;
import io.demandcast.core.artifact.ArtifactStore;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.config.PredictConfig;
import io.demandcast.core.data.PanelColumns;
import io.demandcast.core.evaluate.ForecastCalibration;
import io.demandcast.core.prepare.PrepareJob;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A published model loaded as {@code predict} loads it (checksums verified, {@code predict.version},
 * {@code predict.max_model_age}) and brought up to the newest data ({@code predict.data}, else the
 * prepared dataset; {@code predict.update}), for a verb that reads its forecasts without publishing
 * them: {@code plan}. Nothing is written, not even the forecast log.
 *
 * <p>The steps are {@link PredictJob#run}'s up to its forecast, which stays the one that writes a
 * forecast file; this class only omits the writing.
 */
public final class PublishedModel {
    private final ExperimentConfig config;
    private final ExperimentConfig fresh;
    private final Artifact artifact;
    private final FittedModel model;
    private final PredictHistory history;
    private final ModelUpdate update;

    private PublishedModel(ExperimentConfig config, ExperimentConfig fresh, Artifact artifact, FittedModel model,
                           PredictHistory history, ModelUpdate update) {
        this.config = config;
        this.fresh = fresh;
        this.artifact = artifact;
        this.model = model;
        this.history = history;
        this.update = update;
    }

    /**
     * Loads {@code <train.store>/<model.name>/<predict.version>} and feeds it the newer data.
     *
     * @throws ArtifactException when the artifact is missing, tampered, of another format or too old
     * @throws io.demandcast.core.data.DataException when the model cannot follow the newest data
     */
    public static PublishedModel load(ExperimentConfig config, ModelRegistry registry, Progress progress) throws IOException {
        ArtifactStore store = new ArtifactStore(Path.of(config.train().store()));
        Artifact artifact = store.resolve(config.model().name(), config.predict().version());
        io.demandcast.core.artifact.ManifestCheck check = store.verify(artifact);
        java.time.Duration maxAge = config.predict().maxModelAgeDuration();
        if (maxAge != null) {
            ModelAge.require(artifact, maxAge, ModelAge.Limit.NAMED_BY_CONFIG, java.time.Instant.now());
        }
        ModelFamily family;
        try {
            family = registry.family(artifact.manifest().modelFamily());
        } catch (IllegalArgumentException e) {
            throw new ArtifactException(artifact.directory() + ": " + e.getMessage() + "; it needs a newer demandcast", e);
        }
        FittedModel model;
        try {
            model = family.load(artifact.payloadDirectory());
        } catch (IOException | RuntimeException e) {
            throw new ArtifactException(artifact.directory() + ": cannot load the " + family.name() + " model: " + e.getMessage(), e);
        }
        progress.report("plan: " + artifact.name() + " " + artifact.version() + " (checksums verified, " + check.description() + "), "
                + model.seriesIds().size() + " series");
        ExperimentConfig fresh = config.predict().data() == null ? config : PrepareJob.withNewerData(config, Path.of(config.predict().data()));
        PanelColumns columns = config.predict().data() == null ? ModelColumns.of(model) : PanelColumns.ALL;
        PredictHistory history = PredictHistory.load(fresh, config, model, artifact.manifest().data(), System::getenv, columns);
        ModelUpdate update = ModelUpdate.apply(model, history == null ? null : history.all(), config.predict().update(),
                history == null ? null : history.source());
        if (update.updated()) {
            progress.report("plan: fed " + update.seriesUpdated() + " series up to " + update.periodsFed() + " newer period(s) of "
                    + history.source() + " (" + update.modelEnd() + " .. " + update.dataEnd() + "), fitted parameters fixed");
        }
        return new PublishedModel(config, fresh, artifact, update.model(), history, update);
    }

    public String name() {
        return artifact.name();
    }

    public String version() {
        return artifact.version();
    }

    /** The series the model forecasts, in its order. */
    public List<String> seriesIds() {
        return model.seriesIds();
    }

    /** The last data date the forecasts start after, null when unknown. */
    public java.time.LocalDate dataEnd() {
        return update.dataEnd();
    }

    /** Whether {@code predict} clips this model's forecasts at zero (the training target had no negative value). */
    public boolean clipsAtZero() throws IOException {
        return ForecastCalibration.load(artifact.payloadDirectory()).clipAtZero();
    }

    /**
     * The forecast {@code predict} would publish for {@code horizon} steps and {@code levels}, with its
     * conformal intervals when {@code predict.intervals: conformal}, but not clipped at zero (see
     * {@link #clipsAtZero}): a caller reading the spread of the quantiles needs it unclipped.
     *
     * @throws io.demandcast.core.data.DataException when a known covariate is missing over the horizon
     * @throws ArtifactException when conformal intervals are asked of a model without their calibration,
     *                           or for other levels than it was calibrated at
     */
    public Forecast forecastUnclipped(int horizon, double[] levels) throws IOException {
        ForecastRequest request = new ForecastRequest(horizon, levels, PredictCovariates.build(fresh, model, horizon, history, System::getenv));
        Forecast raw;
        try {
            raw = model.forecast(request);
        } catch (IllegalArgumentException e) {
            throw new io.demandcast.core.data.DataException("plan: " + e.getMessage(), e);
        }
        ForecastCalibration stored = ForecastCalibration.load(artifact.payloadDirectory());
        ForecastCalibration unclipped = new ForecastCalibration(false, stored.conformal(), stored.windows(), stored.scales(), stored.groups(),
                stored.cumulative(), stored.counts());
        try {
            return unclipped.apply(raw, config.predict().intervals() == PredictConfig.Intervals.conformal, artifact.directory().toString());
        } catch (IllegalArgumentException e) {
            throw new ArtifactException(artifact.directory() + ": " + e.getMessage(), e);
        }
    }
}
