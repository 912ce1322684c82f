package io.demandcast.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    /** Every section and most keys; line numbers matter to the error tests below. */
    private static final String COMPLETE = """
            name: m5-ca
            data:
              files: [data/train.csv, data/extract.csv]
              schema:
                id: [store_id, item_id]
                date: day
                target: sales
                covariates: [sell_price, snap_CA]
                categorical: [event_name_1]
                statics: [cat_id]
              frequency: daily
              season_length: 7
              calendar:
                file: data/calendar.csv
                covariates: [snap_CA]
            prepare:
              output: build/prepared/m5
              gaps: {target: zero, covariates: ffill}
              negatives: zero
              outliers: {method: hampel, window: 5, threshold: 2.5, action: clip}
              features:
                calendar: [day_of_week, month]
                lags: [7, 28]
                rolling: {windows: [7, 28], stats: [mean, std]}
                price: {column: sell_price}
              scaling: {method: standard}
              split: {test: 28, validation: 28}
            model:
              family: ets
              params: {alpha: 0.3, trend: additive, seasons: [7, 365], damped: true, n: 3}
            train:
              store: build/artifacts
              fit_on: train_validation
            predict:
              horizon: 28
              quantiles: [0.05, 0.5, 0.95]
              output: '-'
            evaluate:
              fit_on: train
              weights: data/weights.csv
            """;

    private static ExperimentConfig parse(String yaml, String... overrides) {
        return ConfigLoader.parse(yaml, "configs/x.yaml", List.of(overrides));
    }

    private static String error(String yaml, String... overrides) {
        return assertThrows(InvalidConfigException.class, () -> parse(yaml, overrides)).getMessage();
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    // ---- valid configs ---------------------------------------------------------------------

    @Test
    void completeConfigBindsEveryKey() throws Exception {
        ExperimentConfig c = parse(COMPLETE);
        assertEquals("m5-ca", c.name());
        assertEquals(List.of("data/train.csv", "data/extract.csv"), c.data().files());
        assertEquals(List.of("store_id", "item_id"), c.data().schema().id());
        assertEquals("day", c.data().schema().date());
        assertEquals("sales", c.data().schema().target());
        assertEquals(List.of("cat_id"), c.data().schema().statics());
        assertEquals("daily", c.data().frequency());
        assertEquals(7, c.data().seasonLength());
        assertEquals("data/calendar.csv", c.data().calendar().file());
        assertEquals("date", c.data().calendar().date());
        assertEquals(PrepareConfig.NegativePolicy.zero, c.prepare().negatives());
        assertEquals(PrepareConfig.OutlierMethod.hampel, c.prepare().outliers().method());
        assertEquals(2.5, c.prepare().outliers().threshold());
        assertEquals(List.of(7, 28), c.prepare().features().lags());
        assertEquals(List.of("mean", "std"), c.prepare().features().rolling().stats());
        assertEquals("sell_price", c.prepare().features().price().column());
        assertEquals(PrepareConfig.ScalingMethod.standard, c.prepare().scaling().method());
        assertEquals(28, c.prepare().split().validation());
        assertEquals("ets", c.model().family());
        assertEquals("m5-ca", c.model().name(), "model.name defaults to the experiment name");
        // JsonNode equality is structural and type-aware: 3 (int) != 3.0 (double).
        assertEquals(json("{\"alpha\":0.3,\"trend\":\"additive\",\"seasons\":[7,365],\"damped\":true,\"n\":3}"), c.model().params());
        assertEquals(TrainConfig.FitOn.train_validation, c.train().fitOn());
        assertEquals(28, c.predict().horizon());
        assertEquals(List.of(0.05, 0.5, 0.95), c.predict().quantiles());
        assertEquals("-", c.predict().output());
        assertEquals("latest", c.predict().version());
        assertEquals(TrainConfig.FitOn.train, c.evaluate().fitOn());
        assertEquals("weight", c.evaluate().weightColumn());
    }

    @Test
    void emptyFileGivesDefaults() {
        ExperimentConfig c = parse("");
        assertEquals(parse("# only a comment\n"), c);
        assertEquals("experiment", c.name());
        assertEquals(List.of(0.1, 0.5, 0.9), c.predict().quantiles());
        assertEquals(TrainConfig.FitOn.all, c.train().fitOn());
        assertTrue(c.model().params().isObject() && c.model().params().isEmpty());
    }

    @Test
    void relativePathsStayAsWritten() {
        ExperimentConfig c = parse("data:\n  files: [../data/a.csv, ./b.csv]\ntrain:\n  store: out/store\n");
        assertEquals(List.of("../data/a.csv", "./b.csv"), c.data().files());
        assertEquals("out/store", c.train().store());
    }

    @Test
    void integerWidensToNumberAndDatesStayText() {
        ExperimentConfig c = parse("prepare:\n  outliers: {threshold: 3}\n  split: {test_start: 2016-04-25}\n");
        assertEquals(3.0, c.prepare().outliers().threshold());
        assertEquals("2016-04-25", c.prepare().split().testStart());
    }

    @Test
    void loadReadsTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.yaml");
        Files.writeString(file, "predict:\n  horizon: 14\n");
        assertEquals(14, ConfigLoader.load(file, List.of()).predict().horizon());
        assertEquals(7, ConfigLoader.load(file, List.of("predict.horizon=7")).predict().horizon());
    }

    // ---- errors in the file ---------------------------------------------------------------

    @Test
    void missingFileNamesThePath(@TempDir Path dir) {
        Path file = dir.resolve("nope.yaml");
        var e = assertThrows(InvalidConfigException.class, () -> ConfigLoader.load(file, List.of()));
        assertEquals("config file not found: " + file, e.getMessage());
    }

    @Test
    void aDirectoryIsNotAConfigFile(@TempDir Path dir) {
        var e = assertThrows(InvalidConfigException.class, () -> ConfigLoader.load(dir, List.of()));
        assertEquals(dir + ": is a directory, not a config file", e.getMessage());
    }

    @Test
    void errorsInALoadedFileNameThePathAsGiven(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.yaml");
        Files.writeString(file, "predict:\n  horizn: 14\n");
        var e = assertThrows(InvalidConfigException.class, () -> ConfigLoader.load(file, List.of()));
        assertTrue(e.getMessage().startsWith(file + ":2:3: unknown key 'horizn'"), e.getMessage());
    }

    @Test
    void unknownKeyNamesItsSectionAndTheAllowedKeys() {
        assertEquals("configs/x.yaml:3:3: unknown key 'horizn' in predict (allowed: horizon, quantiles, output, version, intervals, clip_negative, future, data, max_model_age, update, lead_time, review_period, sample_paths, seed)",
                error("name: a\npredict:\n  horizn: 3\n"));
        assertEquals("configs/x.yaml:2:1: unknown key 'horizon' at the top level "
                        + "(allowed: name, data, prepare, model, models, train, predict, evaluate, backtest, gate, tune, monitor, plan)",
                error("name: a\nhorizon: 3\n"));
        assertEquals("configs/x.yaml:3:27: unknown key 'windw' in prepare.outliers (allowed: method, window, threshold, action)",
                error("name: a\nprepare:\n  outliers: {method: iqr, windw: 3}\n"));
        // camelCase is not accepted: keys are snake_case
        assertEquals("configs/x.yaml:2:3: unknown key 'fitOn' in train (allowed: store, fit_on, backend, half_precision, max_fallback_share)",
                error("train:\n  fitOn: all\n"));
    }

    @Test
    void wrongScalarTypesAreNotCoerced() {
        assertEquals("configs/x.yaml:3:14: predict.horizon: expected an integer, got 'abc'",
                error("name: a\npredict:\n    horizon: abc\n"));
        assertEquals("configs/x.yaml:2:12: predict.horizon: expected an integer, got 1.5",
                error("predict:\n  horizon: 1.5\n"));
        assertEquals("configs/x.yaml:2:12: predict.horizon: expected an integer, got '14'",
                error("predict:\n  horizon: '14'\n"));
        assertEquals("configs/x.yaml:2:12: predict.horizon: expected an integer, got ''",
                error("predict:\n  horizon: ''\n"));
        assertEquals("configs/x.yaml:2:3: predict.horizon: expected an integer, got a list",
                error("predict:\n  horizon: [1, 2]\n"));
        assertEquals("configs/x.yaml:2:18: data.season_length: expected an integer, got 99999999999 (out of range)",
                error("data:\n  season_length: 99999999999\n"));
        assertEquals("configs/x.yaml:2:14: predict.quantiles: expected a list, got 0.5",
                error("predict:\n  quantiles: 0.5\n"));
        assertEquals("configs/x.yaml:2:25: predict.quantiles[2]: expected a number, got 'high'",
                error("predict:\n  quantiles: [0.1, 0.5, high]\n"));
        assertEquals("configs/x.yaml:2:20: predict.quantiles[1]: null is not allowed here; remove the entry or give a value",
                error("predict:\n  quantiles: [0.1, ~]\n"));
        assertEquals("configs/x.yaml:1:10: predict: expected a mapping, got 5",
                error("predict: 5\n"));
        assertEquals("configs/x.yaml:4:15: prepare.features.lags[1]: expected an integer, got 'x'",
                error("prepare:\n  features:\n\n    lags: [7, x]\n"));
    }

    @Test
    void enumValuesListWhatIsAllowed() {
        assertEquals("configs/x.yaml:3:13: prepare.gaps.target: 'zeros' is not one of [zero, ffill, missing, mean, linear]",
                error("prepare:\n  gaps:\n    target: zeros\n"));
        assertEquals("configs/x.yaml:2:11: train.fit_on: expected one of [all, train, train_validation], got 1",
                error("train:\n  fit_on: 1\n"));
        assertEquals("configs/x.yaml:2:11: train.fit_on: 'All' is not one of [all, train, train_validation]",
                error("train:\n  fit_on: All\n"));
        assertEquals("configs/x.yaml:2:12: train.backend: 'gpu' is not one of [auto, cpu, cuda]", error("train:\n  backend: gpu\n"));
        assertEquals("--set train.backend=GPU: 'GPU' is not one of [auto, cpu, cuda]", error("name: a\n", "train.backend=GPU"));
    }

    @Test
    void theDeepBackendAndHalfPrecisionAreTrainKeys() {
        ExperimentConfig defaults = parse("name: a\n");
        assertEquals(io.demandcast.core.model.deep.BackendChoice.auto, defaults.train().backend());
        assertEquals(false, defaults.train().halfPrecision());
        ExperimentConfig gpu = parse("train:\n  backend: cuda\n  half_precision: true\n");
        assertEquals(io.demandcast.core.model.deep.BackendChoice.cuda, gpu.train().backend());
        assertEquals(true, gpu.train().halfPrecision());
        assertEquals(gpu, ConfigLoader.parse(ConfigLoader.toYaml(gpu), "resolved.yaml", List.of()), "the resolved config reads back");
        assertEquals("configs/x.yaml:3:19: train.half_precision: true runs on the cuda backend only (FP16 on an NVIDIA GPU), but train.backend"
                + " is cpu; set train.backend to cuda or auto, or drop half_precision", error("train:\n  backend: cpu\n  half_precision: true\n"));
        assertEquals("configs/x.yaml:2:19: train.half_precision: expected true or false, got 'yes please'",
                error("train:\n  half_precision: yes please\n"));
    }

    @Test
    void recordValidationIsReportedWhereItPoints() {
        assertEquals("configs/x.yaml:3:12: predict.horizon must be >= 1 (got 0)",
                error("name: a\npredict:\n  horizon: 0\n"));
        assertEquals("configs/x.yaml:2:11: evaluate.fit_on cannot be 'all': the test rows must stay unseen (use train or train_validation)",
                error("evaluate:\n  fit_on: all\n"));
        // cross-field rule: points at the section
        assertEquals("configs/x.yaml:2:3: prepare.split: give test or test_start, not both",
                error("prepare:\n  split:\n    test: 5\n    test_start: 2016-01-01\n"));
        // required key missing: points at the section that lacks it
        assertEquals("configs/x.yaml:2:3: data.calendar: file is required: the CSV to join",
                error("data:\n  calendar:\n    date: d\n"));
        assertEquals("configs/x.yaml:1:7: name: 'a b' is not a valid name (" + Names.RULE + ")",
                error("name: a b\n"));
        // a message without a key path gets one: the field whose value it quotes
        assertEquals("configs/x.yaml:2:14: data.frequency: unknown frequency 'dayly', allowed: daily, weekly, monthly, quarterly, yearly",
                error("data:\n  frequency: dayly\n"));
    }

    @Test
    void yamlSyntaxErrorsHaveTheirLocation() {
        assertEquals("configs/x.yaml:2:13: invalid YAML: mapping values are not allowed here",
                error("predict:\n  horizon: 3: 4\n"));
        assertEquals("configs/x.yaml:2:1: invalid YAML: expected the node content, but found '<stream end>' "
                + "(while parsing a flow node started at 2:1)", error("predict: [\n"));
        assertEquals("configs/x.yaml:2:1: duplicate key 'name' at the top level (first at 1:1)", error("name: x\nname: y\n"));
        assertEquals("configs/x.yaml:1:1: expected a mapping of config sections at the top level, got a list", error("- a\n- b\n"));
        assertEquals("configs/x.yaml:3:1: a config file holds one YAML document; remove the second one (after '---')",
                error("name: a\n---\nname: b\n"));
    }

    @Test
    void messagesCarryNoJacksonNoise() {
        for (String yaml : List.of("predict:\n  horizn: 3\n", "predict:\n  horizon: abc\n", "predict:\n  horizon: 0\n",
                "predict: [\n", "predict: 5\n", "train:\n  fit_on: 1\n")) {
            String m = error(yaml);
            assertFalse(m.contains("jackson") || m.contains("`") || m.contains("\n") || m.contains("Exception"), m);
        }
    }

    // ---- overrides ------------------------------------------------------------------------

    @Test
    void overridesSetScalarsListsAndNewNestedKeys() throws Exception {
        ExperimentConfig c = parse(COMPLETE,
                "predict.horizon=14",
                "predict.quantiles=[0.05,0.5,0.95]",
                "model.family=naive",
                "model.params.beta=0.1",
                "prepare.features.lags[1]=14",
                "prepare.features.lags[2]=21");
        assertEquals(14, c.predict().horizon());
        assertEquals(List.of(0.05, 0.5, 0.95), c.predict().quantiles());
        assertEquals("naive", c.model().family());
        assertEquals(json("{\"alpha\":0.3,\"trend\":\"additive\",\"seasons\":[7,365],\"damped\":true,\"n\":3,\"beta\":0.1}"),
                c.model().params());
        assertEquals(List.of(7, 14, 21), c.prepare().features().lags());
        // everything else as in the file
        assertEquals(parse(COMPLETE).data(), c.data());
    }

    @Test
    void overridesCreateMissingSectionsAndLaterOnesWin() throws Exception {
        ExperimentConfig c = parse("", "data.calendar.file=cal.csv", "model.params={alpha: 0.5}", "model.params.alpha=0.7",
                "predict.output=-", "name=run-2", "predict.version='007'");
        assertEquals("cal.csv", c.data().calendar().file());
        assertEquals(json("{\"alpha\":0.7}"), c.model().params());
        assertEquals("-", c.predict().output());
        assertEquals("run-2", c.name());
        assertEquals("007", c.predict().version());
    }

    @Test
    void nullOverrideRestoresTheDefault() {
        ExperimentConfig c = parse("predict:\n  horizon: 3\n  quantiles: [0.5]\n", "predict.horizon=~", "predict.quantiles=");
        assertNull(c.predict().horizon());
        assertEquals(List.of(0.1, 0.5, 0.9), c.predict().quantiles());
    }

    @Test
    void overrideErrorsNameTheOverride() {
        String yaml = "predict:\n  horizon: 3\n";
        assertEquals("--set predict.horizon=abc: expected an integer, got 'abc'", error(yaml, "predict.horizon=abc"));
        assertEquals("--set predict.horizon='14': expected an integer, got '14'", error(yaml, "predict.horizon='14'"));
        assertEquals("--set predict.horizon=0: predict.horizon must be >= 1 (got 0)",
                error(yaml, "model.family=naive", "predict.horizon=0"));
        assertEquals("--set predict.horizn=3: unknown key 'horizn' in predict (allowed: horizon, quantiles, output, version, intervals, clip_negative, future, data, max_model_age, update, lead_time, review_period, sample_paths, seed)",
                error(yaml, "predict.horizn=3"));
        assertEquals("--set predict={horizon: x}: predict.horizon: expected an integer, got 'x'",
                error(yaml, "predict={horizon: x}"));
        assertEquals("--set predict.quantiles=[0.1,2]: predict.quantiles must lie in (0, 1) (got 2.0)",
                error(yaml, "predict.quantiles=[0.1,2]"));
        assertEquals("--set data.calendar.date=d: data.calendar: file is required: the CSV to join",
                error(yaml, "data.calendar.date=d"));
        assertEquals("--set data.frequency=dayly: unknown frequency 'dayly', allowed: daily, weekly, monthly, quarterly, yearly",
                error(yaml, "data.frequency=dayly"));
        assertEquals("--set data.files=a.csv: expected a list, got 'a.csv'", error(yaml, "data.files=a.csv"));
        assertEquals("--set prepare.gaps.target=zeros: 'zeros' is not one of [zero, ffill, missing, mean, linear]",
                error(yaml, "predict.horizon=5", "prepare.gaps.target=zeros"));
    }

    @Test
    void malformedOverridesAreRejected() {
        assertEquals("--set predict.horizon: expected key.path=value (e.g. predict.horizon=14)", error("", "predict.horizon"));
        assertEquals("--set =5: empty key; expected key.path=value (e.g. predict.horizon=14)", error("", "=5"));
        assertEquals("--set predict..horizon=5: malformed key 'predict..horizon'; expected dot-separated names with optional [index], "
                + "e.g. predict.quantiles[0]", error("", "predict..horizon=5"));
        assertEquals("--set predict.horizon.x=1: predict.horizon is not a mapping (it is 3)",
                error("predict:\n  horizon: 3\n", "predict.horizon.x=1"));
        assertEquals("--set predict.quantiles[5]=0.5: index 5 is past the end of predict.quantiles (size 0); "
                + "use predict.quantiles[0] to append", error("predict:\n  quantiles: []\n", "predict.quantiles[5]=0.5"));
        assertEquals("--set model.params={a: [1: invalid YAML value: expected ',' or ']', but got <stream end> "
                + "(while parsing a flow sequence started at 1:5)", error("", "model.params={a: [1"));
    }

    @Test
    void theFileIsCheckedAsWrittenBeforeOverrides() {
        assertEquals("configs/x.yaml:2:12: predict.horizon must be >= 1 (got 0)",
                error("predict:\n  horizon: 0\n", "predict.horizon=5"));
    }

    // ---- rendering ------------------------------------------------------------------------

    @Test
    void toYamlRoundTripsToAnEqualConfig() {
        ExperimentConfig c = parse(COMPLETE, "predict.version=true", "name=123", "model.params.note='a: b'",
                "model.params.empty=''", "model.params.flag='null'");
        String yaml = ConfigLoader.toYaml(c);
        ExperimentConfig back = parse(yaml);
        assertEquals(c, back);
        assertEquals(c.model().params(), back.model().params());
        assertEquals(yaml, ConfigLoader.toYaml(back));
    }

    @Test
    void toYamlRoundTripsAnExplicitTestStart() {
        ExperimentConfig c = parse("prepare:\n  split: {test_start: 2016-04-25}\n");
        assertEquals(c, parse(ConfigLoader.toYaml(c)));
    }

    @Test
    void toYamlFillsDefaultsWithSnakeCaseKeys() {
        String yaml = ConfigLoader.toYaml(parse(""));
        assertTrue(yaml.contains("\n  fit_on: train_validation\n"), yaml);
        assertTrue(yaml.contains("\n  season_length: null\n"), yaml);
        assertTrue(yaml.contains("\n  weight_column: weight\n"), yaml);
        assertTrue(yaml.contains("\n  version: latest\n"), yaml);
        assertFalse(yaml.contains("fitOn") || yaml.startsWith("---"), yaml);
        assertEquals(parse(""), parse(yaml));
    }
}
