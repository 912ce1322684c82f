package io.demandcast.core.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.demandcast.core.data.DataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesWeightsCsvTest {

    @TempDir
    Path dir;

    @Test
    void readsWeightsAndLevels() throws IOException {
        Path file = dir.resolve("weights.csv");
        Files.writeString(file, "series_id,level,weight_evaluation,other\nTotal,1,1,x\nCA,2,0.4,y\nTX,2,0.6,z\n");
        SeriesWeights w = SeriesWeightsCsv.read(file, "weight_evaluation");
        assertEquals(Map.of("Total", 1.0, "CA", 0.4, "TX", 0.6), w.weights());
        assertEquals(List.of("1", "2"), w.levelNames());
        assertEquals(Map.of("CA", 0.4, "TX", 0.6), w.weightsOf("2"));
    }

    @Test
    void withoutLevelColumnAllSeriesFormOneLevel() throws IOException {
        Path file = dir.resolve("weights.csv");
        Files.writeString(file, "series_id,weight\na,0.5\nb,0.5\n");
        assertEquals(List.of(SeriesWeights.ALL), SeriesWeightsCsv.read(file, "weight").levelNames());
    }

    @Test
    void badWeightsNameTheCell() throws IOException {
        Path file = dir.resolve("weights.csv");
        Files.writeString(file, "series_id,weight\na,0.5\nb,-1\n");
        DataException e = assertThrows(DataException.class, () -> SeriesWeightsCsv.read(file, "weight"));
        assertEquals(file + ":3:2: weight must be >= 0 (got -1.0)", e.getMessage());
        Files.writeString(file, "series_id,weight\na,0.5\na,0.5\n");
        e = assertThrows(DataException.class, () -> SeriesWeightsCsv.read(file, "weight"));
        assertEquals(file + ":3:1: series 'a' appears twice", e.getMessage());
    }
}
