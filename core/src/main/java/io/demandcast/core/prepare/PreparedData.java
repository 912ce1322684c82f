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
 * @param panel         the regular, cleaned, featured (and scaled) panel; its target is never scaled
 * @param split         train / validation / test cut-offs on the panel's axis
 * @param scalers       fitted scaling per column, in the order applied (empty without scaling)
 * @param counts        what cleaning changed, per series, at the input frequency
 * @param quality       the quality report
 * @param anonymization anonymous id → original id; empty when ids were kept. Keep it apart from the data.
 * @param features      numeric columns prepare added (outlier flag, calendar, lags, rolling, price), in panel order
 * @param future        the future rows (periods after each series' last target value; NaN target), with the
 *                      panel's series, ids and columns; null when the data has none
 * @param pastOnly      the panel's covariate columns observed only up to a cutoff (see {@link Knowability})
 * @param warnings      what cleaning did or found that can make forecasts silently wrong, in the order found
 */
public record PreparedData(Panel panel, SplitPoints split, List<ScalerParams> scalers, CleaningCounts counts,
                           QualityReport quality, Map<String, String> anonymization, List<String> features,
                           Panel future, List<String> pastOnly, List<PrepareWarning> warnings) {

    public PreparedData {
        Objects.requireNonNull(panel, "panel");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(quality, "quality");
        scalers = List.copyOf(scalers);
        anonymization = Collections.unmodifiableMap(new LinkedHashMap<>(anonymization));
        features = List.copyOf(features);
        pastOnly = pastOnly == null ? List.of() : List.copyOf(pastOnly);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public boolean anonymized() {
        return !anonymization.isEmpty();
    }

    /** The fitted scaler of a column, if it was scaled. */
    public Optional<ScalerParams> scaler(String column) {
        return scalers.stream().filter(p -> p.column().equals(column)).findFirst();
    }

    public Panel train() {
        return split.train(panel);
    }

    public Panel validation() {
        return split.validation(panel);
    }

    public Panel test() {
        return split.test(panel);
    }
}
