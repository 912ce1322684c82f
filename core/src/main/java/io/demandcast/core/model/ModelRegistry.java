package io.demandcast.core.model;

import io.demandcast.core.model.deep.AttentionFamily;
import io.demandcast.core.model.deep.LstmFamily;
import io.demandcast.core.model.ml.Learners;
import io.demandcast.core.model.ml.MlFamilies;
import io.demandcast.core.model.stat.StatFamilies;
import io.demandcast.core.model.stat.arima.ArimaFamilies;
import io.demandcast.core.model.stat.combine.CombinationFamily;
import io.demandcast.core.model.stat.combine.MemberResolver;
import io.demandcast.core.model.stat.ets.EtsFamilies;
import io.demandcast.core.model.stat.intermittent.IntermittentFamilies;
import io.demandcast.core.model.stat.select.AutoSelectFamily;
import io.demandcast.core.model.stat.simple.SimpleFamilies;
import io.demandcast.core.model.stat.theta.ThetaFamilies;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every model family demandcast knows, by name. An explicit list rather than classpath scanning,
 * so what a build can load is visible in one place.
 */
public final class ModelRegistry {
    private final Map<String, ModelFamily> families;

    private ModelRegistry(List<ModelFamily> list) {
        Map<String, ModelFamily> map = new LinkedHashMap<>();
        for (ModelFamily f : list) {
            if (map.put(f.name(), f) != null) {
                throw new IllegalStateException("two model families are named '" + f.name() + "'");
            }
        }
        this.families = Collections.unmodifiableMap(map);
    }

    /** The families shipped with demandcast. */
    public static ModelRegistry standard() {
        List<ModelFamily> list = new ArrayList<>();
        list.addAll(StatFamilies.all());
        list.addAll(SimpleFamilies.families());
        list.addAll(ThetaFamilies.families());
        list.addAll(EtsFamilies.families());
        list.addAll(ArimaFamilies.families());
        list.addAll(IntermittentFamilies.families());
        list.addAll(MlFamilies.families(Learners.standard()));
        list.add(new LstmFamily());
        list.add(new AttentionFamily());
        // Combinations resolve their members by name among the families listed before them.
        Map<String, ModelFamily> members = new LinkedHashMap<>();
        list.forEach(f -> members.put(f.name(), f));
        MemberResolver resolver = MemberResolver.fromFamilies(name -> {
            ModelFamily f = members.get(name);
            if (f == null) {
                throw new IllegalArgumentException("unknown model family '" + name + "' (known: " + String.join(", ", members.keySet()) + ")");
            }
            return f;
        });
        list.addAll(CombinationFamily.families(resolver));
        list.addAll(AutoSelectFamily.families(resolver));
        return new ModelRegistry(list);
    }

    /**
     * @throws IllegalArgumentException naming the known families when the name is unknown
     */
    public ModelFamily family(String name) {
        ModelFamily f = families.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown model family '" + name + "' (known: " + String.join(", ", families.keySet()) + ")");
        }
        return f;
    }

    /** This registry with one more family (a plug-in, or a test's family). */
    public ModelRegistry with(ModelFamily family) {
        List<ModelFamily> list = new ArrayList<>(families.values());
        list.add(family);
        return new ModelRegistry(list);
    }

    public List<ModelFamily> families() {
        return List.copyOf(families.values());
    }
}
