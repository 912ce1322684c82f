package io.demandcast.core;

/**
 * Where long work reports its steps. Core never prints; the CLI turns these calls into stderr
 * lines or a progress bar, and tests pass {@link #NONE}.
 *
 * <p>Two kinds of report: {@link #report} for one short line (a phase starts, a summary), and
 * {@link #task} for work with a known number of steps (series fitted, backtest windows), which the
 * CLI shows as a bar with an ETA on a terminal and as nothing at all in logs.
 */
@FunctionalInterface
public interface Progress {
    Progress NONE = message -> { };

    void report(String message);

    /**
     * Starts a counted task. The caller steps it from any thread and closes it when done (also on
     * failure). The default reports nothing per step, so a line-based sink stays quiet.
     *
     * @param name  what is being done, e.g. {@code backtest auto_ets}
     * @param total number of steps, {@code >= 0}
     */
    default Task task(String name, long total) {
        return Task.NONE;
    }

    /** A counted piece of work; thread-safe. */
    interface Task extends AutoCloseable {
        Task NONE = new Task() {
            @Override
            public void step(long n) {
            }

            @Override
            public void close() {
            }
        };

        /** {@code n} more steps are done. */
        void step(long n);

        /** One more step is done. */
        default void step() {
            step(1);
        }

        /**
         * One line about the task worth reading beside its bar (a training epoch's losses and time).
         * The default drops it; the CLI shows it wherever it shows the task (a bar on a terminal, a
         * closing line with {@code --verbose}), so logs stay quiet unless asked.
         */
        default void note(String message) {
        }

        /** The task is over (finished or abandoned); no exception. */
        @Override
        void close();
    }
}
