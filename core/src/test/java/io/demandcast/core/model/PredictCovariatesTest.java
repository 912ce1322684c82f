package io.demandcast.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.demandcast.core.Progress;
import io.demandcast.core.config.ConfigLoader;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.data.DataException;
import io.demandcast.core.data.Frequency;
import io.demandcast.core.data.Panel;
import io.demandcast.core.data.TimeAxis;
import io.demandcast.core.prepare.PrepareJob;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code predict} hands a model the known covariates of the forecast periods: future rows of the data, or {@code predict.future}. */
class PredictCovariatesTest {
    @TempDir
    Path dir;

    static final LocalDate START = LocalDate.of(2024, 1, 1);

    /** Two daily series of 20 days; {@code futureDays} more days of price and promo (no sales) for A and, if {@code both}, B. */
    static String csv(int futureDays, boolean both) {
        StringBuilder sb = new StringBuilder("series_id,date,sales,price,promo,traffic\n");
        for (int d = 0; d < 20; d++) {
            sb.append("A,").append(START.plusDays(d)).append(',').append(3 + d % 4).append(',').append(d < 15 ? "2.0" : "2.5")
                    .append(",0,").append(100 + d).append('\n');
            sb.append("B,").append(START.plusDays(d)).append(',').append(d % 3).append(",1.0,0,").append(50 + d).append('\n');
        }
        for (int d = 20; d < 20 + futureDays; d++) {
            sb.append("A,").append(START.plusDays(d)).append(",,").append(d < 22 ? "2.0" : "1.5").append(",0,\n");
            if (both) {
                sb.append("B,").append(START.plusDays(d)).append(",NA,").append(1.0 + d / 100.0).append(",1,\n");
            }
        }
        return sb.toString();
    }

    ExperimentConfig config(String data, String... more) throws IOException {
        Path csv = dir.resolve("data.csv");
        Files.writeString(csv, data);
        List<String> overrides = new ArrayList<>(List.of("data.files=[" + csv + "]", "prepare.output=" + dir.resolve("prepared"),
                "train.store=" + dir.resolve("store"), "predict.output=" + dir.resolve("forecast.csv")));
        overrides.addAll(List.of(more));
        return ConfigLoader.parse("""
                name: echo
                data:
                  frequency: daily
                  schema: {target: sales, covariates: {price: known, promo: known, traffic: past_only}}
                prepare:
                  features: {price: {column: price, window: 3}}
                model: {family: echo, params: {column: price}}
                predict: {horizon: 3, quantiles: [0.5]}
                """, "echo.yaml", overrides);
    }

    static final ModelRegistry REGISTRY = ModelRegistry.standard().with(new Echo());

