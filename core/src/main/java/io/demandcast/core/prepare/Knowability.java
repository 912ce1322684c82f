package io.demandcast.core.prepare;

import io.demandcast.core.config.PrepareConfig.FeatureConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

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
     * @param numeric     the prepared panel's numeric columns, in order
     * @param categorical the prepared panel's categorical columns, in order
     * @param read        the numeric columns as read (to tell derived columns from read ones)
     * @param declared    the columns {@code data.schema} declares past-only
     * @return the past-only columns of the prepared panel, numeric in panel order then categorical
     */
    static List<String> pastOnly(List<String> numeric, List<String> categorical, Set<String> read, Collection<String> declared,
                                 FeatureConfig features) {
        boolean pastOnlyEvents = categorical.stream().anyMatch(declared::contains);
        boolean pastOnlyPrice = features.price() != null && declared.contains(features.price().column());
        List<String> out = new ArrayList<>();
        for (String c : numeric) {
            if (c.equals(OutlierTreatment.RAW_TARGET_COLUMN) || c.equals(Censoring.COLUMN)) {
                continue; // the target itself, or a mark on it: never a covariate
            }
            boolean derived = !read.contains(c);
            boolean pastOnly = declared.contains(c)
                    || derived && (c.equals(OutlierTreatment.FLAG_COLUMN) || c.startsWith("lag_") || c.startsWith("roll_"))
                    || derived && pastOnlyPrice && (c.equals(PriceFeatures.CHANGE_COLUMN) || c.startsWith(PriceFeatures.RELATIVE_PREFIX))
                    || derived && pastOnlyEvents && (c.equals("event") || c.startsWith("event_"));
            if (pastOnly) {
                out.add(c);
            }
        }
        for (String c : categorical) {
            if (declared.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }
}
