package io.demandcast.core.evaluate;

import io.demandcast.core.config.SchemaConfig;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.model.Forecast;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Scores a forecast CSV made by another tool (R, statsforecast, a competition file) against actuals
 * and training CSVs in long format (by default {@code series_id,date,value}), with the same {@link Scorer} as
 * demandcast's own forecasts, so the numbers are comparable.
 *
 * <p>Only the forecast's series are read from the actuals and training files, so those files may
 * hold other series, even of other frequencies.
 */
public final class ExternalForecastScorer {
    private final Frequency frequency;
    private final ScoreOptions options;
    private final Set<String> series;
    private final SchemaConfig dataSchema;

    /**
     * @param frequency  frequency of the forecasts and data
     * @param options    scaling and weights
     * @param series     the series to score, or null for every series of the forecast file
     * @param dataSchema id, date and target columns of the actuals and training files (covariate
     *                   roles are ignored)
     */
    public ExternalForecastScorer(Frequency frequency, ScoreOptions options, Set<String> series, SchemaConfig dataSchema) {
        this.frequency = Objects.requireNonNull(frequency, "frequency");
        this.options = Objects.requireNonNull(options, "options");
        this.series = series == null ? null : Set.copyOf(series);
        this.dataSchema = Objects.requireNonNull(dataSchema, "dataSchema");
    }

    /** Data files with columns {@code series_id,date,value}. */
    public ExternalForecastScorer(Frequency frequency, ScoreOptions options, Set<String> series) {
        this(frequency, options, series, new SchemaConfig(null, null, null, null, null, null));
    }

    /** Scores every series of the forecast file; data files with columns {@code series_id,date,value}. */
    public ExternalForecastScorer(Frequency frequency, ScoreOptions options) {
        this(frequency, options, null);
    }

    /**
     * Reads and scores.
     *
     * @param forecasts forecast CSV, laid out as {@code format} says
     * @param actuals   long CSV of the held-out values
     * @param training  long CSVs of the history, read as one (e.g. train, then validation)
     * @throws io.demandcast.core.data.DataException naming file:line:column on bad input, or the
     *                                               series without actuals or history
     */
    public ScoreResult score(Path forecasts, ForecastCsvFormat format, Path actuals, List<Path> training) {
        Forecast forecast = ForecastCsvReader.read(forecasts, format, frequency, series);
        Set<String> ids = new LinkedHashSet<>(forecast.seriesIds());
        Panel actualPanel = SeriesCsv.read(List.of(actuals), dataSchema, frequency, ids);
        Panel trainingPanel = SeriesCsv.read(training, dataSchema, frequency, ids);
        return new Scorer(options).score(forecast, actualPanel, trainingPanel);
    }

    /** Reads and scores, with a single training file. */
    public ScoreResult score(Path forecasts, ForecastCsvFormat format, Path actuals, Path training) {
        return score(forecasts, format, actuals, List.of(training));
    }
}
