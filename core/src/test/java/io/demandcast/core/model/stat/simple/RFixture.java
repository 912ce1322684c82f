package io.demandcast.core.model.stat.simple;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reference values computed with R (forecast 8.20), stored as test resources in long form:
 * {@code case,m,kind,i,value} with {@code kind} the input {@code y} or an output ({@code mean},
 * {@code lo95}, {@code hi80}, ...) and {@code i} 1-based.
 */
public record RFixture(String name, int m, Map<String, double[]> values) {

    public double[] get(String kind) {
        double[] v = values.get(kind);
        if (v == null) {
            throw new IllegalArgumentException(name + ": no '" + kind + "' in fixture");
        }
        return v;
    }

    /** The cases of a resource, in file order. */
    public static List<RFixture> read(Class<?> owner, String resource) {
        Map<String, Integer> seasons = new LinkedHashMap<>();
        Map<String, Map<String, List<Double>>> raw = new LinkedHashMap<>();
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                seasons.put(f[0], Integer.parseInt(f[1]));
                raw.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).computeIfAbsent(f[2], k -> new ArrayList<>())
                        .add(Double.parseDouble(f[4]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<RFixture> out = new ArrayList<>();
        raw.forEach((name, kinds) -> {
            Map<String, double[]> v = new LinkedHashMap<>();
            kinds.forEach((k, list) -> v.put(k, list.stream().mapToDouble(Double::doubleValue).toArray()));
            out.add(new RFixture(name, seasons.get(name), v));
        });
        return out;
    }
}
