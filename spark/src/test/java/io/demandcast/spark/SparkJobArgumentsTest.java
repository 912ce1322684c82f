package io.demandcast.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.demandcast.core.DemandcastException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The job's command line: what spark-submit passes after the jar. */
class SparkJobArgumentsTest {
    @Test
    void trainWithItsOptions() {
        SparkJob.Arguments a = SparkJob.Arguments.parse(new String[] {"train", "-c", "x.yaml", "--partitions", "64",
                "--set", "model.family=theta", "--group-by", "store_id"});
        assertEquals(new SparkJob.Arguments("train", Path.of("x.yaml"), List.of("model.family=theta"), 64, "store_id", null,
                SparkPredict.Format.csv), a);
    }

    @Test
    void predictWithAnOutput() {
        SparkJob.Arguments a = SparkJob.Arguments.parse(new String[] {"predict", "--config", "x.yaml", "-o", "f.csv"});
        assertEquals("f.csv", a.output());
        assertEquals(0, a.partitions());
        assertEquals(SparkPredict.Format.csv, a.format());
        assertEquals(SparkPredict.Format.parquet, SparkJob.Arguments.parse(new String[] {"predict", "-c", "x.yaml", "--format", "parquet"})
                .format());
    }

    @Test
    void evaluateWithItsPartitionsAndAnOutputDirectory() {
        SparkJob.Arguments a = SparkJob.Arguments.parse(new String[] {"evaluate", "-c", "x.yaml", "--partitions", "16", "-o", "eval"});
        assertEquals(new SparkJob.Arguments("evaluate", Path.of("x.yaml"), List.of(), 16, null, "eval", SparkPredict.Format.csv), a);
    }

    @Test
    void mistakesAreUserErrorsNamingTheUsage() {
        for (String[] args : List.of(new String[] {}, new String[] {"tune", "-c", "x.yaml"}, new String[] {"train"},
                new String[] {"train", "-c"}, new String[] {"train", "-c", "x.yaml", "--partitions", "0"},
                new String[] {"train", "-c", "x.yaml", "--bogus", "1"}, new String[] {"predict", "-c", "x.yaml", "--format", "orc"},
                new String[] {"train", "-c", "x.yaml", "--format", "parquet"})) {
            DemandcastException e = assertThrows(DemandcastException.class, () -> SparkJob.Arguments.parse(args), String.join(" ", args));
            assertTrue(e.isUserError());
        }
        assertEquals("unknown option --bogus; " + SparkJob.USAGE, assertThrows(DemandcastException.class,
                () -> SparkJob.Arguments.parse(new String[] {"train", "-c", "x.yaml", "--bogus", "1"})).getMessage());
    }
}
