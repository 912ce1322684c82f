package io.demandcast.core.model;

import io.demandcast.core.model.stat.StatFamilies;
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
            map.put(f.name(), f);
        }
        this.families = Collections.unmodifiableMap(map);
    }

    /** The families shipped with demandcast. */
    public static ModelRegistry standard() {
        List<ModelFamily> list = new ArrayList<>(StatFamilies.all());
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

    public List<ModelFamily> families() {
        return List.copyOf(families.values());
    }
}
