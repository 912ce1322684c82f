package io.demandcast.core.evaluate.report;

import io.demandcast.core.model.FeatureImportance;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the report's charts with XChart into PNG bytes. Rendering is headless and deterministic:
 * the same input gives the same bytes (no timestamps, fixed locale, fixed colours).
 */
final class ReportCharts {
    static final int WIDTH = 900;
    static final int HEIGHT = 320;
    /** Most features drawn in an importance chart. */
    static final int TOP_FEATURES = 15;

    private static final Color INK = new Color(0x33, 0x33, 0x33);
    private static final Color GRID = new Color(0xE3, 0xE3, 0xE3);
    private static final Color FORECAST = new Color(0x1F, 0x5F, 0xA8);
    private static final Color BAND = new Color(0x1F, 0x5F, 0xA8, 0x40);
    private static final Color WINDOW_LINE = new Color(0x99, 0x99, 0x99);
    /** Tableau 10: distinct for the usual kinds of colour blindness, in a fixed order per model. */
    private static final Color[] PALETTE = {
        new Color(0x4E, 0x79, 0xA7), new Color(0xF2, 0x8E, 0x2B), new Color(0xE1, 0x57, 0x59),
        new Color(0x76, 0xB7, 0xB2), new Color(0x59, 0xA1, 0x4F), new Color(0xED, 0xC9, 0x48),
        new Color(0xB0, 0x7A, 0xA1), new Color(0xFF, 0x9D, 0xA7), new Color(0x9C, 0x75, 0x5F),
        new Color(0xBA, 0xB0, 0xAC)};
    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {7f, 4f}, 0f);
    private static final BasicStroke DOTTED = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {2f, 3f}, 0f);
    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    static {
        // Charts are drawn into images, never on a screen; respect an explicit choice of the caller.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ReportCharts() {
    }

    /** Actuals, each window's point forecast and its shaded interval, with the dates on the x-axis. */
    static byte[] trace(SeriesTrace trace) {
        String title = trace.seriesId() + " · " + trace.model() + " · " + trace.label() + " series (score "
                + Numbers.readable(trace.score(), "n/a") + ")";
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).yAxisTitle("units").build();
        styleXY(chart);
        double[] x = trace.dates().stream().mapToDouble(LocalDate::toEpochDay).toArray();
        boolean bandInLegend = false;
        boolean forecastInLegend = false;
        double yMin = 0;
        for (WindowBand w : trace.windows()) {
            if (!w.hasInterval()) {
                continue;
            }
            double[][] polygon = band(x, w);
            if (polygon[0].length < 3) {
                continue;
            }
            XYSeries s = chart.addSeries("interval " + w.window(), polygon[0], polygon[1]);
            s.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
            s.setLineStyle(SeriesLines.NONE);
            s.setMarker(SeriesMarkers.NONE);
            s.setFillColor(BAND);
            s.setLabel(Numbers.percent(w.nominal(), "") + " interval");
            s.setShowInLegend(!bandInLegend);
            bandInLegend = true;
            yMin = Math.min(yMin, min(polygon[1]));
        }
        for (WindowBand w : trace.windows()) {
            double[] wx = Arrays.copyOfRange(x, w.start(), w.start() + w.point().length);
            if (finiteCount(w.point()) == 0) {
                continue;
            }
            XYSeries f = chart.addSeries("forecast " + w.window(), wx, w.point());
            line(f, FORECAST, 2.2f);
            f.setLabel("forecast");
            f.setShowInLegend(!forecastInLegend);
            forecastInLegend = true;
            yMin = Math.min(yMin, min(w.point()));
            // The forecast origin: half-way between the last period known and the first forecast.
            double origin = w.start() > 0 ? (x[w.start() - 1] + x[w.start()]) / 2 : x[w.start()];
            chart.addAnnotation(new AnnotationLine(origin, true, false));
        }
        // The actuals go on top: what sold must stay visible where the forecast runs over it.
        if (finiteCount(trace.actual()) > 0) {
            XYSeries actual = chart.addSeries("actual", x, trace.actual());
            line(actual, INK, 1.4f);
            yMin = Math.min(yMin, min(trace.actual()));
        }
        if (chart.getSeriesMap().isEmpty()) {
            chart.addSeries("no data", new double[] {x.length > 0 ? x[0] : 0}, new double[] {0}).setShowInLegend(false);
        }
        AxesChartStyler styler = chart.getStyler();
        styler.setAnnotationLineColor(WINDOW_LINE);
        styler.setAnnotationLineStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {4f, 4f}, 0f));
        if (x.length > 1) {
            styler.setXAxisMin(x[0]);
            styler.setXAxisMax(x[x.length - 1]);
        }
        styler.setYAxisMin(yMin);
        styler.setxAxisTickLabelsFormattingFunction(v -> LocalDate.ofEpochDay(Math.round(v)).format(DAY));
        return png(chart);
    }

    /**
     * Cumulative demand over one protection interval: the forecast and its shaded fan, the actual
     * demand, and a horizontal line per order-up-to level (dashed for the normal baseline).
     */
    static byte[] levels(LevelFan fan) {
        String title = fan.seriesId() + " · " + fan.model() + " · cumulative demand and order-up-to levels";
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).yAxisTitle("units (cumulative)").build();
        styleXY(chart);
        double[] x = fan.dates().stream().mapToDouble(LocalDate::toEpochDay).toArray();
        double[] polygonX = new double[2 * x.length];
        double[] polygonY = new double[2 * x.length];
        for (int i = 0; i < x.length; i++) {
            polygonX[i] = x[i];
            polygonY[i] = fan.upper()[i];
            polygonX[2 * x.length - 1 - i] = x[i];
            polygonY[2 * x.length - 1 - i] = fan.lower()[i];
        }
        if (x.length > 1 && finiteCount(polygonY) == polygonY.length) {
            XYSeries band = chart.addSeries("fan", polygonX, polygonY);
            band.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
            band.setLineStyle(SeriesLines.NONE);
            band.setMarker(SeriesMarkers.NONE);
            band.setFillColor(BAND);
            band.setLabel(Numbers.percent(fan.nominal(), "") + " fan");
        }
        line(chart.addSeries("forecast", x, fan.forecast()), FORECAST, 2.2f);
        double top = Math.max(max(fan.upper()), max(fan.actual()));
        for (int l = 0; l < fan.levels().size(); l++) {
            LevelFan.Level level = fan.levels().get(l);
            double[] y = new double[x.length];
            java.util.Arrays.fill(y, level.value());
            XYSeries s = chart.addSeries(level.label(), x, y);
            line(s, PALETTE[(l / 2 + 1) % PALETTE.length], 1.6f);
            if (level.baseline()) {
                s.setLineStyle(DASHED);
            }
            top = Math.max(top, level.value());
        }
        line(chart.addSeries("actual", x, fan.actual()), INK, 1.4f);
        AxesChartStyler styler = chart.getStyler();
        if (x.length > 1) {
            styler.setXAxisMin(x[0]);
            styler.setXAxisMax(x[x.length - 1]);
        }
        styler.setYAxisMin(0.0);
        styler.setYAxisMax(top * 1.05 + 1e-9);
        styler.setxAxisTickLabelsFormattingFunction(v -> LocalDate.ofEpochDay(Math.round(v)).format(DAY));
        return png(chart);
    }

    private static double max(double[] values) {
        double m = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                m = Math.max(m, v);
            }
        }
        return m;
    }

    /**
     * One box per model of its scaled errors (series × window), in the models' colours: box = middle
     * half, dark bar = median, whiskers to the furthest value within 1.5 box heights, dots beyond,
     * diamond = mean. NaN samples are skipped. (XChart's own box chart has fixed colours.)
     *
     * <p>Every element of model {@code i} sits at x = i (and nothing else but two invisible margin
     * points at 0 and n + 1), so XChart, which puts the ticks on the data's x values when these are
     * equally spaced, labels exactly one tick per box with the model's name.
     */
    static byte[] errorDistribution(List<String> models, Map<String, double[]> samples) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Error distribution by model")
                .yAxisTitle("scaled error").build();
        styleXY(chart);
        List<String> shown = new ArrayList<>();
        for (String model : models) {
            if (samples.get(model) != null && finiteCount(samples.get(model)) > 0) {
                shown.add(model);
            }
        }
        float boxPx = (float) Math.min(56, 0.5 * (WIDTH - 120) / Math.max(1, shown.size()));
        double anyY = shown.isEmpty() ? 0 : BoxStats.of(samples.get(shown.get(0))).median();
        invisiblePoint(chart, "left margin", 0, anyY);
        for (int i = 0; i < shown.size(); i++) {
            BoxStats b = BoxStats.of(samples.get(shown.get(i)));
            Color color = PALETTE[i % PALETTE.length];
            double[] x1 = {i + 1};
            double[] x2 = {i + 1, i + 1};
            XYSeries box = chart.addSeries("box " + i, x2, new double[] {b.q1(), b.q3()});
            line(box, new Color(color.getRed(), color.getGreen(), color.getBlue(), 0x70), boxPx);
            box.setLineStyle(new BasicStroke(boxPx, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
            XYSeries whiskers = chart.addSeries("whiskers " + i, new double[] {i + 1, i + 1, i + 1, i + 1, i + 1},
                    new double[] {b.lowerWhisker(), b.q1(), Double.NaN, b.q3(), b.upperWhisker()});
            line(whiskers, color, 1.5f);
            XYSeries caps = chart.addSeries("caps " + i, x2, new double[] {b.lowerWhisker(), b.upperWhisker()});
            bars(caps, color, boxPx / 2.5f, 1.5f);
            XYSeries median = chart.addSeries("median " + i, x1, new double[] {b.median()});
            bars(median, color.darker(), boxPx, 3f);
            if (b.outliers().length > 0) {
                double[] ox = new double[b.outliers().length];
                Arrays.fill(ox, i + 1);
                XYSeries outliers = chart.addSeries("outliers " + i, ox, b.outliers());
                outliers.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
                outliers.setMarker(SeriesMarkers.CIRCLE);
                outliers.setMarkerColor(color);
            }
            XYSeries mean = chart.addSeries("mean " + i, x1, new double[] {b.mean()});
            mean.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
            mean.setMarker(SeriesMarkers.DIAMOND);
            mean.setMarkerColor(INK);
        }
        invisiblePoint(chart, "right margin", shown.size() + 1, anyY);
        chart.getSeriesMap().values().forEach(series -> series.setShowInLegend(false));
        XYStyler styler = chart.getStyler();
        styler.setLegendVisible(false);
        styler.setYAxisMin(0.0);
        styler.setMarkerSize(7);
        // x = 0 and n + 1 keep the boxes off the plot's edges; their labels are blank but distinct,
        // because XChart thins out the ticks until every label differs.
        boolean named = namesFitUnderBoxes(shown);
        styler.setxAxisTickLabelsFormattingFunction(v -> {
            int k = (int) Math.round(v);
            if (k < 1 || k > shown.size()) {
                return k <= 0 ? " " : "  ";
            }
            return named ? shown.get(k - 1) : Integer.toString(k);
        });
        return png(chart);
    }

    /**
     * Whether the models' names fit side by side under the boxes of {@link #errorDistribution};
     * when they do not, the boxes are numbered 1..n in the given order instead.
     */
    static boolean namesFitUnderBoxes(List<String> models) {
        FontRenderContext context = new FontRenderContext(null, true, false);
        double widest = 0;
        for (String model : models) {
            widest = Math.max(widest, TICK_FONT.getStringBounds(model, context).getWidth());
        }
        // The plot is about WIDTH - 100 px wide and spans n + 1 slots (a margin slot on each side).
        double slot = (WIDTH - 100) * 0.9 / (models.size() + 1);
        return widest * 1.15 < slot;
    }

    /** A point that takes part in the axes' ranges but draws nothing. */
    private static void invisiblePoint(XYChart chart, String name, double x, double y) {
        XYSeries point = chart.addSeries(name, new double[] {x}, new double[] {y});
        point.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        point.setMarker(SeriesMarkers.NONE);
        point.setShowInLegend(false);
    }

    /** Draws each point of {@code series} as a horizontal bar (a median line or a whisker cap). */
    private static void bars(XYSeries series, Color color, float widthPx, float heightPx) {
        series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        series.setMarkerColor(color);
        series.setMarker(new Marker() {
            @Override
            public void paint(Graphics2D g, double x, double y, int size) {
                g.fill(new Rectangle2D.Double(x - widthPx / 2, y - heightPx / 2, widthPx, heightPx));
            }
        });
    }

    /** One line per model: mean scaled absolute error at each forecast step. */
    static byte[] errorByStep(List<String> models, Map<String, double[]> byStep) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Error by forecast step")
                .xAxisTitle("steps ahead").yAxisTitle("mean scaled abs. error").build();
        styleXY(chart);
        legendBelowIfItFits(chart, models);
        int i = 0;
        for (String model : models) {
            double[] errors = byStep.get(model);
            if (errors == null || finiteCount(errors) == 0) {
                continue;
            }
            double[] steps = new double[errors.length];
            Arrays.setAll(steps, s -> s + 1);
            XYSeries s = chart.addSeries(model, steps, errors);
            line(s, PALETTE[i++ % PALETTE.length], 2f);
        }
        if (!chart.getSeriesMap().isEmpty()) {
            // On equally spaced x values XChart labels every value it can squeeze in (1 2 3 … 90);
            // one point off the grid makes it choose round steps (5, 10, 20 …) instead.
            invisiblePoint(chart, "off grid", 1.5, chart.getSeriesMap().values().iterator().next().getYMax());
        }
        chart.getStyler().setYAxisMin(0.0);
        // No "step 0" in the left margin; blank labels must still differ (XChart needs unique labels).
        chart.getStyler().setxAxisTickLabelsFormattingFunction(v -> {
            long k = Math.round(v);
            return k >= 1 ? Long.toString(k) : " ".repeat((int) Math.min(50, 2 - k));
        });
        return png(chart);
    }

    /** Observed against nominal coverage, model intervals solid, conformal dashed, with the ideal diagonal. */
    static byte[] coverage(List<String> models, Map<String, List<CoveragePoint>> coverage) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Interval coverage: observed vs promised")
                .xAxisTitle("promised (nominal) coverage").yAxisTitle("observed coverage").build();
        styleXY(chart);
        double low = 1;
        List<XYSeries> added = new ArrayList<>();
        int i = 0;
        for (String model : models) {
            List<CoveragePoint> points = coverage.get(model);
            if (points == null || points.isEmpty()) {
                continue;
            }
            Color color = PALETTE[i++ % PALETTE.length];
            double[] nominal = points.stream().mapToDouble(CoveragePoint::nominal).toArray();
            double[] own = points.stream().mapToDouble(CoveragePoint::modelCoverage).toArray();
            double[] conformal = points.stream().mapToDouble(CoveragePoint::conformalCoverage).toArray();
            if (finiteCount(own) > 0) {
                XYSeries s = chart.addSeries(model + " (model)", nominal, own);
                line(s, color, 2f);
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setMarkerColor(color);
                added.add(s);
                low = Math.min(low, Math.min(min(nominal), min(own)));
            }
            if (finiteCount(conformal) > 0) {
                XYSeries s = chart.addSeries(model + " (conformal)", nominal, conformal);
                line(s, color, 2f);
                s.setLineStyle(DASHED);
                s.setMarker(SeriesMarkers.DIAMOND);
                s.setMarkerColor(color);
                added.add(s);
                low = Math.min(low, Math.min(min(nominal), min(conformal)));
            }
        }
        low = Math.max(0, Math.floor(low * 10 - 0.5) / 10);
        legendBelowIfItFits(chart, added.stream().map(XYSeries::getName).toList());
        XYSeries ideal = chart.addSeries("ideal", new double[] {low, 1}, new double[] {low, 1});
        line(ideal, WINDOW_LINE, 1.2f);
        ideal.setLineStyle(DOTTED);
        AxesChartStyler styler = chart.getStyler();
        styler.setXAxisMin(low);
        styler.setXAxisMax(1.0);
        styler.setYAxisMin(low);
        styler.setYAxisMax(1.0);
        styler.setxAxisTickLabelsFormattingFunction(v -> Numbers.percent(v, ""));
        styler.setyAxisTickLabelsFormattingFunction(v -> Numbers.percent(v, ""));
        return png(chart);
    }

    /**
     * Coverage of the one interval level every model has, as bars per model (model intervals and,
     * when calibrated, conformal ones) against a line at the promised level: with a single level the
     * observed-vs-promised plot would be one column of overlapping dots.
     */
    static byte[] coverageBars(List<String> models, Map<String, List<CoveragePoint>> coverage, double nominal) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Coverage of the " + Numbers.percent(nominal, "") + " interval: observed vs promised")
                .yAxisTitle("observed coverage").build();
        styleAxes(chart.getStyler());
        List<Double> own = new ArrayList<>();
        List<Double> conformal = new ArrayList<>();
        boolean allConformal = true;
        double low = nominal;
        for (String model : models) {
            CoveragePoint p = coverage.get(model).get(0);
            own.add(p.modelCoverage());
            conformal.add(p.conformalCoverage());
            allConformal &= Double.isFinite(p.conformalCoverage());
            low = Math.min(low, Math.min(p.modelCoverage(), Double.isFinite(p.conformalCoverage()) ? p.conformalCoverage() : 1));
        }
        CategorySeries m = chart.addSeries("model intervals", models, own);
        m.setFillColor(PALETTE[0]);
        if (allConformal) {
            CategorySeries c = chart.addSeries("conformal intervals", models, conformal);
            c.setFillColor(PALETTE[1]);
        }
        chart.addAnnotation(new AnnotationLine(nominal, false, false));
        CategoryStyler styler = chart.getStyler();
        styler.setAnnotationLineColor(WINDOW_LINE);
        styler.setAnnotationLineStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {4f, 4f}, 0f));
        styler.setYAxisMin(Math.max(0, Math.floor(low * 10 - 0.5) / 10));
        styler.setYAxisMax(1.0);
        styler.setyAxisTickLabelsFormattingFunction(v -> Numbers.percent(v, ""));
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setOverlapped(false);
        return png(chart);
    }

    /**
     * The top {@link #TOP_FEATURES} features of one model as bars, the most important first, names
     * under the bars at an angle. (XChart 3.8 has no horizontal bar chart; faking one with thick
     * lines needs the y ticks on each bar, which its tick calculator does not promise.)
     */
    static byte[] importance(String model, List<FeatureImportance> features) {
        List<FeatureImportance> top = features.subList(0, Math.min(TOP_FEATURES, features.size()));
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title("Feature importance: " + model)
                .yAxisTitle("share of importance").build();
        styleAxes(chart.getStyler());
        CategorySeries bars = chart.addSeries("share", top.stream().map(FeatureImportance::feature).toList(),
                top.stream().map(FeatureImportance::share).toList());
        bars.setFillColor(PALETTE[0]);
        CategoryStyler styler = chart.getStyler();
        styler.setLegendVisible(false);
        styler.setXAxisLabelRotation(40);
        styler.setYAxisMin(0.0);
        styler.setyAxisTickLabelsFormattingFunction(v -> Numbers.percent(v, ""));
        styler.setAvailableSpaceFill(0.7);
        return png(chart);
    }

    /**
     * A legend in one row under the plot when the labels fit the width (estimated at 7 px a character
     * plus the key); otherwise one column right of the plot, which costs plot width but never clips.
     */
    private static void legendBelowIfItFits(XYChart chart, List<String> labels) {
        int width = labels.stream().mapToInt(label -> 7 * label.length() + 50).sum() + 40;
        boolean below = width <= WIDTH - 2 * 10;
        chart.getStyler().setLegendPosition(below ? Styler.LegendPosition.OutsideS : Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(below ? Styler.LegendLayout.Horizontal : Styler.LegendLayout.Vertical);
    }

    private static void styleXY(XYChart chart) {
        styleAxes(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setMarkerSize(6);
    }

    private static void styleAxes(AxesChartStyler styler) {
        styler.setLocale(Locale.ROOT);
        styler.setAntiAlias(true);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setPlotGridLinesColor(GRID);
        styler.setPlotGridVerticalLinesVisible(false);
        styler.setChartFontColor(INK);
        styler.setAxisTickLabelsColor(INK);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        styler.setChartTitleBoxVisible(false);
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setAxisTickLabelsFont(TICK_FONT);
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendBorderColor(Color.WHITE);
        styler.setChartPadding(10);
        styler.setYAxisDecimalPattern("#,##0.##");
    }

    /** A solid line (XChart would otherwise cycle dash patterns through the series). */
    private static void line(XYSeries series, Color color, float width) {
        series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        series.setLineColor(color);
        series.setLineStyle(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        series.setMarker(SeriesMarkers.NONE);
    }

    /** The band as one polygon: upper bounds left to right, then lower bounds right to left. */
    private static double[][] band(double[] x, WindowBand w) {
        List<Integer> ok = new ArrayList<>();
        for (int i = 0; i < w.point().length; i++) {
            if (Double.isFinite(w.lower()[i]) && Double.isFinite(w.upper()[i])) {
                ok.add(i);
            }
        }
        int n = ok.size();
        double[] px = new double[2 * n];
        double[] py = new double[2 * n];
        for (int k = 0; k < n; k++) {
            int i = ok.get(k);
            px[k] = x[w.start() + i];
            py[k] = w.upper()[i];
            px[2 * n - 1 - k] = x[w.start() + i];
            py[2 * n - 1 - k] = w.lower()[i];
        }
        return new double[][] {px, py};
    }

    private static int finiteCount(double[] values) {
        return (int) Arrays.stream(values).filter(Double::isFinite).count();
    }

    private static double min(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).min().orElse(0);
    }

    private static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding chart '" + chart.getTitle() + "' as PNG failed", e);
        }
    }
}
