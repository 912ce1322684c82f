package io.demandcast.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.DemandcastException;
import io.demandcast.core.Progress;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.data.Panel;
import io.demandcast.core.evaluate.ForecastCalibration;
import io.demandcast.core.model.FittedModel;
import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastCsvWriter;
import io.demandcast.core.model.ModelFactory;
import io.demandcast.core.model.ModelRegistry;
import io.demandcast.core.model.PredictJob;
import io.demandcast.core.prepare.PrepareJob;
import io.demandcast.core.prepare.PreparedSplits;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-group global models ({@code --group-by}): one global ML model per value of a static column, each
 * fitted on its group's series only, gives the forecasts of core fitting that group's panel alone.
 */
class SparkJobGroupedGlobalModelTest extends LocalSparkTest {
    private static ExperimentConfig ridge(Path dir) {
        return TestProject.config("quickstart.yaml", dir, List.of(
                "data.files=[" + TestProject.repository().resolve("sample-data/sales.csv") + "]",
                "model.name=quickstart-ridge", "model.family=ridge", "model.params={}",
                // sample-data has no rows past its end, so the price over the forecast periods is known only for
                // the test split: fit up to it and forecast it from the model's own end.
                "train.fit_on=train_validation", "predict.update=false"));
    }

    @Test
    void oneRidgeModelPerStoreForecastsAsCoreFittingEachStoreAlone(@TempDir Path dir) throws Exception {
        ExperimentConfig config = ridge(dir);
        PrepareJob.run(config, Progress.NONE, System::getenv);
        String viaSpark = TestProject.spark(sc, config, 0, "store_id", dir.resolve("spark.csv"));

        PreparedSplits data = PreparedSplits.open(PrepareJob.outputDirectory(config));
        Panel history = data.upTo(config.train().fitOn());
        int horizon = PredictJob.horizon(config);
        double[] levels = config.predict().quantiles().stream().mapToDouble(Double::doubleValue).toArray();
        List<Forecast> perStore = new ArrayList<>();
        List<Partitioning.Partition> stores = Partitioning.byGroup(history, "store_id");
        assertEquals(List.of("CA_1", "TX_1"), stores.stream().map(Partitioning.Partition::key).toList());
        List<ForecastBlock> blocks = new ArrayList<>();
        for (Partitioning.Partition store : stores) {
            Panel own = history.select(store.positions());
            FittedModel fitted = ModelFactory.create(ModelRegistry.standard(), config,
                    ModelFactory.context(config, own.frequency(), horizon, data.pastOnly())).fit(own);
            Forecast f = PredictJob.forecastFrom(config, fitted, data.all().select(store.positions()), null, data.pastOnly(),
                    "test", horizon, levels);
            perStore.add(f);
            blocks.add(ForecastBlock.of(store, f));
        }
        Forecast expected = ForecastCalibration.clipOnly(ForecastCalibration.clipsAtZero(config.predict().clipNegative(), history))
                .apply(SparkPredict.assemble(blocks, history, history.seriesCount(), horizon), false, "test");
        StringWriter csv = new StringWriter();
        ForecastCsvWriter.write(expected, csv);
        ForecastFiles.assertSameValues(csv.toString(), viaSpark, 20, 28);

        // Two models, not one: the global model of all 20 series forecasts otherwise.
        String global = TestProject.singleProcess(config);
        assertNotEquals(global, viaSpark);
        assertTrue(perStore.stream().allMatch(f -> f.seriesCount() == 10));
    }

    @Test
    void aGroupColumnThePanelLacksIsRefusedNamingItsStaticColumns(@TempDir Path dir) throws Exception {
        ExperimentConfig config = ridge(dir);
        PrepareJob.run(config, Progress.NONE, System::getenv);
        DemandcastException e = assertThrows(DemandcastException.class, () -> SparkTrain.run(sc, config, 0, "region"));
        assertEquals("--group-by region: the prepared data has no static column 'region'; its static columns are [store_id, cat_id]",
                e.getMessage());
        assertTrue(e.isUserError());
    }
}
