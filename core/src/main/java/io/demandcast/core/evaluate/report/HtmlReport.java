package io.demandcast.core.evaluate.report;

import io.demandcast.core.model.FeatureImportance;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report as one self-contained HTML page for demand planners: inline CSS, charts embedded as
 * {@code data:} PNG images, no script and no external reference. Every piece of text from the data
 * is HTML-escaped.
 */
final class HtmlReport {
    /** Most series pictures drawn; the backtest may pass more. */
    static final int MAX_TRACES = 9;
    /** Most models drawn in one chart (one colour each). */
    static final int MAX_CHART_MODELS = 10;
    /** Most models in the coverage chart: each takes two lines and two legend entries. */
    static final int MAX_COVERAGE_MODELS = 4;
    private static final String DASH = "–";

    private static final String CSS = """
            *{box-sizing:border-box}
            body{margin:0;background:#eef0f3;color:#222;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif}
            main{max-width:1040px;margin:0 auto;padding:24px 32px 40px;background:#fff}
            h1{font-size:25px;margin:0 0 4px}
            h2{font-size:19px;margin:36px 0 8px;padding-bottom:4px;border-bottom:2px solid #e3e6ea}
            h3{font-size:15px;margin:20px 0 4px}
            p{margin:6px 0}
            code{font:13px/1.4 "DejaVu Sans Mono",Menlo,Consolas,monospace;background:#f3f4f6;padding:1px 4px;border-radius:3px}
            .lead{font-size:16px;margin:8px 0 14px}
            .facts{display:grid;grid-template-columns:max-content 1fr max-content 1fr;gap:2px 14px;margin:0;padding:10px 14px;background:#f6f7f9;border-radius:6px;font-size:14px}
            .facts dt{color:#666}
            .facts dd{margin:0;font-weight:600}
            .hint{font-size:13px;color:#555}
            .table-wrap{overflow-x:auto}
            table{border-collapse:collapse;width:100%;font-size:14px;font-variant-numeric:tabular-nums}
            th,td{padding:5px 7px;border-bottom:1px solid #e6e8eb;text-align:right}
            table.leaderboard td{white-space:nowrap}
            th{background:#f0f2f5;font-weight:600;vertical-align:bottom}
            th[title]{cursor:help;text-decoration:underline dotted #999}
            .text{text-align:left}
            table.leaderboard td.model{font-weight:600;white-space:normal;min-width:8em}
            tr.baseline td{background:#f4f4f4;color:#555}
            tr.production td{background:#fff7dc}
            td.best{font-weight:700;color:#000}
            span.family{font-weight:400;color:#777;font-size:85%}
            td.pos{color:#17642a}
            td.neg{color:#a31515}
            .badge{display:inline-block;padding:0 7px;border-radius:9px;font-size:12px;font-weight:600;line-height:18px}
            .badge.baseline{background:#dcdcdc;color:#333}
            .badge.production{background:#ffd95a;color:#4d3800}
            .badge.pass{background:#cdeccf;color:#145c1e}
            .badge.fail{background:#f9cccc;color:#8b1515}
            .verdict{padding:8px 12px;border-radius:6px;font-weight:600}
            .verdict.pass{background:#e5f5e6;color:#145c1e}
            .verdict.fail{background:#fde8e8;color:#8b1515}
            details{margin:10px 0;font-size:14px}
            summary{cursor:pointer;color:#1f5fa8}
            dl.glossary dt{font-weight:600;margin-top:6px}
            dl.glossary dd{margin:0 0 0 16px;color:#444}
            figure{margin:18px 0 26px}
            figure img{display:block;max-width:100%;height:auto;border:1px solid #e6e8eb}
            figcaption{font-size:13px;color:#555;margin-top:6px;max-width:900px}
            footer{margin-top:40px;font-size:12px;color:#888}
            """;

    private HtmlReport() {
    }

    static String render(ReportData data) {
        return render(data, ReportHeading.backtest(data));
    }

