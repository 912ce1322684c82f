package io.demandcast.core.evaluate.elasticity;

import io.demandcast.core.AtomicFiles;
import io.demandcast.core.evaluate.report.ReportSection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The price elasticity part of {@code evaluate}'s output: a {@link ReportSection} for the report
 * writer (distribution over series, per-group pooled estimates, each price-reading model's response
 * to a price cut) and two CSV files beside {@code per_series.csv}:
 * <ul>
 *   <li>{@value #ELASTICITIES_CSV}: {@code series_id,elasticity,se,lo,hi,n,estimable,reason}, one
 *       row per series (empty cells when not estimable);</li>
 *   <li>{@value #PRICE_RESPONSE_CSV}: {@code model,series_id,forecast,forecast_price_cut,
 *       implied_elasticity,estimated_elasticity,wrong_sign}, one row per model that reads the price
 *       and series, forecasts summed over the horizon of the last refit window.</li>
 * </ul>
 * Numbers in the CSVs in full precision with {@code .} decimals.
 */
public final class ElasticityReport {
    public static final String ELASTICITIES_CSV = "elasticities.csv";
    public static final String PRICE_RESPONSE_CSV = "price_response.csv";
    static final String DASH = "–";

    private ElasticityReport() {
    }

    /** The report section. */
    public static ReportSection section(PriceElasticities est, List<PriceResponse> responses) {
        ElasticityDistribution d = est.distribution();
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("Own-price elasticity per series: the slope e of ln(units) = a + e·ln(" + est.price() + ")"
                + controlTerms(est.controls())
                + " fitted by least squares on each series' history up to its last backtest cutoff (periods with units > 0 and"
                + " price > 0), with a 95 % t interval; a 1 % price rise changes demand by about e %. Groups pool their"
                + " series' estimates by precision weights (1/se²). Every series is in " + ELASTICITIES_CSV + ".");
        List<ReportSection.Table> tables = new ArrayList<>();
        tables.add(new ReportSection.Table("Distribution over series", List.of("series", "estimated", "share negative",
                "share significantly negative", "lower quartile", "median", "upper quartile"), 0,
                List.of(List.of(Integer.toString(d.series()), Integer.toString(d.estimable()), percent(d.shareNegative()),
                        percent(d.shareSignificantlyNegative()), fixed(d.q1()), fixed(d.median()), fixed(d.q3())))));
        String column = null;
        List<List<String>> rows = new ArrayList<>();
        for (GroupElasticity g : est.groups()) {
            if (column != null && !column.equals(g.column())) {
                tables.add(groupTable(column, rows));
                rows = new ArrayList<>();
            }
            column = g.column();
            rows.add(List.of(g.group(), Integer.toString(g.series()), Integer.toString(g.estimable()), fixed(g.pooled()),
                    fixed(g.se()), interval(g.lo(), g.hi()), fixed(g.median())));
        }
        if (column != null) {
            tables.add(groupTable(column, rows));
        }
        if (!responses.isEmpty()) {
            Map<String, SeriesElasticity> bySeries = est.bySeries();
            List<List<String>> modelRows = new ArrayList<>();
            for (PriceResponse r : responses) {
                long wrongSignificant = r.series().stream().filter(PriceResponse.SeriesResponse::wrongSign).filter(s -> {
                    SeriesElasticity e = bySeries.get(s.seriesId());
                    return e != null && e.significantlyNegative();
                }).count();
                double[] implied = r.series().stream().mapToDouble(PriceResponse.SeriesResponse::implied).filter(Double::isFinite)
                        .sorted().toArray();
                modelRows.add(List.of(r.model(), Integer.toString(r.series().size()), Long.toString(r.wrongSignCount()),
                        Long.toString(wrongSignificant), Long.toString(r.flatCount()),
                        fixed(implied.length == 0 ? Double.NaN : median(implied))));
            }
            String caption = "Response of the models to a 10 % price cut: each model that reads " + est.price() + " forecast its last"
                    + " refit window again with the price × " + PriceResponse.FACTOR + " over the whole horizon. Wrong sign: its"
                    + " total forecast fell when the price fell (of which: series whose estimated elasticity is significantly"
                    + " negative). Implied elasticity: ln(forecast after the cut / before) / ln(0.9). Per series in "
                    + PRICE_RESPONSE_CSV + ".";
            tables.add(new ReportSection.Table(caption, List.of("model", "series",
                    "wrong sign", "of which significant estimate", "no response", "median implied elasticity"), 1, modelRows));
        }
        return new ReportSection("elasticity", "Price elasticity", paragraphs, tables);
    }

    /** {@code  + b1·deal + b2·feat}, empty without controls. */
    private static String controlTerms(List<String> controls) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < controls.size(); i++) {
            out.append(" + b").append(i + 1).append('·').append(controls.get(i));
        }
        return out.toString();
    }

    private static ReportSection.Table groupTable(String column, List<List<String>> rows) {
        return new ReportSection.Table("By " + column, List.of(column, "series", "estimated", "pooled", "se", "95 % interval",
                "median"), 1, rows);
    }

    /** Writes {@value #ELASTICITIES_CSV} to {@code file} (temp-then-rename). */
    public static void writeElasticities(Path file, PriceElasticities est) throws IOException {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, format("series_id", "elasticity", "se", "lo", "hi", "n", "estimable", "reason"))) {
            for (SeriesElasticity e : est.series()) {
                printer.printRecord(e.seriesId(), exact(e.elasticity()), exact(e.se()), exact(e.lo()), exact(e.hi()), e.n(),
                        e.estimable(), e.reason() == null ? "" : e.reason());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing CSV to memory failed", e);
        }
        AtomicFiles.writeText(file, out.toString());
    }

    /** Writes {@value #PRICE_RESPONSE_CSV} to {@code file} (temp-then-rename). */
    public static void writeResponses(Path file, List<PriceResponse> responses, PriceElasticities est) throws IOException {
        Map<String, SeriesElasticity> bySeries = est.bySeries();
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, format("model", "series_id", "forecast", "forecast_price_cut",
                "implied_elasticity", "estimated_elasticity", "wrong_sign"))) {
            for (PriceResponse r : responses) {
                for (PriceResponse.SeriesResponse s : r.series()) {
                    SeriesElasticity e = bySeries.get(s.seriesId());
                    printer.printRecord(r.model(), s.seriesId(), exact(s.base()), exact(s.cut()), exact(s.implied()),
                            exact(e == null ? Double.NaN : e.elasticity()), s.wrongSign());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing CSV to memory failed", e);
        }
        AtomicFiles.writeText(file, out.toString());
    }

    private static CSVFormat format(String... header) {
        return CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator('\n').get();
    }

    static String exact(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    static String fixed(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : DASH;
    }

    static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f%%", share * 100) : DASH;
    }

    static String interval(double lo, double hi) {
        return Double.isFinite(lo) ? "[" + fixed(lo) + ", " + fixed(hi) + "]" : DASH;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
