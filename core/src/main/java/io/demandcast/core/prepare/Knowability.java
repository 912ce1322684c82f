package io.demandcast.core.prepare;

import io.demandcast.core.config.PrepareConfig.FeatureConfig;
import io.demandcast.core.data.Panel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Which columns of a prepared panel are observed only up to a forecast's cutoff. The declared
 * past-only covariates are; so is everything prepare derives from the target ({@code lag_*},
 * {@code roll_*}, the {@value OutlierTreatment#FLAG_COLUMN} flag), whose value at a forecast period
 * would need the demand being forecast; and a feature of a past-only column (price features of a
 * past-only price, event flags of past-only event columns). Calendar features and features of known
 * columns are known.
 */
final class Knowability {
    private Knowability() {
    }

    /**
     * @param prepared the prepared panel
     * @param raw      the panel as read (to tell derived columns from read ones)
     * @param declared the columns {@code data.schema} declares past-only
     * @return the past-only columns of {@code prepared}, numeric in panel order then categorical
     */
    static List<String> pastOnly(Panel prepared, Panel raw, Collection<String> declared, FeatureConfig features) {
        boolean pastOnlyEvents = prepared.categoricalNames().stream().anyMatch(declared::contains);
        boolean pastOnlyPrice = features.price() != null && declared.contains(features.price().column());
        List<String> out = new ArrayList<>();
        for (String c : prepared.numericNames()) {
            if (c.equals(OutlierTreatment.RAW_TARGET_COLUMN)) {
                continue; // the target itself, never a covariate
            }
            boolean derived = !raw.hasNumeric(c);
            boolean pastOnly = declared.contains(c)
                    || derived && (c.equals(OutlierTreatment.FLAG_COLUMN) || c.startsWith("lag_") || c.startsWith("roll_"))
                    || derived && pastOnlyPrice && (c.equals(PriceFeatures.CHANGE_COLUMN) || c.startsWith(PriceFeatures.RELATIVE_PREFIX))
                    || derived && pastOnlyEvents && (c.equals("event") || c.startsWith("event_"));
            if (pastOnly) {
                out.add(c);
            }
        }
        for (String c : prepared.categoricalNames()) {
            if (declared.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }
}
