package io.demandcast.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A local Spark session on 2 cores for the test class that extends this: started before its tests, stopped after. */
abstract class LocalSparkTest {
    static SparkSession spark;
    static JavaSparkContext sc;

    @BeforeAll
    static void start() {
        spark = TestProject.localSpark();
        sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }
}
