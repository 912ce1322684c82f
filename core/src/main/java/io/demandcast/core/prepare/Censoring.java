package io.demandcast.core.prepare;

import io.demandcast.core.config.SchemaConfig;
import io.demandcast.core.data.Panel;
import java.util.Arrays;

/**
 * Stockouts: periods whose sales say nothing about demand because there was nothing to sell. Their
 * demand is censored, so prepare stores their target as missing (NaN) and marks them in the
 * {@value #COLUMN} column (1 censored, 0 not): every family then handles them as it handles a gap,
 * never as a zero, and every metric skips them and counts them.
 *
 * <p>Which periods are censored, from the stock column {@code data.schema} names:
 * <ul>
 *   <li>{@code availability} (1/0): a period with availability 0, whatever its sales. The stock
 *       system says the item was not on sale; sales booked there anyway (a late scan, a return
 *       reversed) are not demand either. An empty cell is unknown: not censored.</li>
 *   <li>{@code on_hand} (stock on hand, at the period's end or start): a period with on-hand at or
 *       below 0 (a negative count is a backorder) and no sale (0 or empty). With a sale the shelf was
 *       stocked for part of the period, so what sold is observed demand up to the sell-out: it is
 *       kept, since dropping every sell-out day would lose the busiest days of fast movers. An empty
 *       on-hand cell is unknown: not censored.</li>
 * </ul>
 * Periods that gap filling inserts carry no stock information and are never censored. The stock
 * column itself is dropped: its future values are not known, and a model reading it would learn
 * "no stock, no sales", the very thing censoring removes.
 *
 * <p>Order in prepare: {@link #mark} on the raw rows, before the negatives and gap-filling steps,
 * so imputation of neighbouring gaps ({@code ffill}, {@code linear}, {@code mean}) never reads a
 * censored sale; {@link #apply} after gap filling, which sets the censored periods back to NaN
 * (gap filling imputes every NaN target) and adds the mark.
 */
public final class Censoring {
    /** The prepared column marking censored periods (1) among the others (0); a reserved name. */
    public static final String COLUMN = "censored";

    private Censoring() {
    }

    /**
     * The censored periods of each series, sorted, and the raw panel with the stock column dropped and
     * the target NaN at those periods. Arrays are owned by the record.
     *
     * @param panel    the raw panel without the stock column, censored targets NaN
     * @param periods  per series (panel order), the censored periods, ascending
     */
    public record Marked(Panel panel, int[][] periods) {
        /** Censored periods in every series. */
        public long total() {
            return Arrays.stream(periods).mapToLong(p -> p.length).sum();
        }
    }

    /**
     * Marks the censored rows of a raw panel (rows sorted by period within each series) as
     * {@code schema}'s stock column says; a panel is returned as it is, with no period censored,
     * when the schema names no stock column.
     */
    public static Marked mark(Panel raw, SchemaConfig schema) {
        String column = schema.censoringColumn();
        int n = raw.seriesCount();
        if (column == null || !raw.hasNumeric(column)) {
            return new Marked(raw, new int[n][0]);
        }
        boolean availability = schema.censoring() == SchemaConfig.Censoring.AVAILABILITY;
        double[] stock = raw.numericColumn(column);
        double[] target = raw.targetColumn();
        int[][] periods = new int[n][];
        for (int s = 0; s < n; s++) {
            int count = 0;
            int[] out = new int[raw.length(s)];
            for (int r = raw.rowStart(s); r < raw.rowEnd(s); r++) {
                if (isCensored(availability, stock[r], target[r])) {
                    out[count++] = raw.period(r);
                    target[r] = Double.NaN;
                }
            }
            periods[s] = Arrays.copyOf(out, count);
        }
        return new Marked(raw.withoutNumeric(column).withTarget(target), periods);
    }

    /** The rule of the class comment for one period. */
    static boolean isCensored(boolean availability, double stock, double sales) {
        if (Double.isNaN(stock)) {
            return false;
        }
        return availability ? stock == 0 : stock <= 0 && (Double.isNaN(sales) || sales == 0);
    }

    /**
     * After gap filling: {@code filled} (same series, in the same order, as the panel
     * {@link #mark} returned, now regular) with the target NaN at every censored period and the
     * {@value #COLUMN} mark added as a float column. Without a censored period and without a stock
     * column ({@code stockColumn} false) the panel is returned as it is, so data without stock
     * information prepares exactly as before.
     */
    public static Panel apply(Panel filled, Marked marked, boolean stockColumn) {
        if (!stockColumn) {
            return filled;
        }
        float[] mark = new float[filled.rowCount()];
        forEachRow(filled, marked, r -> mark[r] = 1);
        return emptyTargets(filled, marked).withFloatNumeric(COLUMN, mark);
    }

    /** {@code filled} (regular, the series of {@code marked} in its order) with the target NaN at every censored period. */
    static Panel emptyTargets(Panel filled, Marked marked) {
        if (marked.total() == 0) {
            return filled;
        }
        double[] target = filled.targetColumn();
        forEachRow(filled, marked, r -> target[r] = Double.NaN);
        return filled.withTarget(target);
    }

    private static void forEachRow(Panel filled, Marked marked, java.util.function.IntConsumer row) {
        int[][] periods = marked.periods();
        for (int s = 0; s < filled.seriesCount(); s++) {
            int first = filled.firstPeriod(s);
            for (int p : periods[s]) {
                row.accept(filled.rowStart(s) + p - first);
            }
        }
    }

    /**
     * Per series, the censored periods {@code filled} has a value at: the cells gap filling imputed
     * although they were emptied by censoring, to be taken off its imputed-cell counts (they are
     * counted as censored instead).
     */
    static int[] imputedByGapFilling(Panel filled, Marked marked) {
        int[][] periods = marked.periods();
        int[] out = new int[filled.seriesCount()];
        for (int s = 0; s < filled.seriesCount(); s++) {
            int first = filled.firstPeriod(s);
            for (int p : periods[s]) {
                if (!Double.isNaN(filled.target(filled.rowStart(s) + p - first))) {
                    out[s]++;
                }
            }
        }
        return out;
    }

    /** Censored periods per series of a prepared panel: the rows its {@value #COLUMN} column marks (zeros without one). */
    public static int[] counts(Panel prepared) {
        int[] out = new int[prepared.seriesCount()];
        if (!prepared.hasNumeric(COLUMN)) {
            return out;
        }
        for (int s = 0; s < out.length; s++) {
            double[] mark = prepared.numericValues(COLUMN, s);
            for (double v : mark) {
                if (v > 0) {
                    out[s]++;
                }
            }
        }
        return out;
    }
}
