package io.demandcast.core.evaluate.backtest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.demandcast.core.artifact.Artifact;
import io.demandcast.core.artifact.ArtifactException;
import io.demandcast.core.artifact.ArtifactStore;
import io.demandcast.core.config.ExperimentConfig;
import io.demandcast.core.config.InvalidConfigException;
import io.demandcast.core.config.ModelSpec;
import io.demandcast.core.model.Forecaster;
import io.demandcast.core.model.ModelContext;
import io.demandcast.core.model.ModelFactory;
import io.demandcast.core.model.ModelRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The models one backtest compares: the candidates ({@code models:}, else {@code model:}), seasonal
 * naive as the baseline (a spec named {@code seasonal_naive} of that family with the data's season is the baseline itself;
 * otherwise one is added), and, when asked
 * for, the production model (the store's LATEST version of {@code model.name}, refitted per window
 * with its recorded family and parameters).
 */
public final class BacktestModels {
    /** Leaderboard name of the added seasonal-naive baseline. */
    public static final String BASELINE = "seasonal_naive";
    /** Leaderboard name of the champion. */
    public static final String PRODUCTION = "production";

    private BacktestModels() {
    }

    /** What {@link #resolve} found: the models in run order, and a note when production was asked for but absent. */
    public record Resolved(List<BacktestModel> models, String productionNote) {
        public Resolved {
            models = List.copyOf(models);
        }
    }

    /**
     * @param withProduction add the champion when the store has one
     * @throws InvalidConfigException naming {@code models[i]} when a spec is invalid or names collide
     * @throws ArtifactException      when an artifact spec names a missing or tampered version
     */
    public static Resolved resolve(ExperimentConfig config, ModelRegistry registry, ModelContext context,
                                   boolean withProduction) throws IOException {
        List<ModelSpec> specs = config.models().isEmpty() ? List.of(ModelSpec.of(config.model())) : config.models();
        String where = config.models().isEmpty() ? "model" : "models";
        ArtifactStore store = new ArtifactStore(Path.of(config.train().store()));
        List<BacktestModel> models = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        Forecaster baseline = ModelFactory.create(registry, BASELINE, JsonNodeFactory.instance.objectNode(), context, "baseline");
        int baselineAt = -1;
        for (int i = 0; i < specs.size(); i++) {
            ModelSpec spec = specs.get(i);
            String at = config.models().isEmpty() ? where : where + "[" + i + "]";
            BacktestModel m;
            if (spec.artifact() != null) {
                Artifact artifact = store.load(spec.artifactName(), spec.artifactVersion());
                Forecaster f = ModelFactory.create(registry, artifact.manifest().modelFamily(), artifact.manifest().parameters(),
                        context, at + " (artifact " + artifact.name() + "@" + artifact.version() + ")");
                String name = spec.name().equals(spec.artifact()) ? artifact.name() + "@" + artifact.version() : spec.name();
                m = new BacktestModel(name, BacktestModel.Role.CANDIDATE, f, artifact.name() + "@" + artifact.version());
            } else {
                Forecaster f = ModelFactory.create(registry, spec.family(), spec.params(), context, at);
                boolean isBaseline = baselineAt < 0 && spec.name().equals(BASELINE) && f.family().equals(BASELINE)
                        && f.parameters().equals(baseline.parameters());
                baselineAt = isBaseline ? i : baselineAt;
                m = new BacktestModel(spec.name(), isBaseline ? BacktestModel.Role.BASELINE : BacktestModel.Role.CANDIDATE, f, "config");
            }
            if (!names.add(m.name())) {
                throw new InvalidConfigException(at + ".name: '" + m.name() + "' names two models; give each a distinct name");
            }
            models.add(m);
        }
        if (baselineAt < 0) {
            if (names.contains(BASELINE)) {
                throw new InvalidConfigException(where + ": the name '" + BASELINE + "' is reserved for the seasonal naive baseline");
            }
            models.add(new BacktestModel(BASELINE, BacktestModel.Role.BASELINE, baseline, "baseline"));
        }
        String note = null;
        if (withProduction) {
            String name = config.model().name();
            if (store.list(name).isEmpty()) {
                note = "no version of '" + name + "' in store " + store.root() + ": nothing to compare against (first deployment)";
            } else {
                Artifact artifact = store.load(name, ArtifactStore.LATEST);
                Forecaster f = ModelFactory.create(registry, artifact.manifest().modelFamily(), artifact.manifest().parameters(),
                        context, "production (" + artifact.name() + "@" + artifact.version() + ")");
                if (names.contains(PRODUCTION)) {
                    throw new InvalidConfigException(where + ": the name '" + PRODUCTION + "' is reserved for the champion");
                }
                models.add(new BacktestModel(PRODUCTION, BacktestModel.Role.PRODUCTION, f, artifact.name() + "@" + artifact.version()));
            }
        }
        return new Resolved(models, note);
    }
}
