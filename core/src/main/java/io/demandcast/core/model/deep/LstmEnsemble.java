package io.demandcast.core.model.deep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The networks of a fitted {@code lstm} ({@code ensemble: k}): member {@code i} was trained with seed
 * {@code seed + i} on the same windows, and the ensemble's output is the mean of the members'. One
 * member is the plain single network. Saved as one DL4J file per member: {@code network.zip}, then
 * {@code network-2.zip}, {@code network-3.zip}, ... (the artifact store checksums each).
 */
final class LstmEnsemble implements LstmPredictor {
    private final List<LstmNetwork> members;

    LstmEnsemble(List<LstmNetwork> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs a network");
        }
        this.members = List.copyOf(members);
    }

    List<LstmNetwork> members() {
        return members;
    }

    /** The first member: its shape is every member's. */
    LstmNetwork first() {
        return members.get(0);
    }

    /** The mean of the members' outputs (summed in double, so the order of the members changes nothing visible). */
    @Override
    public float[] predict(float[] window, float[] future, int rows) {
        return predictBoth(window, future, rows)[0];
    }

    /** The mean of the members' outputs, each output (quantities, direction, quantiles) averaged on its own. */
    @Override
    public float[][] predictBoth(float[] window, float[] future, int rows) {
        if (members.size() == 1) {
            return first().predictBoth(window, future, rows);
        }
        double[][] sum = null;
        for (LstmNetwork m : members) {
            float[][] out = m.predictBoth(window, future, rows);
            if (sum == null) {
                sum = new double[out.length][];
                for (int o = 0; o < out.length; o++) {
                    sum[o] = out[o] == null ? null : new double[out[o].length];
                }
            }
            for (int o = 0; o < out.length; o++) {
                for (int i = 0; out[o] != null && i < out[o].length; i++) {
                    sum[o][i] += out[o][i];
                }
            }
        }
        float[][] mean = new float[sum.length][];
        for (int o = 0; o < sum.length; o++) {
            if (sum[o] != null) {
                mean[o] = new float[sum[o].length];
                for (int i = 0; i < sum[o].length; i++) {
                    mean[o][i] = (float) (sum[o][i] / members.size());
                }
            }
        }
        return mean;
    }

    /** The file names of {@code count} members, in order. */
    static List<String> fileNames(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(i == 0 ? FittedLstmModel.NETWORK_FILE : "network-" + (i + 1) + ".zip");
        }
        return names;
    }

    /** Writes each member into {@code directory} under {@link #fileNames}. */
    void write(Path directory) throws IOException {
        List<String> names = fileNames(members.size());
        for (int i = 0; i < members.size(); i++) {
            members.get(i).write(directory.resolve(names.get(i)));
        }
    }

    /**
     * Reads the members {@code files} of {@code directory}.
     *
     * @throws IOException naming a file that is not a network of the expected shape
     */
    static LstmEnsemble read(Path directory, List<String> files, int windowChannels, int lookback, int futureSize, int outputs)
            throws IOException {
        List<LstmNetwork> members = new ArrayList<>();
        for (String f : files) {
            members.add(LstmNetwork.read(directory.resolve(f), windowChannels, lookback, futureSize, outputs));
        }
        return new LstmEnsemble(members);
    }
}
