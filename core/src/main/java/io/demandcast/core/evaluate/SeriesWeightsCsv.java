package io.demandcast.core.evaluate;

import io.demandcast.core.data.DataException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads {@link SeriesWeights} from a CSV such as M5's weights file
 * ({@code series_id,level,weight_evaluation,...}).
 */
public final class SeriesWeightsCsv {
    private SeriesWeightsCsv() {
    }

    /**
     * Reads weights from column {@code weightColumn}, series ids from {@code series_id}, and levels
     * from {@code level} when the file has that column.
     */
    public static SeriesWeights read(Path file, String weightColumn) {
        return read(file, "series_id", weightColumn, "level");
    }

    /**
     * Reads weights.
     *
     * @param levelColumn column of level names; null, or a column the file lacks, means no levels
     * @throws DataException naming file:line:column on a missing column, a repeated series id, or a
     *                       weight that is not a finite number {@code >= 0}
     */
    public static SeriesWeights read(Path file, String idColumn, String weightColumn, String levelColumn) {
        Map<String, Double> weights = new LinkedHashMap<>();
        Map<String, String> levels = new LinkedHashMap<>();
        try (CsvInput in = CsvInput.open(file)) {
            int id = in.column(idColumn);
            int weight = in.column(weightColumn);
            int level = in.optionalColumn(levelColumn);
            for (CSVRecord r : in.records()) {
                String series = in.requiredText(r, id);
                double w = in.finiteNumber(r, weight);
                if (w < 0) {
                    throw in.error(r, weight, weightColumn + " must be >= 0 (got " + w + ")");
                }
                if (weights.put(series, w) != null) {
                    throw in.error(r, id, "series '" + series + "' appears twice");
                }
                if (level >= 0) {
                    levels.put(series, in.requiredText(r, level));
                }
            }
        }
        return new SeriesWeights(weights, levels);
    }
}
