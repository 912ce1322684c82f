package io.demandcast.core.model.deep;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The last few results of a deterministic computation by key, each computed once even when several
 * threads ask for it at the same time (the others wait for it). A failed computation is not kept.
 */
final class RecentResults<T> {
    private final int capacity;
    private final Map<String, CompletableFuture<T>> entries;

    RecentResults(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    T get(String key, Supplier<T> compute) {
        CompletableFuture<T> mine = new CompletableFuture<>();
        CompletableFuture<T> existing;
        synchronized (entries) {
            existing = entries.get(key);
            if (existing == null) {
                entries.put(key, mine);
                while (entries.size() > capacity) {
                    entries.remove(entries.keySet().iterator().next());
                }
            }
        }
        if (existing != null) {
            try {
                return existing.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            T value = compute.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            synchronized (entries) {
                entries.remove(key, mine);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }
}
