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
import io.demandcast.core.prepare.PreparedSplits;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A published model loaded as {@code predict} loads it (checksums verified, {@code predict.version},
 * {@code predict.max_model_age}) and brought up to the newest data ({@code predict.data}, else the
 * prepared dataset; {@code predict.update}), for a verb that reads its forecasts without publishing
 * them: {@code plan}. Nothing is written, not even the forecast log.
 *
 * <p>{@link PredictJob#run} loads its model through the same two steps ({@link #open},
 * {@link Opened#bringUpToDate}) and stays the one that writes a forecast file.
 */
public final class PublishedModel {
    private final ExperimentConfig config;
    private final ExperimentConfig fresh;
    private final Artifact artifact;
    private final FittedModel model;
    private final PredictHistory history;
    private final ModelUpdate update;
    private final ForecastCalibration calibration;

    private PublishedModel(ExperimentConfig config, ExperimentConfig fresh, Artifact artifact, FittedModel model,
                           PredictHistory history, ModelUpdate update) throws IOException {
        this.config = config;
        this.fresh = fresh;
        this.artifact = artifact;
        this.model = model;
        this.history = history;
        this.update = update;
        // Read once: with conformal cumulative scores it can be a few MB, and plan needs it more than once.
        this.calibration = ForecastCalibration.load(artifact.payloadDirectory());
    }

    /**
     * A published model loaded and verified, not yet brought up to the newest data: the first half of
     * {@link #load}, for a verb that checks what it asks of the model (explanations, lead-time
     * demand) before it reads any data ({@code predict}).
     *
     * @param check what the checksum verification found, for the progress line
     */
    public record Opened(ExperimentConfig config, Artifact artifact, io.demandcast.core.artifact.ManifestCheck check, ModelFamily family,
                         FittedModel model) {

        /** {@code <name> <version> (checksums verified, <check>)}: how the progress lines name the model. */
        public String description() {
            return artifact.name() + " " + artifact.version() + " (checksums verified, " + check.description() + ")";
        }

        /**
         * The second half of {@link #load}: reads the newest data ({@code predict.data}, else the prepared
         * dataset, only the columns the model reads) and feeds the model what is newer
         * ({@code predict.update}), each step reported as one {@code <verb>:} progress line.
         *
         * @throws io.demandcast.core.data.DataException when the model cannot follow the newest data
         */
        public PublishedModel bringUpToDate(String verb, Progress progress) throws IOException {
            // predict.data joins the data files as a later file; the future rows' CSV is read over the same files.
            ExperimentConfig fresh = config.predict().data() == null ? config : PrepareJob.withNewerData(config, Path.of(config.predict().data()));
            // The model is loaded before the data: read only the prepared columns it reads (the target, for per-series models).
            PanelColumns columns = config.predict().data() == null ? ModelColumns.of(model) : PanelColumns.ALL;
            PredictHistory history = PredictHistory.load(fresh, config, model, artifact.manifest().data(), System::getenv, columns);
            if (history != null) {
                String loaded = ModelColumns.describe(columns, PreparedSplits.dataset(PrepareJob.outputDirectory(config)).manifest());
                if (loaded != null) {
                    progress.report(verb + ": " + loaded);
                }
            }
            ModelUpdate update = ModelUpdate.apply(model, history == null ? null : history.all(), config.predict().update(),
                    history == null ? null : history.source());
            if (update.updated()) {
                progress.report(verb + ": fed " + update.seriesUpdated() + " series up to " + update.periodsFed() + " newer period(s) of "
                        + history.source() + " (" + update.modelEnd() + " .. " + update.dataEnd() + "), fitted parameters fixed");
            } else if (update.seriesSkipped() > 0) {
                progress.report(verb + ": " + update.seriesSkipped() + " series have data past the model's end " + update.modelEnd()
                        + " in " + history.source() + ", not fed (predict.update: false)");
            }
            return new PublishedModel(config, fresh, artifact, update.model(), history, update);
        }
    }

    /**
     * Resolves {@code <train.store>/<model.name>/<predict.version>}, verifies its checksums and age
     * ({@code predict.max_model_age}, refused as {@code age} words it) and loads its model.
     *
     * @throws ArtifactException when the artifact is missing, tampered, of another format or too old
     */
    public static Opened open(ExperimentConfig config, ModelRegistry registry, ModelAge.Limit age) throws IOException {
        ArtifactStore store = new ArtifactStore(Path.of(config.train().store()));
        Artifact artifact = store.resolve(config.model().name(), config.predict().version());
        io.demandcast.core.artifact.ManifestCheck check = store.verify(artifact);
        java.time.Duration maxAge = config.predict().maxModelAgeDuration();
        if (maxAge != null) {
            ModelAge.require(artifact, maxAge, age, java.time.Instant.now());
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
        return new Opened(config, artifact, check, family, model);
    }

    /**
     * Loads {@code <train.store>/<model.name>/<predict.version>} and feeds it the newer data
     * ({@link #open}, then {@link Opened#bringUpToDate}), reporting as {@code plan}.
     *
     * @throws ArtifactException when the artifact is missing, tampered, of another format or too old
     * @throws io.demandcast.core.data.DataException when the model cannot follow the newest data
     */
    public static PublishedModel load(ExperimentConfig config, ModelRegistry registry, Progress progress) throws IOException {
        Opened opened = open(config, registry, ModelAge.Limit.NAMED_BY_CONFIG);
        progress.report("plan: " + opened.description() + ", " + opened.model().seriesIds().size() + " series");
        return opened.bringUpToDate("plan", progress);
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

    /** The artifact the model was loaded from. */
    public Artifact artifact() {
        return artifact;
    }

    /** What bringing the model up to the newest data did. */
    public ModelUpdate update() {
        return update;
    }

    /** The newest data the model was brought up to, null when unknown. */
    PredictHistory predictHistory() {
        return history;
    }

    /** The last data date the forecasts start after, null when unknown. */
    public java.time.LocalDate dataEnd() {
        return update.dataEnd();
    }

    /** The fitted model, brought up to the newest data; unchanged by this class. */
    public FittedModel model() {
        return model;
    }

    /** The panel the model now stands at (what its sample paths resample), null when unknown. */
    public io.demandcast.core.data.Panel history() {
        return history == null ? null : history.all();
    }

    /**
     * The known covariates over the next {@code horizon} periods, as {@code predict} builds them for
     * its forecast ({@link ForecastRequest#futureCovariates()}); null when the model reads none.
     *
     * @throws io.demandcast.core.data.DataException when {@code predict.future} cannot be read
     */
    public io.demandcast.core.data.Panel futureCovariates(int horizon) throws IOException {
        return PredictCovariates.build(fresh, model, horizon, history, System::getenv);
    }

    /** Whether {@code predict} clips this model's forecasts at zero (the training target had no negative value). */
    public boolean clipsAtZero() {
        return calibration.clipAtZero();
    }

    /** The artifact's {@code calibration.json}: clipping, conformal scores, cumulative errors. */
    public ForecastCalibration calibration() {
        return calibration;
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
        ForecastRequest request = new ForecastRequest(horizon, levels, futureCovariates(horizon));
        Forecast raw;
        try {
            raw = model.forecast(request);
        } catch (IllegalArgumentException e) {
            throw new io.demandcast.core.data.DataException("plan: " + e.getMessage(), e);
        }
        ForecastCalibration stored = calibration;
        ForecastCalibration unclipped = new ForecastCalibration(false, stored.conformal(), stored.windows(), stored.scales(), stored.groups(),
                stored.cumulative(), stored.counts());
        try {
            return unclipped.apply(raw, config.predict().intervals() == PredictConfig.Intervals.conformal, artifact.directory().toString());
        } catch (IllegalArgumentException e) {
            throw new ArtifactException(artifact.directory() + ": " + e.getMessage(), e);
        }
    }
}
