package io.demandcast.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.demandcast.core.config.ExperimentConfig;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance check of issue 16: the Spark job in local mode on 2 cores over {@code m5-aggregates} (114
 * daily series of 1,941 days) gives the forecasts of the single-process train + predict for the same
 * config, value by value. Skipped when {@code ../shared/data/m5-aggregates} is absent.
 */
class SparkJobM5AggregatesTest {
    private static SparkSession spark;
    private static JavaSparkContext sc;

    @BeforeAll
    static void start() {
        spark = TestProject.localSpark();
        sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static List<String> m5Aggregates(String... more) {
        Path data = TestProject.sharedData("m5-aggregates");
        List<String> overrides = new java.util.ArrayList<>(List.of("data.files=[" + data.resolve("train.csv") + ", "
                + data.resolve("test_validation.csv") + ", " + data.resolve("test_evaluation.csv") + "]"));
        overrides.addAll(List.of(more));
        return overrides;
    }

    @Test
    void seasonalNaiveOfTheM5AggregatesConfig(@TempDir Path dir) throws Exception {
        ExperimentConfig config = TestProject.config("m5-aggregates-snaive.yaml", dir, m5Aggregates());
        String cli = TestProject.singleProcess(config);
        String viaSpark = TestProject.spark(sc, config, 8, null, dir.resolve("spark.csv"));
        ForecastFiles.assertSameValues(cli, viaSpark, 114, 28);
    }

    @Test
    void autoEtsOfTheM5AggregatesConfig(@TempDir Path dir) throws Exception {
        ExperimentConfig config = TestProject.config("m5-aggregates-snaive.yaml", dir,
                m5Aggregates("model.name=m5-aggregates-auto-ets", "model.family=auto_ets", "model.params={}"));
        String cli = TestProject.singleProcess(config);
        String viaSpark = TestProject.spark(sc, config, 8, null, dir.resolve("spark.csv"));
        ForecastFiles.assertSameValues(cli, viaSpark, 114, 28);
        assertEquals(cli, viaSpark, "and byte for byte");
    }
}
