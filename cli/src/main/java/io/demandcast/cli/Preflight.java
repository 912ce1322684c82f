package io.demandcast.cli;

import io.demandcast.core.AtomicFiles;
import io.demandcast.core.PathChecks;
import io.demandcast.core.artifact.SigningKey;
import io.demandcast.core.config.CalendarConfig;
import io.demandcast.core.config.DataConfig;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.evaluate.backtest.BacktestJob;
import io.demandcast.core.model.PredictJob;
import io.demandcast.core.data.PreparedDataset;
import io.demandcast.core.prepare.PrepareJob;
import io.demandcast.core.prepare.PreparedFreshness;
import io.demandcast.core.tune.TuneJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What each verb checks once its config is loaded and its options applied, before it reads data
 * or fits anything: the outputs it will write can be written, the input files it names are not
 * directories. Each failure names the config key and the path (exit 2).
 */
final class Preflight {

    private Preflight() {
    }

    static void prepare(ExperimentConfig cfg) {
        dataInputs(cfg.data());
        PathChecks.replaceableDirectory("prepare.output", PrepareJob.outputDirectory(cfg));
    }

    static void train(ExperimentConfig cfg) {
        store(cfg);
        signingKey();
    }

    static void predict(ExperimentConfig cfg, PredictJob.ExplainRequest explain) {
        String output = PredictJob.outputOf(cfg);
        if (!"-".equals(output)) {
            PathChecks.writableFile("predict.output", Path.of(output));
        }
        if (explain != null) {
            PathChecks.writableFile("--explain-output", Path.of(PredictJob.explainOutputOf(cfg, explain)));
        }
        if (cfg.monitor().logForecasts()) {
            // The forecast log is appended after the forecast is written: check it first, not after publishing.
            PathChecks.writableDirectory("monitor.log", io.demandcast.core.monitor.ForecastLog.directory(cfg));
        }
        if (cfg.predict().future() != null) {
            PathChecks.notADirectory("predict.future", Path.of(cfg.predict().future()));
            dataInputs(cfg.data());
        }
        if (cfg.predict().data() != null) {
            PathChecks.notADirectory("predict.data", Path.of(cfg.predict().data()));
            dataInputs(cfg.data());
        }
    }

    static void evaluate(ExperimentConfig cfg) {
        if (BacktestJob.perRun(cfg)) {
            PathChecks.writableDirectory("evaluate.output", BacktestJob.outputDirectory(cfg));
        } else {
            PathChecks.replaceableDirectory("evaluate.output", BacktestJob.outputDirectory(cfg));
        }
        if (cfg.evaluate().junit() != null) {
            PathChecks.writableFile("evaluate.junit", Path.of(cfg.evaluate().junit()));
        }
        if (cfg.evaluate().summary() != null) {
            PathChecks.writableFile("evaluate.summary", Path.of(cfg.evaluate().summary()));
        }
        if (cfg.evaluate().weights() != null) {
            PathChecks.notADirectory("evaluate.weights", Path.of(cfg.evaluate().weights()));
        }
    }

    static void monitor(ExperimentConfig cfg) {
        PathChecks.replaceableDirectory("monitor.output", io.demandcast.core.monitor.MonitorJob.outputDirectory(cfg));
    }

    static void tune(ExperimentConfig cfg) {
        PathChecks.writableDirectory("tune.output", TuneJob.outputDirectory(cfg));
        PathChecks.writableDirectory("train.store", Path.of(cfg.train().store()));
        signingKey();
    }

    /** A signing key too short to use fails here, not after the fit when the store would sign. */
    private static void signingKey() {
        SigningKey.fromEnvironment(System::getenv);
    }

    /**
     * The prepared dataset {@code train}, {@code evaluate} and {@code tune} fit on (and {@code predict} takes
     * the history and covariates of a request from) was made from this
     * config's current inputs and data/prepare sections (exit 2 naming what changed otherwise). A
     * missing dataset is left to the verb, which says to run prepare.
     *
     * @param option the verb's option that prepares first ({@code --prepare}), named in the refusal, or null
     */
    static void preparedDataCurrent(ExperimentConfig cfg, Path configFile, String option) throws IOException {
        Path dir = PrepareJob.outputDirectory(cfg);
        // A run killed while replacing the dataset may have left it renamed aside: put it back first.
        AtomicFiles.recover(dir);
        if (Files.isRegularFile(dir.resolve(PreparedDataset.MANIFEST_FILE))) {
            PreparedFreshness.check(cfg, PreparedDataset.open(dir), "demandcast prepare -c " + configFile, option);
        }
    }

    /** The store and the model's folder in it, where a new version goes. */
    private static void store(ExperimentConfig cfg) {
        Path root = Path.of(cfg.train().store());
        PathChecks.writableDirectory("train.store", root);
        PathChecks.writableDirectory("train.store", root.resolve(cfg.model().name()));
    }

    /** The CSV files of the data section. */
    private static void dataInputs(DataConfig data) {
        List<String> files = data.files();
        for (int i = 0; i < files.size(); i++) {
            PathChecks.notADirectory("data.files[" + i + "]", Path.of(files.get(i)));
        }
        if (data.calendar() != null) {
            PathChecks.notADirectory("data.calendar.file", Path.of(data.calendar().file()));
        }
        List<CalendarConfig> joins = data.joins();
        for (int i = 0; i < joins.size(); i++) {
            PathChecks.notADirectory("data.joins[" + i + "].file", Path.of(joins.get(i).file()));
        }
        if (data.attributes() != null) {
            PathChecks.notADirectory("data.attributes.file", Path.of(data.attributes().file()));
        }
        if (data.series() != null && data.series().file() != null) {
            PathChecks.notADirectory("data.series.file", Path.of(data.series().file()));
        }
    }
}
