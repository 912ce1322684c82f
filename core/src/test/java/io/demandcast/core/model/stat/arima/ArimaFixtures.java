package io.demandcast.core.model.stat.arima;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test data: R datasets printed by R 4 and M3 monthly series with R's auto.arima results. */
final class ArimaFixtures {
    private ArimaFixtures() {
    }

    static String resource(String name) {
        try (InputStream in = ArimaFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read test resource " + name, e);
        }
    }

    static double[] numbers(String text) {
        String t = text.trim();
        return t.isEmpty() ? new double[0] : Arrays.stream(t.split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }

    static double[] airPassengers() {
        return numbers(resource("airpassengers.txt"));
    }

    static double[] wwwUsage() {
        return numbers(resource("wwwusage.txt"));
    }

    /** One M3 series with R's auto.arima answer. */
    record M3Case(String id, int[] orders, double aicc, double sigma2, double[] forecast, double[] train) {
        ArimaOrder order() {
            return new ArimaOrder(orders[0], orders[1], orders[2], orders[3], orders[4], orders[5], 12, orders[6] == 1);
        }

        @Override
        public String toString() {
            return id;
        }
    }

    static List<M3Case> m3Sample() {
        List<M3Case> out = new ArrayList<>();
        for (String line : resource("m3-monthly-sample.txt").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|");
            double[] o = numbers(f[1]);
            int[] orders = Arrays.stream(o).mapToInt(v -> (int) v).toArray();
            out.add(new M3Case(f[0].trim(), orders, Double.parseDouble(f[2].trim()), Double.parseDouble(f[3].trim()), numbers(f[4]),
                    numbers(f[5])));
        }
        return out;
    }
}
