package io.demandcast.core.model.stat.intermittent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.model.UpdateMode;
import io.demandcast.core.model.stat.SeriesFit;
import io.demandcast.core.model.stat.SeriesMethod;
import io.demandcast.core.model.stat.simple.Ses;
import java.util.Arrays;
import java.util.Map;

/**
 * Temporal aggregation for intermittent demand, as statsforecast's {@code ADIDA} and {@code IMAPA}.
 *
 * <p>ADIDA (Nikolopoulos et al. 2011): the aggregation level k is the mean inter-demand interval
 * rounded half to even (at least 1); the first {@code n mod k} values are dropped, the rest summed
 * in consecutive blocks of k, SES (started at the first block, alpha in [0.1, 0.3] minimising the
 * squared one-step error) forecasts the next block and the flat forecast is that block divided by k.
 *
 * <p>IMAPA (Petropoulos &amp; Kourentzes 2015): the same for every level 1..k, the forecasts averaged.
 *
 * <p>Values at or below 0 count as no demand; no demand forecasts 0. Quantiles: see
 * {@link IntermittentFit}; the in-sample one-step forecast of a period is its block's SES forecast
 * divided by k (averaged over levels for IMAPA, where every level has one).
 */
public final class Adida implements SeriesMethod {
    private final String family;

    private Adida(String family) {
        this.family = family;
    }

    public static Adida adida() {
        return new Adida(IntermittentFamilies.ADIDA);
    }

    public static Adida imapa() {
        return new Adida(IntermittentFamilies.IMAPA);
    }

    @Override
    public String family() {
        return family;
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of();
    }

    /** Mean inter-demand interval rounded half to even, at least 1. */
    static int aggregationLevel(int[] at) {
        double mean = Arrays.stream(Demand.intervals(at)).average().orElse(1);
        return Math.max(1, (int) Math.rint(mean));
    }

    @Override
    public SeriesFit fit(double[] raw) {
        double[] y = Demand.nonNegative(raw);
        int[] at = Demand.occurrences(y);
        ObjectNode info = JsonNodeFactory.instance.objectNode();
        if (at.length == 0) {
            return IntermittentFit.of(0, new double[0], info);
        }
        int top = aggregationLevel(at);
        int from = family.equals(IntermittentFamilies.IMAPA) ? 1 : top;
        int levels = top - from + 1;
        double point = 0;
        double[] fitted = new double[y.length];
        ArrayNode alphas = info.putArray("alphas");
        for (int k = from; k <= top; k++) {
            double[] sums = blockSums(y, k);
            double alpha = Ses.optimizeSimple(sums, Croston.OPT_LOWER, Croston.OPT_UPPER);
            alphas.add(alpha);
            double[] levelFitted = new double[y.length];
            point += smooth(y, k, sums, alpha, levelFitted) / levels;
            for (int t = 0; t < y.length; t++) {
                fitted[t] += levelFitted[t] / levels;
            }
        }
        info.put("aggregation_level", top);
        double[] errors = new double[y.length - at[0] - 1];
        for (int t = at[0] + 1; t < y.length; t++) {
            errors[t - at[0] - 1] = y[t] - fitted[t];
        }
        return IntermittentFit.of(point, errors, info);
    }

    /**
     * Forecast per period at aggregation level k; fills {@code fitted} with each period's in-sample
     * one-step forecast (NaN where the block has none: the dropped head and the first block).
     */
    static double aggregate(double[] y, int k, double[] fitted) {
        double[] sums = blockSums(y, k);
        return smooth(y, k, sums, Ses.optimizeSimple(sums, Croston.OPT_LOWER, Croston.OPT_UPPER), fitted);
    }

    /** Sums of consecutive blocks of k values, aligned on the end of y (the first {@code n mod k} values are dropped). */
    static double[] blockSums(double[] y, int k) {
        int skip = y.length % k;
        double[] sums = new double[y.length / k];
        for (int b = 0; b < sums.length; b++) {
            for (int j = 0; j < k; j++) {
                sums[b] += y[skip + b * k + j];
            }
        }
        return sums;
    }

    /**
     * Forecast per period after SES with this alpha, started at the first block, through the block
     * sums; fills {@code fitted} (or skips it when null) as {@link #aggregate} describes.
     */
    private static double smooth(double[] y, int k, double[] sums, double alpha, double[] fitted) {
        int skip = y.length % k;
        if (fitted != null) {
            Arrays.fill(fitted, Double.NaN);
        }
        if (sums.length == 0) {
            return 0;
        }
        double level = sums[0];
        for (int b = 1; b < sums.length; b++) {
            if (fitted != null) {
                for (int j = 0; j < k; j++) {
                    fitted[skip + b * k + j] = level / k;
                }
            }
            level += alpha * (sums[b] - level);
        }
        return level / k;
    }

    /**
     * {@link UpdateMode#FILTER}: the aggregation level, each level's alpha and the error quantiles
     * are kept; the longer series is re-aggregated into blocks of the same sizes (aligned on its
     * end, as the fit aligns them) and each level's SES re-run from its first block. A series
     * without demand when fitted had nothing estimated, and is fitted afresh.
     *
     * @throws IllegalArgumentException when the fit was loaded from a state saved without its alphas
     */
    @Override
    public SeriesFit update(SeriesFit fitted, double[] raw) {
        IntermittentFit fit = IntermittentFit.of(fitted, family);
        JsonNode top = fit.fitted("aggregation_level");
        if (top == null) {
            return fit(raw);
        }
        int k = top.asInt();
        int from = family.equals(IntermittentFamilies.IMAPA) ? 1 : k;
        int levels = k - from + 1;
        JsonNode alphas = fit.fitted("alphas");
        if (alphas == null || alphas.size() != levels) {
            throw new IllegalArgumentException("this " + family + " fit was saved without the alphas of its " + levels
                    + " aggregation level(s) (by an older demandcast) and cannot be updated; retrain the model");
        }
        double[] y = Demand.nonNegative(raw);
        double point = 0;
        for (int level = from; level <= k; level++) {
            point += smooth(y, level, blockSums(y, level), alphas.get(level - from).asDouble(), null) / levels;
        }
        return fit.withPoint(point);
    }

    @Override
    public UpdateMode updateMode() {
        return UpdateMode.FILTER;
    }

    @Override
    public SeriesFit load(JsonNode state) {
        return IntermittentFit.load(state);
    }
}
