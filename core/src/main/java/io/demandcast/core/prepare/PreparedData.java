package io.demandcast.core.prepare;

import io.demandcast.core.data.Panel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link Preparer#prepare}: what train, tune and evaluate read instead of raw CSV.
 *
 * @param columns       the regular, cleaned, featured (and scaled) panel, its features computed when
 *                      written or {@link #panel() materialised}; its target is never scaled
 * @param split         train / validation / test cut-offs on the panel's axis
 * @param counts        what cleaning changed, per series, at the input frequency
 * @param quality       the quality report
 * @param anonymization anonymous id → original id; empty when ids were kept. Keep it apart from the data.
 * @param features      numeric columns prepare added (outlier flag, calendar, lags, rolling, price), in panel order
 * @param future        the future rows (periods after each series' last target value; NaN target), with the
 *                      panel's series, ids and columns; null when the data has none
 * @param pastOnly      the panel's covariate columns observed only up to a cutoff (see {@link Knowability})
 * @param warnings      what cleaning did or found that can make forecasts silently wrong, in the order found
 */
public record PreparedData(PreparedPanel columns, SplitPoints split, CleaningCounts counts,
                           QualityReport quality, Map<String, String> anonymization, List<String> features,
                           Panel future, List<String> pastOnly, List<PrepareWarning> warnings) {

    public PreparedData {
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(quality, "quality");
        anonymization = Collections.unmodifiableMap(new LinkedHashMap<>(anonymization));
        features = List.copyOf(features);
        pastOnly = pastOnly == null ? List.of() : List.copyOf(pastOnly);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /**
     * The whole prepared panel in memory, every feature computed and scaled (what {@code panel.bin}
     * holds). Computed on each call; at scale, write it with {@link PreparedPanel#sources()} instead.
     */
    public Panel panel() {
        return columns.materialise();
    }

    /** Fitted scaling per column, in the order applied (empty without scaling). */
    public List<ScalerParams> scalers() {
        return columns.scalers();
    }

    public boolean anonymized() {
        return !anonymization.isEmpty();
    }

    /** The fitted scaler of a column, if it was scaled. */
    public Optional<ScalerParams> scaler(String column) {
        return scalers().stream().filter(p -> p.column().equals(column)).findFirst();
    }

    public Panel train() {
        return split.train(panel());
    }

    public Panel validation() {
        return split.validation(panel());
    }

    public Panel test() {
        return split.test(panel());
    }
}
