package io.demandcast.spark;

import io.demandcast.core.model.Forecast;
import io.demandcast.core.model.ForecastCsvWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A forecast as a Parquet dataset, written by Spark's own writer (so a cluster can write it to any file
 * system Spark reaches): the columns of the forecast CSV ({@code series_id, date, model, forecast},
 * one {@code q<level>} per quantile level), {@code date} as a date, values as doubles, not rounded.
 */
final class ForecastParquet {
    private ForecastParquet() {
    }

    /** The schema of a forecast with these quantile levels. */
    static StructType schema(double[] levels) {
        StructType schema = new StructType()
                .add("series_id", DataTypes.StringType, false)
                .add("date", DataTypes.DateType, false)
                .add("model", DataTypes.StringType, false)
                .add("forecast", DataTypes.DoubleType, false);
        for (double level : levels) {
            schema = schema.add(ForecastCsvWriter.quantileColumn(level), DataTypes.DoubleType, false);
        }
        return schema;
    }

    /**
     * Writes {@code forecast} to the directory {@code dir}, replacing it: rows in the CSV's order (series, then
     * date) in one part file, and Spark's {@code _SUCCESS} marker once the write has committed.
     */
    static void write(SparkSession spark, Forecast forecast, Path dir) {
        double[] levels = forecast.levels();
        List<Row> rows = new ArrayList<>(forecast.seriesCount() * forecast.horizon());
        for (int s = 0; s < forecast.seriesCount(); s++) {
            for (int k = 0; k < forecast.horizon(); k++) {
                Object[] cells = new Object[4 + levels.length];
                cells[0] = forecast.seriesId(s);
                cells[1] = java.sql.Date.valueOf(forecast.axis().date(forecast.firstPeriod(s) + k));
                cells[2] = forecast.model();
                cells[3] = forecast.point(s, k);
                for (int l = 0; l < levels.length; l++) {
                    cells[4 + l] = forecast.quantile(l, s, k);
                }
                rows.add(RowFactory.create(cells));
            }
        }
        // One partition: one part file in the CSV's row order, as the forecasts were merged on the driver anyway.
        spark.createDataFrame(rows, schema(levels)).coalesce(1).write().mode(SaveMode.Overwrite).parquet(dir.toString());
    }
}
