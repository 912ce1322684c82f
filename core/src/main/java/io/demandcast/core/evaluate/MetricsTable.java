package io.demandcast.core.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the aggregate of a {@link ScoreResult} as an aligned plain-text table for people (the CLI
 * prints it to stderr). Values are rounded to 4 decimals; an undefined metric shows {@code n/a}.
 * Percent metrics carry a {@code %} suffix. Lines end with {@code \n}.
 */
public final class MetricsTable {
    private MetricsTable() {
    }

    public static String render(ScoreResult result) {
        AggregateMetrics a = result.aggregate();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"MAE", number(a.mae()), "mean over series"});
        rows.add(new String[] {"RMSE", number(a.rmse()), "mean over series"});
        rows.add(new String[] {"MAPE", percent(a.mape()), excluded(a.mapeExcluded(), "all-zero actuals")});
        rows.add(new String[] {"sMAPE", percent(a.smape()), "mean over series"});
        rows.add(new String[] {"MASE", number(a.mase()), excluded(a.maseExcluded(), "zero scale")
                + " (m = " + result.options().seasonLength() + ")"});
        rows.add(new String[] {"RMSSE", number(a.rmsse()), excluded(a.rmsseExcluded(), "zero scale")});
        rows.add(new String[] {"WAPE", percent(100 * a.wape()), "pooled"});
        rows.add(new String[] {"bias", number(a.bias()), "mean(forecast - actual) over series"});
        rows.add(new String[] {"relative bias", percent(100 * a.relativeBias()), "pooled"});
        rows.add(new String[] {"R2", number(a.r2()), excluded(a.r2Excluded(), "constant actuals")});
        rows.add(new String[] {"direction accuracy", number(a.direction().accuracy()), a.direction().steps() + " steps pooled"});
        rows.add(new String[] {"direction F1 (up)", number(a.direction().f1()), "precision " + number(a.direction().precision())
                + ", recall " + number(a.direction().recall())});
        if (!a.wrmsseByLevel().isEmpty()) {
            rows.add(new String[] {"WRMSSE", number(a.wrmsse()), "mean of " + a.wrmsseByLevel().size() + " level(s)"});
            for (Map.Entry<String, Double> e : a.wrmsseByLevel().entrySet()) {
                rows.add(new String[] {"  level " + e.getKey(), number(e.getValue()), ""});
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(result.model()).append(": ").append(a.series()).append(" series, horizon ").append(result.horizon())
                .append(", ").append(a.n()).append(" periods scored\n");
        int nameWidth = "metric".length();
        int valueWidth = "value".length();
        for (String[] r : rows) {
            nameWidth = Math.max(nameWidth, r[0].length());
            valueWidth = Math.max(valueWidth, r[1].length());
        }
        String layout = "%-" + nameWidth + "s  %" + valueWidth + "s  %s";
        out.append(String.format(Locale.ROOT, layout, "metric", "value", "note").stripTrailing()).append('\n');
        for (String[] r : rows) {
            out.append(String.format(Locale.ROOT, layout, r[0], r[1], r[2]).stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4f", value) : "n/a";
    }

    private static String percent(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4f%%", value) : "n/a";
    }

    private static String excluded(int count, String why) {
        return count == 0 ? "mean over series" : "mean over series; " + count + " excluded (" + why + ")";
    }
}
