package io.demandcast.core.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.demandcast.core.artifact.ArtifactException;
import io.demandcast.core.model.Forecast;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Conformal prediction intervals from out-of-sample errors: normalised (locally weighted) split
 * conformal prediction, with the errors of earlier backtest windows as the calibration set for
 * later forecasts.
 *
 * <p>A <em>score</em> is {@code (y - f) / scale} for one series at one horizon step, {@code f} the
 * point forecast, {@code y} the actual and {@code scale > 0} the series' in-sample scale from
 * {@link #scaleOf}. Dividing by the scale makes errors of series of very different sizes
 * exchangeable, so one pool of scores serves them all. Scores are kept apart per horizon step
 * (0-based, as {@link Forecast#point}), because errors grow with the step. Within a step they are
 * pooled over series and windows; a <em>group</em> of series (e.g. a Syntetos-Boylan demand class)
 * gets its own offsets at a step when it has at least {@code minPerGroup} scores there, and uses
 * the pooled ones otherwise (too few scores would give noisy, saturated quantiles).
 *
 * <p>The <em>offset</em> of level {@code tau} at a step is the {@link ConformalQuantile} of that
 * step's scores: rank {@code ceil((n + 1) tau)} for {@code tau >= 0.5}, rank
 * {@code floor((n + 1) tau)} below, falling back to the largest/smallest score when {@code n} is too
 * small for the correction. The forecast quantile is then {@code f + scale * offset}.
 *
 * <p>A step without any score (every actual missing there) borrows the offsets of the nearest
 * earlier step that has scores, else of the nearest later one; steps at or beyond the calibrated
 * horizon use the last calibrated step. Immutable; build one with {@link #builder(int)} or read one
 * with {@link #load}/{@link #fromJson}.
 */
public final class ConformalCalibration {
    private final double[] levels;
    private final int horizon;
    private final int minPerGroup;
    private final StepOffsets[] pooled;
    private final Map<String, StepOffsets[]> groups;
    /** For each step, the step whose offsets it uses (itself unless it has no score). */
    private final int[] source;

    /**
     * The offsets of one step for the pooled scores or for one group.
     *
     * @param count   scores at the step
     * @param offsets one per level, ascending with the levels; null when the scores were too few to
     *                be used (none for the pooled ones, under {@code minPerGroup} for a group)
     */
    record StepOffsets(int count, double[] offsets) {
    }

    /**
     * @throws IllegalArgumentException when the parts are inconsistent (shared by the builder and the
     *                                  JSON reader, so a hand-edited file is checked as strictly)
     */
    ConformalCalibration(double[] levels, int horizon, int minPerGroup, StepOffsets[] pooled,
                         Map<String, StepOffsets[]> groups) {
        ProbabilisticMetrics.requireLevels(levels);
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1 (got " + horizon + ")");
        }
        if (minPerGroup < 1) {
            throw new IllegalArgumentException("min_per_group must be >= 1 (got " + minPerGroup + ")");
        }
        this.levels = levels.clone();
        this.horizon = horizon;
        this.minPerGroup = minPerGroup;
        this.pooled = checkSteps("pooled", pooled, 1);
        TreeMap<String, StepOffsets[]> copy = new TreeMap<>();
        for (Map.Entry<String, StepOffsets[]> e : groups.entrySet()) {
            copy.put(e.getKey(), checkSteps("group '" + e.getKey() + "'", e.getValue(), minPerGroup));
        }
        this.groups = Collections.unmodifiableMap(copy);
        this.source = sourceSteps(this.pooled);
    }

    private StepOffsets[] checkSteps(String what, StepOffsets[] steps, int minimum) {
        if (steps.length != horizon) {
            throw new IllegalArgumentException(what + ": " + steps.length + " steps, expected horizon " + horizon);
        }
        StepOffsets[] copy = new StepOffsets[horizon];
        for (int k = 0; k < horizon; k++) {
            StepOffsets step = steps[k];
            if (step.count() < 0) {
                throw new IllegalArgumentException(what + ", step " + k + ": negative count " + step.count());
            }
            boolean usable = step.count() >= minimum;
            if (usable != (step.offsets() != null)) {
                throw new IllegalArgumentException(what + ", step " + k + ": " + step.count() + " scores "
                        + (usable ? "but no offsets" : "cannot have offsets (needs " + minimum + ")"));
            }
            if (usable) {
                if (step.offsets().length != levels.length) {
                    throw new IllegalArgumentException(what + ", step " + k + ": " + step.offsets().length
                            + " offsets for " + levels.length + " levels");
                }
                for (double o : step.offsets()) {
                    if (!Double.isFinite(o)) {
                        throw new IllegalArgumentException(what + ", step " + k + ": offset " + o + " is not finite");
                    }
                }
            }
            copy[k] = new StepOffsets(step.count(), usable ? step.offsets().clone() : null);
        }
        return copy;
    }

    private static int[] sourceSteps(StepOffsets[] pooled) {
        int[] source = new int[pooled.length];
        int last = -1;
        for (int k = 0; k < pooled.length; k++) {
            if (pooled[k].offsets() != null) {
                last = k;
            }
            source[k] = last;
        }
        if (last < 0) {
            throw new IllegalArgumentException("no step has a score; nothing to calibrate");
        }
        int next = -1;
        for (int k = pooled.length - 1; k >= 0; k--) {
            if (pooled[k].offsets() != null) {
                next = k;
            }
            if (source[k] < 0) {
                source[k] = next;
            }
        }
        return source;
    }

    /**
     * A builder collecting scores for a calibration over {@code horizon} steps.
     *
     * @throws IllegalArgumentException when {@code horizon < 1}
     */
    public static Builder builder(int horizon) {
        return new Builder(horizon);
    }

    /**
     * The offset of quantile level index {@code level} at {@code step} (0-based) for a series of
     * {@code group}: the group's own when it had at least {@code minPerGroup} scores at that step,
     * else the pooled one. A null or unknown group uses the pooled offsets.
     *
     * @throws IllegalArgumentException when {@code level} is not an index of {@link #levels()} or
     *                                  {@code step < 0}
     */
    public double offset(String group, int level, int step) {
        if (level < 0 || level >= levels.length) {
            throw new IllegalArgumentException("level index " + level + " out of range 0.." + (levels.length - 1));
        }
        return offsets(group, step)[level];
    }

    /** The offsets of all levels, the internal array: callers in this class only read it. */
    private double[] offsets(String group, int step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0 (got " + step + ")");
        }
        int k = source[Math.min(step, horizon - 1)];
        StepOffsets[] own = group == null ? null : groups.get(group);
        if (own != null && own[k].offsets() != null) {
            return own[k].offsets();
        }
        return pooled[k].offsets();
    }

    /** Scores pooled at {@code step} (0-based), all series and windows; 0 beyond the horizon. */
    public int scoreCount(int step) {
        return step >= 0 && step < horizon ? pooled[step].count() : 0;
    }

    /**
     * Scores of {@code group} at {@code step}; 0 for a null or unknown group or a step beyond the
     * horizon.
     */
    public int scoreCount(String group, int step) {
        StepOffsets[] own = group == null ? null : groups.get(group);
        return own != null && step >= 0 && step < horizon ? own[step].count() : 0;
    }

    /** The quantile levels calibrated, ascending, a copy. */
    public double[] levels() {
        return levels.clone();
    }

    /** Horizon steps calibrated. */
    public int horizon() {
        return horizon;
    }

    /** The fewest scores a group needs at a step to get its own offsets. */
    public int minPerGroup() {
        return minPerGroup;
    }

    /** The groups that had scores, sorted (whether or not they have offsets of their own). */
    public Set<String> groups() {
        return groups.keySet();
    }

    /**
     * Conformal quantiles for a forecast: a new {@link Forecast} with the same model name, axis,
     * series ids, first periods, horizon, levels and point forecasts, whose quantile at level
     * {@code l}, series {@code s}, step {@code k} is
     * {@code point(s, k) + scales[s] * offset(groups[s], l, k)}. Across levels each (series, step)
     * is made non-decreasing (a running maximum): offsets from one score set already are, so this
     * only guards against hand-edited calibrations. The forecast's own quantiles are ignored;
     * {@code forecast} is not modified.
     *
     * @param scales per series, the scale its scores were divided by ({@link #scaleOf}), finite and
     *               {@code > 0}
     * @param groups per series, its group; an element may be null (pooled offsets)
     * @throws IllegalArgumentException when the forecast's levels differ from {@link #levels()}
     *                                  (beyond {@code 1e-9}), an array's length is not the number of
     *                                  series, or a scale is not finite and {@code > 0}
     */
    public Forecast apply(Forecast forecast, double[] scales, String[] groups) {
        double[] own = forecast.levels();
        boolean same = own.length == levels.length;
        for (int l = 0; same && l < levels.length; l++) {
            same = Math.abs(own[l] - levels[l]) <= ProbabilisticMetrics.LEVEL_TOLERANCE;
        }
        if (!same) {
            throw new IllegalArgumentException("forecast levels " + Arrays.toString(own)
                    + " differ from the calibrated levels " + Arrays.toString(levels));
        }
        int n = forecast.seriesCount();
        if (scales.length != n || groups.length != n) {
            throw new IllegalArgumentException(n + " series but " + scales.length + " scales and " + groups.length + " groups");
        }
        int h = forecast.horizon();
        String[] ids = new String[n];
        int[] first = new int[n];
        double[] point = new double[n * h];
        double[][] quantiles = new double[levels.length][n * h];
        for (int s = 0; s < n; s++) {
            ids[s] = forecast.seriesId(s);
            first[s] = forecast.firstPeriod(s);
            if (!Metrics.isUsableScale(scales[s])) {
                throw new IllegalArgumentException("series '" + ids[s] + "': scale must be finite and > 0 (got " + scales[s] + ")");
            }
            for (int k = 0; k < h; k++) {
                double f = forecast.point(s, k);
                double[] offsets = offsets(groups[s], k);
                point[s * h + k] = f;
                double floor = Double.NEGATIVE_INFINITY;
                for (int l = 0; l < levels.length; l++) {
                    floor = Math.max(floor, f + scales[s] * offsets[l]);
                    quantiles[l][s * h + k] = floor;
                }
            }
        }
        return new Forecast(forecast.model(), forecast.axis(), ids, first, h, point, forecast.levels(), quantiles)
                .withDirectionOf(forecast);
    }

    /**
     * The scale to normalise one series' errors by, always finite and {@code > 0}. Non-finite values
     * of {@code history} are ignored (treated as gaps). In order:
     * <ol>
     *   <li>the MASE scale, {@code mean |x_t - x_{t-m}|} ({@link Scales#mase}), so scores are
     *       in the units of the scaled metrics and seasonal swings do not count as error;</li>
     *   <li>else {@code mean |x_t - x_{t-1}|}: the history is shorter than a season plus one, or
     *       repeats its season exactly, yet it still moves from period to period;</li>
     *   <li>else {@code mean |x_t|}: a constant non-zero series has no differences, but its level
     *       still says how large its errors can reasonably be;</li>
     *   <li>else 1.0: an empty or all-zero history has no size at all; any positive constant
     *       works as long as calibration and {@link #apply} use the same one, and 1 leaves the errors
     *       in the series' units.</li>
     * </ol>
     * Calibration and {@link #apply} must use the same rule; a window's scale should come from the
     * history before its cutoff only, as the final forecast's comes from the history before it.
     *
     * @param seasonLength season length {@code m >= 1} (1 for non-seasonal data)
     * @throws IllegalArgumentException when {@code seasonLength < 1}
     */
    public static double scaleOf(double[] history, int seasonLength) {
        double[] finite = new double[history.length];
        double level = 0;
        int n = 0;
        for (int t = 0; t < history.length; t++) {
            finite[t] = Double.isFinite(history[t]) ? history[t] : Double.NaN;
            if (Double.isFinite(history[t])) {
                level += Math.abs(history[t]);
                n++;
            }
        }
        double seasonal = Scales.mase(finite, seasonLength);
        if (Metrics.isUsableScale(seasonal)) {
            return seasonal;
        }
        double oneStep = Scales.mase(finite, 1);
        if (Metrics.isUsableScale(oneStep)) {
            return oneStep;
        }
        double mean = n == 0 ? Double.NaN : level / n;
        return Metrics.isUsableScale(mean) ? mean : 1.0;
    }

    /** This calibration as a JSON document; see {@link ConformalCalibrationJson} for the format. */
    public ObjectNode toJson() {
        return ConformalCalibrationJson.write(this);
    }

    /**
     * Reads a calibration written by {@link #toJson}.
     *
     * @param source names the document in error messages (a file name)
     * @throws ArtifactException naming {@code source} when the document is not a calibration of a
     *                           supported format version, or is inconsistent
     */
    public static ConformalCalibration fromJson(JsonNode json, String source) {
        return ConformalCalibrationJson.read(json, source);
    }

    /**
     * Writes {@link #toJson} to {@code file} as pretty-printed UTF-8, replacing it.
     *
     * @throws IOException when the file cannot be written
     */
    public void save(Path file) throws IOException {
        ConformalCalibrationJson.save(this, file);
    }

    /**
     * Reads a calibration {@link #save}d to {@code file}.
     *
     * @throws IOException       when the file cannot be read
     * @throws ArtifactException naming the file when it is not valid JSON or not a valid calibration
     */
    public static ConformalCalibration load(Path file) throws IOException {
        return ConformalCalibrationJson.load(file);
    }

    StepOffsets pooledStep(int step) {
        return pooled[step];
    }

    Map<String, StepOffsets[]> groupSteps() {
        return groups;
    }

    /**
     * Collects scores, then {@link #build}s calibrations. Not thread-safe; {@link #build} may be
     * called more than once (e.g. for other levels) and does not consume the scores.
     */
    public static final class Builder {
        private final int horizon;
        private final StepScores[] steps;
        private final Map<String, Integer> groupIds = new HashMap<>();
        private final List<String> groupNames = new ArrayList<>();

        private Builder(int horizon) {
            if (horizon < 1) {
                throw new IllegalArgumentException("horizon must be >= 1 (got " + horizon + ")");
            }
            this.horizon = horizon;
            this.steps = new StepScores[horizon];
            for (int k = 0; k < horizon; k++) {
                steps[k] = new StepScores();
            }
        }

        /**
         * Adds the score {@code (y - f) / scale} of one series at one step of one window. A NaN score
         * (a missing actual) is ignored.
         *
         * @param group the series' group, or null when it belongs to none (pooled only)
         * @param step  horizon step, 0-based
         * @throws IllegalArgumentException when {@code step} is outside {@code 0..horizon-1} or the
         *                                  score is infinite (a zero scale: see {@link #scaleOf})
         */
        public Builder add(String group, int step, double score) {
            if (step < 0 || step >= horizon) {
                throw new IllegalArgumentException("step " + step + " outside the calibrated horizon 0.." + (horizon - 1));
            }
            if (Double.isNaN(score)) {
                return this;
            }
            if (Double.isInfinite(score)) {
                throw new IllegalArgumentException("score at step " + step + " is " + score + "; was the scale 0?");
            }
            int id = -1;
            if (group != null) {
                id = groupIds.computeIfAbsent(group, g -> {
                    groupNames.add(g);
                    return groupNames.size() - 1;
                });
            }
            steps[step].add(score, id);
            return this;
        }

        /** The groups that have added a score, in the order they first did, a copy. */
        public List<String> groupNames() {
            return List.copyOf(groupNames);
        }

        /**
         * The scores {@code group} added at {@code step}, ascending, a copy; empty when it added none.
         *
         * @throws IllegalArgumentException when {@code step} is outside {@code 0..horizon-1}
         */
        public double[] groupScores(String group, int step) {
            if (step < 0 || step >= horizon) {
                throw new IllegalArgumentException("step " + step + " outside the calibrated horizon 0.." + (horizon - 1));
            }
            Integer id = groupIds.get(group);
            double[] own = id == null ? new double[0] : steps[step].byGroup(groupNames.size())[id];
            Arrays.sort(own);
            return own;
        }

        /** Steps the builder collects scores for. */
        public int horizon() {
            return horizon;
        }

        /**
         * The scores added at {@code step} for a series of {@code group}, ascending, a copy: the group's
         * own when it has at least {@code minPerGroup} there, else every score of the step (the same
         * fallback as {@link ConformalCalibration#offset}). For estimators that need the whole
         * distribution of the errors rather than a few quantiles of it (a bootstrap of lead-time demand).
         *
         * @param group the series' group, or null for the pooled scores
         * @throws IllegalArgumentException when {@code step} is outside {@code 0..horizon-1} or
         *                                  {@code minPerGroup < 1}
         */
        public double[] scores(String group, int step, int minPerGroup) {
            if (step < 0 || step >= horizon) {
                throw new IllegalArgumentException("step " + step + " outside the calibrated horizon 0.." + (horizon - 1));
            }
            if (minPerGroup < 1) {
                throw new IllegalArgumentException("minPerGroup must be >= 1 (got " + minPerGroup + ")");
            }
            StepScores at = steps[step];
            Integer id = group == null ? null : groupIds.get(group);
            double[] chosen = null;
            if (id != null) {
                double[] own = at.byGroup(groupNames.size())[id];
                chosen = own.length >= minPerGroup ? own : null;
            }
            if (chosen == null) {
                chosen = Arrays.copyOf(at.scores, at.size);
            }
            Arrays.sort(chosen);
            return chosen;
        }

        /**
         * An immutable calibration of the scores added so far.
         *
         * @param levels      quantile levels, strictly ascending, each in (0, 1)
         * @param minPerGroup fewest scores a group needs at a step for offsets of its own, {@code >= 1}
         * @throws IllegalArgumentException when the levels or {@code minPerGroup} are invalid
         * @throws IllegalStateException    when no score was added
         */
        public ConformalCalibration build(double[] levels, int minPerGroup) {
            ProbabilisticMetrics.requireLevels(levels);
            if (minPerGroup < 1) {
                throw new IllegalArgumentException("minPerGroup must be >= 1 (got " + minPerGroup + ")");
            }
            StepOffsets[] pooled = new StepOffsets[horizon];
            Map<String, StepOffsets[]> groups = new HashMap<>();
            for (String name : groupNames) {
                groups.put(name, new StepOffsets[horizon]);
            }
            boolean any = false;
            for (int k = 0; k < horizon; k++) {
                StepScores step = steps[k];
                any |= step.size > 0;
                pooled[k] = offsets(Arrays.copyOf(step.scores, step.size), levels, 1);
                double[][] byGroup = step.byGroup(groupNames.size());
                for (int g = 0; g < groupNames.size(); g++) {
                    groups.get(groupNames.get(g))[k] = offsets(byGroup[g], levels, minPerGroup);
                }
            }
            if (!any) {
                throw new IllegalStateException("no finite score was added; nothing to calibrate");
            }
            return new ConformalCalibration(levels, horizon, minPerGroup, pooled, groups);
        }

        /** Sorts {@code scores} in place and takes each level's offset, if there are enough. */
        private static StepOffsets offsets(double[] scores, double[] levels, int minimum) {
            if (scores.length < minimum || scores.length == 0) {
                return new StepOffsets(scores.length, null);
            }
            Arrays.sort(scores);
            double[] offsets = new double[levels.length];
            for (int l = 0; l < levels.length; l++) {
                offsets[l] = ConformalQuantile.of(scores, levels[l]);
            }
            return new StepOffsets(scores.length, offsets);
        }
    }

    /** The scores of one step with the group id of each (-1 for none), in growable arrays. */
    private static final class StepScores {
        private double[] scores = new double[16];
        private int[] groupOf = new int[16];
        private int size;

        void add(double score, int group) {
            if (size == scores.length) {
                scores = Arrays.copyOf(scores, size * 2);
                groupOf = Arrays.copyOf(groupOf, size * 2);
            }
            scores[size] = score;
            groupOf[size] = group;
            size++;
        }

        double[][] byGroup(int groupCount) {
            int[] counts = new int[groupCount];
            for (int i = 0; i < size; i++) {
                if (groupOf[i] >= 0) {
                    counts[groupOf[i]]++;
                }
            }
            double[][] split = new double[groupCount][];
            for (int g = 0; g < groupCount; g++) {
                split[g] = new double[counts[g]];
            }
            int[] filled = new int[groupCount];
            for (int i = 0; i < size; i++) {
                int g = groupOf[i];
                if (g >= 0) {
                    split[g][filled[g]++] = scores[i];
                }
            }
            return split;
        }
    }
}