    /** Forecast rows of the predict output: series -> points in date order. */
    Map<String, List<Double>> predict(ExperimentConfig config) throws IOException {
        PrepareJob.run(config, Progress.NONE, n -> null);
        TrainJob.run(config, REGISTRY, Progress.NONE);
        PredictJob.run(config, REGISTRY, new StringWriter(), Progress.NONE);
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("forecast.csv")).subList(1, 7)) {
            String[] f = line.split(",");
            out.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Double.parseDouble(f[3]));
        }
        return out;
    }

    @Test
    void theModelGetsTheFutureRowsOfTheData() throws IOException {
        Map<String, List<Double>> f = predict(config(csv(5, true)));
        assertEquals(List.of(2.0, 2.0, 1.5), f.get("A"));
        assertEquals(List.of(1.2, 1.21, 1.22), f.get("B"));
    }

    @Test
    void orThoseOfAPredictFutureCsvPreparedTheSameWay() throws IOException {
        Path future = dir.resolve("future.csv");
        // only the known covariates; price features are derived across the boundary as prepare does
        Files.writeString(future, "series_id,date,price,promo\nA,2024-01-21,2.0,0\nA,2024-01-22,2.0,0\nA,2024-01-23,1.5,1\n"
                + "B,2024-01-21,1.0,0\nB,2024-01-22,1.0,0\nB,2024-01-23,0.5,0\nB,2024-01-19,9,9\n");
        Map<String, List<Double>> f = predict(config(csv(0, false), "predict.future=" + future, "model.params.column=price_change",
                "predict.clip_negative=never"));
        assertEquals(List.of(-0.2, 0.0, -0.25), f.get("A"), "2.0 / 2.5 - 1 across the boundary, as written in the CSV");
        assertEquals(List.of(0.0, 0.0, -0.5), f.get("B"), "a row before the end of the history is ignored");
    }

    @Test
    void aMissingKnownCovariateNamesTheColumnSeriesAndDates() throws IOException {
        ExperimentConfig config = config(csv(2, false), "predict.horizon=4");
        DataException e = assertThrows(DataException.class, () -> predict(config));
        assertEquals("predict: the model reads the known covariate 'price', which has no value over the forecast periods of 2 series:"
                + " A (2024-01-23..2024-01-24), B (2024-01-21..2024-01-24); give them as rows past the last target value in"
                + " data.files (then run prepare again) or in a predict.future CSV", e.getMessage());
    }

    /** A test family: forecasts each step as the value of one known covariate column at that period. */
    static final class Echo implements ModelFamily {
        @Override
        public String name() {
            return "echo";
        }

        @Override
        public String description() {
            return "test: the covariate itself";
        }

        @Override
        public Forecaster create(JsonNode params, ModelContext context) {
            String column = params.path("column").asText("price");
            return new Forecaster() {
                @Override
                public String family() {
                    return "echo";
                }

                @Override
                public Map<String, Object> parameters() {
                    return Map.of("column", column);
                }

                @Override
                public FittedModel fit(Panel history) {
                    Map<String, Integer> ends = new LinkedHashMap<>();
                    for (int s = 0; s < history.seriesCount(); s++) {
                        ends.put(history.seriesId(s), history.lastPeriod(s));
                    }
                    return new Fitted(history.axis(), column, ends);
                }
            };
        }

        @Override
        public FittedModel load(Path directory) throws IOException {
            List<String> lines = Files.readAllLines(directory.resolve("echo.txt"));
            TimeAxis axis = new TimeAxis(Frequency.DAILY, LocalDate.parse(lines.get(0)));
            Map<String, Integer> ends = new LinkedHashMap<>();
            for (String line : lines.subList(2, lines.size())) {
                ends.put(line.split(",")[0], Integer.parseInt(line.split(",")[1]));
            }
            return new Fitted(axis, lines.get(1), ends);
        }
    }

    record Fitted(TimeAxis axis, String column, Map<String, Integer> ends) implements FittedModel {
        @Override
        public String family() {
            return "echo";
        }

        @Override
        public List<String> seriesIds() {
            return List.copyOf(ends.keySet());
        }

        @Override
        public List<String> features() {
            return List.of(column);
        }

        @Override
        public Forecast forecast(ForecastRequest request) {
            Panel future = request.futureCovariates();
            int h = request.horizon();
            List<String> ids = seriesIds();
            double[] point = new double[ids.size() * h];
            int[] first = new int[ids.size()];
            for (int i = 0; i < ids.size(); i++) {
                first[i] = ends.get(ids.get(i)) + 1;
                int s = future.indexOf(ids.get(i));
                for (int r = future.rowStart(s); r < future.rowEnd(s); r++) {
                    point[i * h + future.period(r) - first[i]] = future.numeric(column, r);
                }
            }
            double[][] q = {point};
            return new Forecast("echo", axis, ids.toArray(String[]::new), first, h, point, request.quantileLevels(), q);
        }

        @Override
        public java.time.LocalDate fittedEnd(String seriesId) {
            return ends.containsKey(seriesId) ? axis.date(ends.get(seriesId)) : null;
        }

        @Override
        public FittedModel update(Panel history) {
            throw new UnsupportedOperationException();
        }

        @Override
        public UpdateMode updateMode() {
            return UpdateMode.REFORECAST;
        }

        @Override
        public void save(Path directory) throws IOException {
            StringBuilder sb = new StringBuilder(axis.anchor() + "\n" + column + "\n");
            ends.forEach((id, end) -> sb.append(id).append(',').append(end).append('\n'));
            Files.writeString(directory.resolve("echo.txt"), sb.toString());
        }
    }
}
