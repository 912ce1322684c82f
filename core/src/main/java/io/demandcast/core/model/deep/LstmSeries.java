package io.demandcast.core.model.deep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.model.ml.features.SeriesFrame;
import java.util.Arrays;

/**
 * What a fitted {@code lstm} keeps of one series to forecast it without the panel: its last period,
 * scale, price means and static codes, and the last {@code lookback} periods of its scaled target
 * and known and past-only covariates (the window the forecast reads). Tails end at {@link #lastPeriod()}; NaN
 * (codes -1) where missing or before the series starts.
 *
 * @param divisor  the series' mean |y| over its history (1 when that is 0 or undefined): {@code z = y / divisor}
 * @param logScale {@code log1p} of the series' mean |y| (0 when undefined), a static input
 */
record LstmSeries(String id, int lastPeriod, double divisor, double logScale, double[] priceMean, int[] staticCodes,
                  double[] zTail, double[][] knownTail, double[][] priceTail, int[][] categoricalTail, double[][] pastTail) {

    /** The state at the end of a history frame. */
    static LstmSeries of(String id, SeriesFrame frame, double divisor, int lookback) {
        int last = frame.length() == 0 ? -1 : frame.firstPeriod() + frame.length() - 1;
        return new LstmSeries(id, last, divisor, frame.logScale(), frame.priceMean().clone(), frame.staticCodes().clone(),
                tail(frame.z(), lookback), Arrays.stream(frame.known()).map(c -> tail(c, lookback)).toArray(double[][]::new),
                Arrays.stream(frame.price()).map(c -> tail(c, lookback)).toArray(double[][]::new),
                Arrays.stream(frame.categorical()).map(c -> tail(c, lookback)).toArray(int[][]::new),
                Arrays.stream(frame.pastOnly()).map(c -> tail(c, lookback)).toArray(double[][]::new));
    }

    /** Whether the series has an observed target in its window. */
    boolean observed() {
        return Arrays.stream(zTail).anyMatch(Double::isFinite);
    }

    /**
     * The frame a forecast reads: the tails (positions {@code 0 .. lookback - 1}), then {@code horizon}
     * forecast periods whose known covariates are the given ones ({@code known[c]}, {@code price[c]},
     * {@code categorical[c]}: up to {@code horizon} values each; periods after them have none). Past-only
     * columns have no value over the forecast periods.
     */
    SeriesFrame forecastFrame(double[][] known, double[][] price, int[][] categorical, int horizon) {
        int t = zTail.length;
        double[] z = Arrays.copyOf(zTail, t + horizon);
        Arrays.fill(z, t, t + horizon, Double.NaN);
        return new SeriesFrame(lastPeriod - t + 1, z, extend(knownTail, known, horizon), extend(priceTail, price, horizon),
                extend(categoricalTail, categorical, horizon), extend(pastTail, new double[pastTail.length][0], horizon), logScale, priceMean,
                staticCodes);
    }

    private static double[][] extend(double[][] tails, double[][] future, int horizon) {
        double[][] out = new double[tails.length][];
        for (int c = 0; c < tails.length; c++) {
            int t = tails[c].length;
            out[c] = Arrays.copyOf(tails[c], t + horizon);
            Arrays.fill(out[c], t, t + horizon, Double.NaN);
            System.arraycopy(future[c], 0, out[c], t, Math.min(horizon, future[c].length));
        }
        return out;
    }

    private static int[][] extend(int[][] tails, int[][] future, int horizon) {
        int[][] out = new int[tails.length][];
        for (int c = 0; c < tails.length; c++) {
            int t = tails[c].length;
            out[c] = Arrays.copyOf(tails[c], t + horizon);
            Arrays.fill(out[c], t, t + horizon, -1);
            System.arraycopy(future[c], 0, out[c], t, Math.min(horizon, future[c].length));
        }
        return out;
    }

    private static double[] tail(double[] values, int n) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        int k = Math.min(n, values.length);
        System.arraycopy(values, values.length - k, out, n - k, k);
        return out;
    }

    private static int[] tail(int[] values, int n) {
        int[] out = new int[n];
        Arrays.fill(out, -1);
        int k = Math.min(n, values.length);
        System.arraycopy(values, values.length - k, out, n - k, k);
        return out;
    }

    void write(ObjectNode o) {
        o.put("id", id);
        o.put("last_period", lastPeriod);
        o.put("divisor", divisor);
        o.put("log_scale", logScale);
        numbers(o.putArray("price_mean"), priceMean);
        ArrayNode codes = o.putArray("static_codes");
        Arrays.stream(staticCodes).forEach(codes::add);
        numbers(o.putArray("z_tail"), zTail);
        ArrayNode known = o.putArray("known_tail");
        Arrays.stream(knownTail).forEach(c -> numbers(known.addArray(), c));
        ArrayNode price = o.putArray("price_tail");
        Arrays.stream(priceTail).forEach(c -> numbers(price.addArray(), c));
        ArrayNode categorical = o.putArray("categorical_tail");
        for (int[] c : categoricalTail) {
            ArrayNode a = categorical.addArray();
            Arrays.stream(c).forEach(a::add);
        }
        ArrayNode past = o.putArray("past_only_tail");
        Arrays.stream(pastTail).forEach(c -> numbers(past.addArray(), c));
    }

    static LstmSeries read(JsonNode o) {
        int[] codes = ints(o.path("static_codes"));
        double[][] known = new double[o.path("known_tail").size()][];
        for (int c = 0; c < known.length; c++) {
            known[c] = numbers(o.path("known_tail").get(c));
        }
        double[][] price = new double[o.path("price_tail").size()][];
        for (int c = 0; c < price.length; c++) {
            price[c] = numbers(o.path("price_tail").get(c));
        }
        int[][] categorical = new int[o.path("categorical_tail").size()][];
        for (int c = 0; c < categorical.length; c++) {
            categorical[c] = ints(o.path("categorical_tail").get(c));
        }
        double[][] past = new double[o.path("past_only_tail").size()][];
        for (int c = 0; c < past.length; c++) {
            past[c] = numbers(o.path("past_only_tail").get(c));
        }
        return new LstmSeries(o.path("id").asText(), o.path("last_period").asInt(), o.path("divisor").asDouble(),
                o.path("log_scale").asDouble(), numbers(o.path("price_mean")), codes, numbers(o.path("z_tail")), known, price, categorical,
                past);
    }

    /** Numbers with JSON null for NaN (JSON has no NaN). */
    private static void numbers(ArrayNode array, double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                array.add(v);
            } else {
                array.addNull();
            }
        }
    }

    private static double[] numbers(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode e = array.get(i);
            out[i] = e.isNumber() ? e.doubleValue() : Double.NaN;
        }
        return out;
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }
}
