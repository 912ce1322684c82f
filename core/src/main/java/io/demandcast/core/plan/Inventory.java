package io.demandcast.core.plan;

import io.demandcast.core.data.DataException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An inventory file as read: its rows, and what messages about them need.
 *
 * @param file     the file as named on the command line
 * @param idColumn the 0-based column of {@code series_id}
 * @param rows     in file order, at least one
 */
public record Inventory(String file, int idColumn, List<InventoryRow> rows) {

    public Inventory {
        rows = List.copyOf(rows);
    }

    /** The longest protection interval, L + R, over the rows: how far the forecast must reach. */
    public int longestProtection() {
        return rows.stream().mapToInt(r -> r.leadTime() + r.reviewPeriod()).max().orElse(1);
    }

    /**
     * @throws DataException at the first row whose series is not in {@code known}, naming {@code model}
     */
    public void requireKnown(Collection<String> known, String model) {
        Set<String> ids = known instanceof Set<String> set ? set : new HashSet<>(known);
        for (InventoryRow r : rows) {
            if (!ids.contains(r.seriesId())) {
                throw DataException.at(file, r.line(), idColumn + 1, "series '" + r.seriesId() + "' is not one of the " + ids.size()
                        + " series of model " + model + "; list only series the model forecasts");
            }
        }
    }
}
