package io.demandcast.core.evaluate.backtest;

import io.demandcast.core.Progress;
import io.demandcast.core.config.ElasticityConfig;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.config.InvalidConfigException;
import io.demandcast.core.data.Panel;
import io.demandcast.core.evaluate.elasticity.ElasticityReport;
import io.demandcast.core.evaluate.elasticity.PriceElasticities;
import io.demandcast.core.evaluate.elasticity.PriceResponse;
import io.demandcast.core.evaluate.report.ReportSection;
import io.demandcast.core.model.stat.LocalForecaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code evaluate.elasticity} in a backtest: the series' own-price elasticities estimated before the
 * models run, on each series' history up to its last cutoff (no scored period enters), and the price
 * response of every model that reads covariates, probed on the model fitted on the last refit window
 * ({@link BacktestEngine.LastFitProbe}, one extra forecast). Per-series families read only the target
 * and are not probed; neither are models run by another {@link BacktestRunner} (the Spark job), nor any
 * model when the price is a past-only column (no future price to cut).
 */
final class ElasticityCheck {
    private final PriceElasticities estimates;
    private final String price;
    private final boolean probing;
    private final Map<String, PriceResponse> responses = Collections.synchronizedMap(new LinkedHashMap<>());

    private ElasticityCheck(PriceElasticities estimates, String price, boolean probing) {
        this.estimates = estimates;
        this.price = price;
        this.probing = probing;
    }

    /**
     * The estimates, or null when {@code evaluate.elasticity} is not set.
     *
     * @throws InvalidConfigException when the price, a control or a group column is not in the data
     */
    static ElasticityCheck start(ExperimentConfig config, Panel panel, BacktestPlan plan, Collection<String> pastOnly,
                                 BacktestRunner runner, Progress progress) {
        ElasticityConfig ec = config.evaluate().elasticity();
        if (ec == null) {
            return null;
        }
        List<String> groups = ec.groups() != null ? ec.groups() : panel.staticNames();
        PriceElasticities estimates;
        try {
            estimates = PriceElasticities.estimate(history(panel, plan), ec, groups);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(e.getMessage(), e);
        }
        var d = estimates.distribution();
        progress.report(String.format(java.util.Locale.ROOT, "evaluate: price elasticity of %d of %d series estimated, median %.3f,"
                + " %.1f%% negative", d.estimable(), d.series(), d.median(), 100 * d.shareNegative()));
        return new ElasticityCheck(estimates, ec.price(), runner == BacktestRunner.LOCAL && !pastOnly.contains(ec.price()));
    }

    /**
     * Checks {@code evaluate.elasticity}'s columns against the prepared dataset's before any data is read.
     *
     * @throws InvalidConfigException naming the key, the column and the columns there are
     */
    static void checkColumns(ExperimentConfig config, io.demandcast.core.data.DatasetManifest.Columns columns) {
        ElasticityConfig ec = config.evaluate().elasticity();
        if (ec == null) {
            return;
        }
        try {
            PriceElasticities.requireColumns(ec, columns.numeric(), columns.statics(), ec.groups() != null ? ec.groups() : List.of());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(e.getMessage(), e);
        }
    }

    /** Each series' rows from its first period to its cutoff in the last window that includes it; series in no window are left out. */
    static Panel history(Panel panel, BacktestPlan plan) {
        List<Integer> series = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        for (int s = 0; s < panel.seriesCount(); s++) {
            for (int w = plan.windows() - 1; w >= 0; w--) {
                if (plan.includes(w, s)) {
                    series.add(s);
                    ends.add(plan.cutoff(w, s));
                    break;
                }
            }
        }
        int[] idx = series.stream().mapToInt(Integer::intValue).toArray();
        int[] from = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            from[i] = panel.firstPeriod(idx[i]);
        }
        return panel.viewSeries(idx, from, ends.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Whether {@code model}'s price response is probed: it reads covariates, and this run can probe. */
    boolean probes(BacktestModel model) {
        return probing && !(model.forecaster() instanceof LocalForecaster);
    }

    BacktestEngine.LastFitProbe probe(BacktestModel model) {
        return (fitted, request, raw) -> {
            if (request.futureCovariates() != null && request.futureCovariates().hasNumeric(price)) {
                responses.put(model.name(), PriceResponse.of(model.name(), fitted, request, raw, price));
            }
        };
    }

    private List<PriceResponse> responses() {
        synchronized (responses) {
            return List.copyOf(responses.values());
        }
    }

    ReportSection section() {
        return ElasticityReport.section(estimates, responses());
    }

    List<String> fileNames() {
        return responses.isEmpty() ? List.of(ElasticityReport.ELASTICITIES_CSV)
                : List.of(ElasticityReport.ELASTICITIES_CSV, ElasticityReport.PRICE_RESPONSE_CSV);
    }

    /**
     * The {@code --json} summary: the distribution of the series' estimates and, per probed model, how
     * many series its forecast moves the wrong way after the price cut (undefined numbers are null).
     */
    Map<String, Object> toMap() {
        var d = estimates.distribution();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("price", price);
        m.put("series", d.series());
        m.put("estimable", d.estimable());
        m.put("share_negative", finite(d.shareNegative()));
        m.put("share_significantly_negative", finite(d.shareSignificantlyNegative()));
        m.put("q1", finite(d.q1()));
        m.put("median", finite(d.median()));
        m.put("q3", finite(d.q3()));
        List<Map<String, Object>> models = new ArrayList<>();
        for (PriceResponse r : responses()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("model", r.model());
            row.put("series", r.series().size());
            row.put("wrong_sign", r.wrongSignCount());
            row.put("flat", r.flatCount());
            models.add(row);
        }
        m.put("price_response", models);
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    void write(Path directory) throws IOException {
        ElasticityReport.writeElasticities(directory.resolve(ElasticityReport.ELASTICITIES_CSV), estimates);
        if (!responses.isEmpty()) {
            ElasticityReport.writeResponses(directory.resolve(ElasticityReport.PRICE_RESPONSE_CSV), responses(), estimates);
        }
    }
}
