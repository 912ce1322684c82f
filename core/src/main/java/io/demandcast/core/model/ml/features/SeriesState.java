package io.demandcast.core.model.ml.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;

/**
 * What a fitted ML model keeps of one series to forecast it without the panel: its last period,
 * target divisor and level, price means, static codes, and the last {@code tail} periods of the
 * transformed target, of the price columns and of the past-only columns (the values lags, rolling
 * windows, price changes and lagged past-only covariates reach back to from the forecast periods).
 * Tails end at {@link #lastPeriod()}; NaN where missing or before the series starts.
 *
 * @param group the index of the series' model group (0 without {@code group_by})
 */
public record SeriesState(String id, int group, int lastPeriod, double divisor, double level, double[] priceMean,
                          int[] staticCodes, double[] zTail, double[][] priceTail, double[][] pastTail) {

    /**
     * The frame a forecast of {@code h} steps reads: the tails, then the forecast periods, whose known
     * columns the caller fills ({@code known}, {@code price}, {@code categorical}: per column, h values)
     * and whose target the forecast fills.
     */
    public SeriesFrame forecastFrame(double[][] known, double[][] price, int[][] categorical, int h) {
        int t = zTail.length;
        double[] z = Arrays.copyOf(zTail, t + h);
        Arrays.fill(z, t, t + h, Double.NaN);
        double[][] k = new double[known.length][];
        for (int c = 0; c < known.length; c++) {
            k[c] = new double[t + h];
            Arrays.fill(k[c], 0, t, Double.NaN);
            System.arraycopy(known[c], 0, k[c], t, h);
        }
        double[][] p = new double[price.length][];
        for (int c = 0; c < price.length; c++) {
            p[c] = Arrays.copyOf(priceTail[c], t + h);
            System.arraycopy(price[c], 0, p[c], t, h);
        }
        int[][] cat = new int[categorical.length][];
        for (int c = 0; c < categorical.length; c++) {
            cat[c] = new int[t + h];
            Arrays.fill(cat[c], 0, t, -1);
            System.arraycopy(categorical[c], 0, cat[c], t, h);
        }
        double[][] past = new double[pastTail.length][];
        for (int c = 0; c < pastTail.length; c++) {
            past[c] = Arrays.copyOf(pastTail[c], t + h);
            Arrays.fill(past[c], t, t + h, Double.NaN);
        }
        return new SeriesFrame(lastPeriod - t + 1, z, k, p, cat, past, Math.log1p(level), priceMean, staticCodes);
    }

    public void write(ObjectNode o) {
        o.put("id", id);
        o.put("group", group);
        o.put("last_period", lastPeriod);
        o.put("divisor", divisor);
        putNumber(o, "level", level);
        numbers(o.putArray("price_mean"), priceMean);
        ArrayNode codes = o.putArray("static_codes");
        for (int c : staticCodes) {
            codes.add(c);
        }
        numbers(o.putArray("z_tail"), zTail);
        ArrayNode pt = o.putArray("price_tail");
        for (double[] col : priceTail) {
            numbers(pt.addArray(), col);
        }
        ArrayNode past = o.putArray("past_tail");
        for (double[] col : pastTail) {
            numbers(past.addArray(), col);
        }
    }

    public static SeriesState read(JsonNode o) {
        int[] codes = new int[o.path("static_codes").size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = o.path("static_codes").get(i).asInt();
        }
        double[][] pt = new double[o.path("price_tail").size()][];
        for (int i = 0; i < pt.length; i++) {
            pt[i] = numbers(o.path("price_tail").get(i));
        }
        double[][] past = new double[o.path("past_tail").size()][];
        for (int i = 0; i < past.length; i++) {
            past[i] = numbers(o.path("past_tail").get(i));
        }
        return new SeriesState(o.path("id").asText(), o.path("group").asInt(), o.path("last_period").asInt(),
                o.path("divisor").asDouble(), number(o.path("level")), numbers(o.path("price_mean")), codes,
                numbers(o.path("z_tail")), pt, past);
    }

    /** JSON has no NaN: a missing value is written as null. */
    static void numbers(ArrayNode array, double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                array.add(v);
            } else {
                array.addNull();
            }
        }
    }

    static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    static double number(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? Double.NaN : n.asDouble();
    }

    static double[] numbers(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(array.get(i));
        }
        return out;
    }
}
