package io.demandcast.core.prepare;

import io.demandcast.core.config.PrepareConfig.OutlierAction;
import io.demandcast.core.config.PrepareConfig.OutlierConfig;
import io.demandcast.core.data.Panel;

/**
 * Finds target outliers series by series with a Hampel or IQR rule and acts on them:
 * {@code flag} adds a numeric 0/1 column {@value #FLAG_COLUMN} and leaves the target alone,
 * {@code clip} moves an outlier to the band edge it crossed, {@code replace} sets it to the rule's
 * typical value (rolling median for Hampel, series median for IQR).
 *
 * <p>{@code clip} and {@code replace} also keep the target as it was before treatment in a numeric
 * column {@value #RAW_TARGET_COLUMN}, so a backtest can score forecasts against the demand that
 * happened rather than the cleaned series the models were fitted on. That column holds the target
 * after the earlier steps (negatives policy, gap filling): a period that was absent or empty holds
 * its imputed value there too, since nothing was observed to keep.
 */
public final class OutlierTreatment {
    /** Name of the 0/1 column added by the {@code flag} action. */
    public static final String FLAG_COLUMN = "outlier";

    /**
     * Name of the numeric column holding the target before {@code clip} or {@code replace}. The name
     * is reserved: input data may not have a column so named.
     */
    public static final String RAW_TARGET_COLUMN = "raw_target";

    private OutlierTreatment() {
    }

    /** The treated panel and the number of outliers found per series (copied in and out). */
    public record Result(Panel panel, int[] outliers) {
        public Result {
            outliers = outliers.clone();
        }

        @Override
        public int[] outliers() {
            return outliers.clone();
        }
    }

    /** Applies {@code prepare.outliers}; with method {@code none} the panel is returned as it is. */
    public static Result apply(Panel panel, OutlierConfig config) {
        OutlierRule rule = switch (config.method()) {
            case none -> null;
            case hampel -> new HampelFilter(config.window(), config.threshold());
            case iqr -> new IqrFilter(config.threshold());
        };
        if (rule == null) {
            return new Result(panel, new int[panel.seriesCount()]);
        }
        return apply(panel, rule, config.action());
    }

    static Result apply(Panel panel, OutlierRule rule, OutlierAction action) {
        // Bands series by series into buffers of the longest series, and the target copied only when
        // it changes: flagging a panel of 59 M rows adds its 4-byte flag per row and nothing else.
        boolean flag = action == OutlierAction.flag;
        double[] target = flag ? null : panel.targetColumn();
        int longest = 0;
        for (int s = 0; s < panel.seriesCount(); s++) {
            longest = Math.max(longest, panel.length(s));
        }
        double[] lower = new double[longest];
        double[] upper = new double[longest];
        double[] centre = new double[longest];
        float[] flags = new float[flag ? panel.rowCount() : 0];
        int[] counts = new int[panel.seriesCount()];
        for (int s = 0; s < panel.seriesCount(); s++) {
            int from = panel.rowStart(s);
            double[] y = panel.values(s);
            rule.bands(y, 0, y.length, lower, upper, centre);
            for (int i = 0; i < y.length; i++) {
                boolean low = y[i] < lower[i];
                boolean high = y[i] > upper[i];
                if (!low && !high) {
                    continue;
                }
                counts[s]++;
                switch (action) {
                    case flag -> flags[from + i] = 1.0f;
                    case clip -> target[from + i] = low ? lower[i] : upper[i];
                    case replace -> target[from + i] = centre[i];
                }
            }
        }
        Panel out = flag ? panel.withFloatNumeric(FLAG_COLUMN, flags)
                : panel.withTarget(target).withNumeric(RAW_TARGET_COLUMN, panel.targetColumn());
        return new Result(out, counts);
    }
}
