package io.demandcast.cli.bench;

import io.demandcast.core.model.ModelFamily;
import io.demandcast.core.model.ModelRegistry;

/** Prints the registered model family names, one per line (for the benchmark scripts). */
public final class ListFamilies {
    private ListFamilies() {
    }

    public static void main(String[] args) {
        for (ModelFamily f : ModelRegistry.standard().families()) {
            System.out.println(f.name());
        }
    }
}
