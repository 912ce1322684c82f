package io.demandcast.core.model.deep;

import io.demandcast.core.DemandcastException;
import java.util.function.UnaryOperator;

/**
 * How many OpenMP threads ND4J's native code (and its OpenBLAS) uses: {@code OMP_NUM_THREADS} when
 * the user set it, else {@value #DEFAULT}. ND4J's own default is every core, and on a busy 2-core
 * machine an LSTM epoch then took 259-296 s against 8.5-9.6 s with one thread; a bare matrix
 * product loop measured 110 s against 6 s. Settings larger than one pay off only on idle machines
 * with many cores, so more threads are the user's deliberate choice.
 *
 * @param count           threads
 * @param fromEnvironment true when {@code OMP_NUM_THREADS} gave the count (ND4J then read it itself)
 */
record OmpThreads(int count, boolean fromEnvironment) {
    static final String VARIABLE = "OMP_NUM_THREADS";
    static final int DEFAULT = 1;

    /**
     * Reads {@code OMP_NUM_THREADS} from {@code environment}.
     *
     * @throws DemandcastException (bad input) naming the variable when it is set but not a positive whole
     *                             number: ND4J would fail on it with a bare NumberFormatException
     */
    static OmpThreads from(UnaryOperator<String> environment) {
        String value = environment.apply(VARIABLE);
        if (value == null) {
            return new OmpThreads(DEFAULT, false);
        }
        int count;
        try {
            count = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            count = 0;
        }
        if (count < 1) {
            throw new DemandcastException(VARIABLE + "='" + value + "': ND4J needs a positive whole number of threads"
                    + " (unset it for the default, " + DEFAULT + ")");
        }
        return new OmpThreads(count, true);
    }
}