    static String render(ReportData data, ReportHeading heading) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(heading.title())).append(": ").append(esc(data.experiment())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        header(data, heading, h);
        gate(data, heading, h);
        leaderboard(data, h);
        charts(data, h);
        data.sections().forEach(section -> section(section, h));
        notes(data, h);
        h.append("<footer>Written by demandcast. This page is self-contained: it needs no network and no scripts."
                + " The same leaderboard is in <code>leaderboard.csv</code>.</footer>\n");
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void header(ReportData data, ReportHeading heading, StringBuilder h) {
        h.append("<header>\n<h1>").append(esc(heading.title())).append(": ").append(esc(data.experiment())).append("</h1>\n");
        String summary = heading.lead() != null ? esc(heading.lead()) : summary(data);
        if (!summary.isEmpty()) {
            h.append("<p class=\"lead\">").append(summary).append("</p>\n");
        }
        h.append("<dl class=\"facts\">\n");
        for (ReportHeading.Fact fact : heading.facts()) {
            h.append("<dt>").append(esc(fact.label())).append("</dt><dd>").append(esc(fact.value())).append("</dd>\n");
        }
        h.append("</dl>\n</header>\n");
    }

    /** One sentence a planner can act on: who won, by how much against the baseline, where production stands. */
    private static String summary(ReportData data) {
        if (data.leaderboard().isEmpty()) {
            return "";
        }
        LeaderboardRow best = data.leaderboard().get(0);
        StringBuilder s = new StringBuilder("Best model: <strong>").append(esc(best.model())).append("</strong>");
        if (best.role().equals(LeaderboardRow.BASELINE)) {
            return s.append(", the seasonal naive baseline: no other model beat it.").toString();
        }
        if (!data.metricNames().isEmpty()) {
            String first = data.metricNames().get(0);
            s.append(" (").append(esc(first)).append(' ').append(Numbers.readable(best.metric(first), DASH)).append(')');
        }
        data.metricNames().stream().filter(MetricGuide::isSkill).findFirst().ifPresent(skill -> {
            double v = best.metric(skill);
            if (Double.isFinite(v)) {
                s.append(v >= 0 ? ", " + Numbers.percent(v, DASH) + " less error than" : ", "
                        + Numbers.percent(-v, DASH) + " more error than").append(" the seasonal naive baseline");
            }
        });
        s.append('.');
        for (LeaderboardRow row : data.leaderboard()) {
            if (row.role().equals(LeaderboardRow.PRODUCTION) && row != best) {
                s.append(" The production model <strong>").append(esc(row.model())).append("</strong> ranks ")
                        .append(row.rank()).append(" of ").append(data.leaderboard().size()).append('.');
            }
        }
        return s.toString();
    }

    private static void gate(ReportData data, ReportHeading heading, StringBuilder h) {
        if (data.gate().isEmpty()) {
            return;
        }
        long failed = data.gate().stream().filter(g -> !g.passed()).count();
        h.append("<section id=\"gate\">\n<h2>").append(esc(heading.checks())).append("</h2>\n");
        if (failed == 0) {
            h.append("<p class=\"verdict pass\">Passed: all ").append(data.gate().size()).append(" checks met.</p>\n");
        } else {
            h.append("<p class=\"verdict fail\">Failed: ").append(failed).append(" of ").append(data.gate().size())
                    .append(" checks not met.</p>\n");
        }
        h.append("<div class=\"table-wrap\"><table>\n<tr><th class=\"text\">Result</th><th class=\"text\">Rule</th>")
                .append("<th class=\"text\">Model</th><th class=\"text\">Detail</th></tr>\n");
        for (GateLine line : data.gate()) {
            h.append("<tr><td class=\"text\">").append(line.passed() ? "<span class=\"badge pass\">✔ pass</span>"
                            : "<span class=\"badge fail\">✘ fail</span>")
                    .append("</td><td class=\"text\"><code>").append(esc(line.rule())).append("</code></td><td class=\"text\">")
                    .append(esc(line.model())).append("</td><td class=\"text\">").append(esc(line.detail()))
                    .append("</td></tr>\n");
        }
        h.append("</table></div>\n</section>\n");
    }

    private static void leaderboard(ReportData data, StringBuilder h) {
        h.append("<section id=\"leaderboard\">\n<h2>Leaderboard</h2>\n");
        if (data.leaderboard().isEmpty()) {
            h.append("<p>No model was scored.</p>\n</section>\n");
            return;
        }
        h.append("<p class=\"hint\">Best model first, ranked on the first error column. ")
                .append("<span class=\"badge baseline\">baseline</span> is the seasonal naive forecast (same period of ")
                .append("the last season repeated) that every skill is measured against; ")
                .append("<span class=\"badge production\">production</span> is the model in use today. ")
                .append("<b>Bold</b> marks the best value of a column; – means undefined.</p>\n");
        List<String> metrics = data.metricNames();
        int[] decimals = Numbers.metricDecimals(data);
        double[] best = new double[metrics.size()];
        for (int m = 0; m < metrics.size(); m++) {
            best[m] = bestValue(metrics.get(m), data.leaderboard());
        }
        // Role and family sit in the model's cell (a badge, and the family in grey when it is not the
        // name): two more columns pushed the metrics off a laptop screen.
        h.append("<div class=\"table-wrap\"><table class=\"leaderboard\">\n<tr><th>Rank</th><th class=\"text\">Model</th>");
        for (String metric : metrics) {
            String description = MetricGuide.describe(metric);
            h.append("<th");
            if (description != null) {
                h.append(" title=\"").append(esc(description)).append('"');
            }
            h.append('>').append(esc(metric).replace("_", "_<wbr>")).append("</th>");
        }
        h.append("</tr>\n");
        for (LeaderboardRow row : data.leaderboard()) {
            h.append("<tr class=\"").append(row.role()).append("\"><td>").append(row.rank())
                    .append("</td><td class=\"text model\">").append(esc(row.model()).replace("_", "_<wbr>"));
            if (!row.role().equals(LeaderboardRow.CANDIDATE)) {
                h.append(" <span class=\"badge ").append(row.role()).append("\">").append(row.role()).append("</span>");
            }
            if (!row.family().equals(row.model())) {
                h.append("<br><span class=\"family\">").append(esc(row.family())).append("</span>");
            }
            h.append("</td>");
            for (int m = 0; m < metrics.size(); m++) {
                double v = row.metric(metrics.get(m));
                List<String> classes = new ArrayList<>();
                if (Double.isFinite(v) && v == best[m]) {
                    classes.add("best");
                }
                if (MetricGuide.isSkill(metrics.get(m)) && Double.isFinite(v) && v != 0) {
                    classes.add(v > 0 ? "pos" : "neg");
                }
                h.append(classes.isEmpty() ? "<td>" : "<td class=\"" + String.join(" ", classes) + "\">")
                        .append(Numbers.fixed(v, decimals[m], DASH)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table></div>\n");
        if (metrics.stream().anyMatch(MetricGuide::isSkill)) {
            h.append("<p><b>Skill</b> = 1 − model error / seasonal naive error. Positive is better: 0.10 means 10% less")
                    .append(" error than the seasonal naive baseline; 0 means no better; negative means worse.</p>\n");
        }
        List<String> explained = metrics.stream().filter(m -> MetricGuide.describe(m) != null).toList();
        if (!explained.isEmpty()) {
            h.append("<details><summary>What the columns mean</summary>\n<dl class=\"glossary\">\n");
            for (String metric : explained) {
                h.append("<dt>").append(esc(metric)).append("</dt><dd>").append(esc(MetricGuide.describe(metric)))
                        .append("</dd>\n");
            }
            h.append("</dl>\n</details>\n");
        }
        h.append("</section>\n");
    }

    /** The best finite value of a column, or NaN when the column has no "best" or no value. */
    private static double bestValue(String metric, List<LeaderboardRow> rows) {
        MetricGuide.Best rule = MetricGuide.best(metric);
        double target = MetricGuide.target(metric);
        double best = Double.NaN;
        for (LeaderboardRow row : rows) {
            double v = row.metric(metric);
            if (!Double.isFinite(v)) {
                continue;
            }
            boolean better = switch (rule) {
                case LOWEST -> Double.isNaN(best) || v < best;
                case HIGHEST -> Double.isNaN(best) || v > best;
                case CLOSEST_TO_TARGET -> Double.isNaN(best) || Math.abs(v - target) < Math.abs(best - target);
                case NONE -> false;
            };
            if (better) {
                best = v;
            }
        }
        return best;
    }

    private static void charts(ReportData data, StringBuilder h) {
        List<SeriesTrace> traces = data.traces();
        if (!traces.isEmpty()) {
            h.append("<section id=\"series\">\n<h2>Example series</h2>\n<p class=\"hint\">");
            if (traces.size() > MAX_TRACES) {
                h.append("Showing ").append(MAX_TRACES).append(" of ").append(traces.size()).append(" series. ");
            }
            h.append("Each picture shows what sold (dark line) and what the model forecast at the start of each")
                    .append(" backtest window (blue line, after each dashed vertical line).</p>\n");
            for (SeriesTrace trace : traces.subList(0, Math.min(MAX_TRACES, traces.size()))) {
                String alt = "Actual and forecast of " + trace.seriesId() + " by " + trace.model() + " ("
                        + trace.label() + " series)";
                figure(h, ReportCharts.trace(trace), alt, traceCaption(trace, data.intervals()));
            }
            h.append("</section>\n");
        }

        List<String> models = data.modelOrder();
        List<String> sampled = drawn(models, data.errorSamples().keySet());
        List<String> stepped = drawn(models, data.errorByStep().keySet());
        List<String> covered = drawn(models, data.coverage().keySet()).stream().limit(MAX_COVERAGE_MODELS).toList();
        if (!sampled.isEmpty() || !stepped.isEmpty()) {
            h.append("<section id=\"errors\">\n<h2>Errors</h2>\n");
            if (!sampled.isEmpty()) {
                figure(h, ReportCharts.errorDistribution(sampled, data.errorSamples()),
                        "Box plot of scaled errors per model", "Each box holds the middle half of a model's scaled"
                                + " errors (one per series and backtest window); the line inside is the median and the"
                                + " whiskers reach the furthest errors within 1.5 box heights. Lower and shorter boxes"
                                + " are better: the model is accurate on most series, not just on average. The diamond"
                                + " is the mean." + boxKey(sampled) + truncation(sampled, data.errorSamples().size()));
            }
            if (!stepped.isEmpty()) {
                figure(h, ReportCharts.errorByStep(stepped, data.errorByStep()), "Mean scaled error per forecast step",
                        "How the error grows with distance: step 1 is the first period after the forecast was made,"
                                + " step " + data.horizon() + " the last. A flat line keeps its accuracy far ahead; a"
                                + " steep one is reliable only for the first periods."
                                + truncation(stepped, data.errorByStep().size()));
            }
            h.append("</section>\n");
        }
        double single = singleLevel(drawn(models, data.coverage().keySet()), data.coverage());
        if (!Double.isNaN(single)) {
            List<String> all = drawn(models, data.coverage().keySet());
            h.append("<section id=\"coverage\">\n<h2>Interval coverage</h2>\n");
            figure(h, ReportCharts.coverageBars(all, data.coverage(), single), "Observed against promised interval coverage",
                    "How often the actuals fell inside each model's " + Numbers.percent(single, "") + " prediction interval;"
                            + " the dashed line is the promise. Below it the intervals are too narrow (more surprises"
                            + " than promised, so plan more safety stock), above it too wide. Conformal intervals are"
                            + " calibrated on the errors of earlier backtest windows, so they are scored from window 2 on.");
            h.append("</section>\n");
        } else if (!covered.isEmpty()) {
            h.append("<section id=\"coverage\">\n<h2>Interval coverage</h2>\n");
            figure(h, ReportCharts.coverage(covered, data.coverage()), "Observed against promised interval coverage",
                    "Each point compares how often the actuals fell inside the prediction intervals (up) with how"
                            + " often they should have (across). On the dotted diagonal the intervals keep their"
                            + " promise; below it they are too narrow (more surprises than promised, so plan more"
                            + " safety stock), above it too wide. Solid lines: the model's own intervals; dashed:"
                            + " conformal intervals, calibrated on past backtest errors."
                            + truncation(covered, data.coverage().size()));
            h.append("</section>\n");
        }
        serviceLevels(data, h);
        importance(data, h);
    }

    /** The policy outcomes (per model with the normal baseline, per demand class for the best model) and the level charts. */
    private static void serviceLevels(ReportData data, StringBuilder h) {
        if (data.policies().isEmpty()) {
            return;
        }
        h.append("<section id=\"service-levels\">\n<h2>Service levels</h2>\n<p class=\"hint\">")
                .append(esc(ServiceLevelTable.EXPLANATION)).append("</p>\n");
        table(h, ServiceLevelTable.HEADER, ServiceLevelTable.overall(data));
        List<List<String>> byClass = ServiceLevelTable.byClass(data);
        if (!byClass.isEmpty()) {
            h.append("<p>By demand class, ").append(esc(ServiceLevelTable.bestModel(data))).append(":</p>\n");
            table(h, ServiceLevelTable.CLASS_HEADER, byClass);
        }
        for (LevelFan fan : data.levelFans()) {
            figure(h, ReportCharts.levels(fan), "Cumulative demand and order-up-to levels of " + fan.seriesId(),
                    "Series " + fan.seriesId() + " after the last cutoff: cumulative forecast of " + fan.model() + " with its "
                            + Numbers.percent(fan.nominal(), "") + " fan (bootstrap of backtest errors), cumulative actual"
                            + " demand, and the order-up-to level S of each policy (dashed: normal baseline). A cycle is"
                            + " short where the actual line ends above S.");
        }
        h.append("</section>\n");
    }

    private static void table(StringBuilder h, List<String> header, List<List<String>> rows) {
        h.append("<div class=\"table-wrap\"><table>\n<tr>");
        for (int i = 0; i < header.size(); i++) {
            h.append(i < 3 ? "<th class=\"text\">" : "<th>").append(esc(header.get(i))).append("</th>");
        }
        h.append("</tr>\n");
        for (List<String> row : rows) {
            h.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                h.append(i < 3 ? "<td class=\"text\">" : "<td>").append(esc(row.get(i))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table></div>\n");
    }

    /** One bar chart of the top features per model that has importance, at most {@link #MAX_CHART_MODELS}. */
    private static void importance(ReportData data, StringBuilder h) {
        List<String> models = drawn(data.modelOrder(), data.importance().keySet());
        if (models.isEmpty()) {
            return;
        }
        h.append("<section id=\"importance\">\n<h2>Feature importance</h2>\n<p class=\"hint\">")
                .append(esc(MarkdownReport.IMPORTANCE_TEXT)).append(" Every feature is in <code>")
                .append(ReportWriter.IMPORTANCE_CSV).append("</code>.</p>\n");
        for (String model : models) {
            List<FeatureImportance> features = data.importance().get(model);
            int shown = Math.min(ReportCharts.TOP_FEATURES, features.size());
            figure(h, ReportCharts.importance(model, features), "Feature importance of " + model,
                    "The " + shown + " most important of the " + features.size() + " features of " + model
                            + ": a longer bar weighs more in its forecasts.");
        }
        h.append("</section>\n");
    }

    /** The one nominal level every drawn model has exactly, or NaN when there are several (or none). */
    private static double singleLevel(List<String> models, Map<String, List<CoveragePoint>> coverage) {
        double level = Double.NaN;
        for (String model : models) {
            List<CoveragePoint> points = coverage.get(model);
            if (points.size() != 1 || (!Double.isNaN(level) && Math.abs(points.get(0).nominal() - level) > 1e-9)) {
                return Double.NaN;
            }
            level = points.get(0).nominal();
        }
        return level;
    }

    /** The key to numbered boxes, when the names did not fit under them. */
    private static String boxKey(List<String> models) {
        if (ReportCharts.namesFitUnderBoxes(models)) {
            return "";
        }
        StringBuilder key = new StringBuilder(" Boxes:");
        for (int i = 0; i < models.size(); i++) {
            key.append(i == 0 ? " " : ", ").append(i + 1).append(" = ").append(models.get(i));
        }
        return key.append('.').toString();
    }

    private static String traceCaption(SeriesTrace trace, String intervals) {
        String interval = trace.windows().stream().filter(WindowBand::hasInterval).findFirst()
                .map(w -> " The shaded band is the " + Numbers.percent(w.nominal(), "") + " prediction interval: about "
                        + Math.round(w.nominal() * 10) + " in 10 actual values should fall inside it.")
                .orElse(" This model gave no prediction interval.");
        String conformal = "conformal".equals(intervals) && trace.windows().size() > 1
                ? " From the second window on the band is conformal, calibrated on the errors of the earlier windows;"
                        + " the first window shows the model's own interval." : "";
        return "The " + trace.label() + " series for " + trace.model() + ": score " + Numbers.readable(trace.score(), DASH)
                + " is its scaled error over all windows (lower is better)." + interval + conformal;
    }

    /** The models of {@code order} that have data in {@code present}, at most {@link #MAX_CHART_MODELS}. */
    private static List<String> drawn(List<String> order, Set<String> present) {
        return order.stream().filter(present::contains).limit(MAX_CHART_MODELS).toList();
    }

    private static String truncation(List<String> drawn, int available) {
        return drawn.size() < available ? " Showing the " + drawn.size() + " best-ranked of " + available + " models."
                : "";
    }

    private static void figure(StringBuilder h, byte[] png, String alt, String caption) {
        h.append("<figure>\n<img width=\"").append(ReportCharts.WIDTH).append("\" height=\"")
                .append(ReportCharts.HEIGHT).append("\" alt=\"").append(esc(alt)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\">\n<figcaption>").append(esc(caption))
                .append("</figcaption>\n</figure>\n");
    }

    /** A further section: heading, paragraphs as hints, tables (text columns left, numbers right). */
    private static void section(ReportSection section, StringBuilder h) {
        h.append("<section id=\"").append(esc(section.id())).append("\">\n<h2>").append(esc(section.title())).append("</h2>\n");
        section.paragraphs().forEach(p -> h.append("<p class=\"hint\">").append(esc(p)).append("</p>\n"));
        for (ReportSection.Table table : section.tables()) {
            if (!table.caption().isBlank()) {
                h.append("<p>").append(esc(table.caption())).append("</p>\n");
            }
            h.append("<div class=\"table-wrap\"><table>\n<tr>");
            for (int i = 0; i < table.header().size(); i++) {
                h.append(i < table.textColumns() ? "<th class=\"text\">" : "<th>").append(esc(table.header().get(i))).append("</th>");
            }
            h.append("</tr>\n");
            for (List<String> row : table.rows()) {
                h.append("<tr>");
                for (int i = 0; i < row.size(); i++) {
                    h.append(i < table.textColumns() ? "<td class=\"text\">" : "<td>").append(esc(row.get(i))).append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</table></div>\n");
        }
        h.append("</section>\n");
    }

    private static void notes(ReportData data, StringBuilder h) {
        if (data.notes().isEmpty()) {
            return;
        }
        h.append("<section id=\"notes\">\n<h2>Notes</h2>\n<ul>\n");
        data.notes().forEach(note -> h.append("<li>").append(esc(note)).append("</li>\n"));
        h.append("</ul>\n</section>\n");
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
