package io.demandcast.core.model;

import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.config.PrepareConfig;
import io.demandcast.core.data.DatasetManifest;
import io.demandcast.core.plan.ScenarioOverrides;
import io.demandcast.core.prepare.PrepareJob;
import io.demandcast.core.prepare.PreparedSplits;
import io.demandcast.core.prepare.PriceFeatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code predict --scenario} needs to know of the prepared columns: which are past-only, how
 * {@code prepare} scaled each (from the prepared dataset's manifest, so overrides act in original
 * units) and which it derived from a price column.
 */
final class ScenarioColumns {
    private ScenarioColumns() {
    }

    static ScenarioOverrides.Columns of(ExperimentConfig config, PredictHistory history) throws IOException {
        Set<String> pastOnly = new HashSet<>(history == null ? List.of() : history.pastOnly());
        Map<String, double[]> scalers = new HashMap<>();
        Path prepared = PrepareJob.outputDirectory(config);
        if (Files.isDirectory(prepared)) {
            DatasetManifest manifest = PreparedSplits.dataset(prepared).manifest();
            for (DatasetManifest.Scaler s : manifest.scalers()) {
                scalers.put(s.column(), new double[] {s.a(), s.b()});
            }
        }
        Map<String, List<String>> derived = new HashMap<>();
        PrepareConfig.FeatureConfig features = config.prepare().features();
        PrepareConfig.PriceConfig price = features == null ? null : features.price();
        if (price != null) {
            derived.put(price.column(), List.of(PriceFeatures.CHANGE_COLUMN, PriceFeatures.RELATIVE_PREFIX + price.window()));
        }
        return new ScenarioOverrides.Columns(pastOnly, scalers, derived);
    }
}
