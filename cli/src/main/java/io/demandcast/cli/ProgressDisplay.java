package io.demandcast.cli;

import io.demandcast.core.Progress;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The CLI's {@link Progress}, one per command run, writing only to the command's stderr writer.
 *
 * <ul>
 *   <li>{@link #report}: one line on stderr.
 *   <li>{@link #task}: on a {@linkplain Stderr.Kind#TERMINAL terminal}, a one-line bar with
 *       percentage, ratio, elapsed time, ETA and, if the line is wide enough, speed; it is erased
 *       when the task closes. In a {@linkplain Stderr.Kind#LOG log}, nothing per step, so cron and
 *       CI logs stay clean, except that a task still running after {@link #HEARTBEAT_SECONDS} seconds
 *       prints one status line then and every {@link #HEARTBEAT_SECONDS} seconds after, with its
 *       count, elapsed time and ETA (e.g. {@code train auto: 12,000/30,490 series (39%), 4m 10s,
 *       ETA 6m 25s}), so a ten-minute run is never silent. With {@code --verbose}, a closing task
 *       prints one line, e.g. {@code backtest auto_ets: 570/570 in 12.3 s}.
 *   <li>{@link Task#note}: one line on stderr wherever the task is shown (above the bar on a
 *       terminal; in a log only with {@code --verbose}).
 *   <li>{@code --quiet}: nothing at all.
 * </ul>
 *
 * <p>Tasks may be stepped from any number of threads and closed more than once. All writes go
 * through one lock: a line printed while a bar is shown first erases the bar, then the bar is
 * drawn again below it, so lines never interleave with it. When tasks nest, the newest open one
 * owns the bar line; the enclosing one takes it back when the inner one closes.
 */
final class ProgressDisplay implements Progress {
    /** How much to print, from {@code --quiet}/{@code --verbose}. */
    enum Level { QUIET, NORMAL, VERBOSE }

    /** Redraw period; the bar also redraws without progress, so elapsed time and ETA keep moving. */
    static final int REFRESH_MILLIS = 250;
    /** How often a task running in a log prints its status line. */
    static final int HEARTBEAT_SECONDS = 60;

    private final PrintWriter err;
    private final Level level;
    private final Stderr stderr;
    private final long heartbeatMillis;
    /** Runs the status lines of tasks in a log; made on the first such task. Guarded by {@link #lock}. */
    private java.util.concurrent.ScheduledExecutorService heartbeats;

    private final Object lock = new Object();
    /** Open bars, newest last; the last one is the one shown. Guarded by {@link #lock}. */
    private final Deque<Line> lines = new ArrayDeque<>();
    /** Characters of bar now on the terminal's current line, 0 when none. Guarded by {@link #lock}. */
    private int drawn;

    /**
     * @param err    the command's stderr ({@code spec.commandLine().getErr()}), never {@code System.err}
     * @param level  quiet, normal or verbose
     * @param stderr whether that stream is a terminal, and how wide
     */
    ProgressDisplay(PrintWriter err, Level level, Stderr stderr) {
        this(err, level, stderr, HEARTBEAT_SECONDS * 1000L);
    }

    /** As above, with the period of a logged task's status line (tests shorten it). */
    ProgressDisplay(PrintWriter err, Level level, Stderr stderr, long heartbeatMillis) {
        this.err = err;
        this.level = level;
        this.stderr = stderr;
        this.heartbeatMillis = heartbeatMillis;
    }

    @Override
    public void report(String message) {
        if (level == Level.QUIET) {
            return;
        }
        synchronized (lock) {
            erase();
            err.println(message);
            redraw();
            err.flush();
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code total < 0}
     */
    @Override
    public Task task(String name, long total) {
        if (total < 0) {
            throw new IllegalArgumentException("task " + name + ": total must be >= 0 (got " + total + ")");
        }
        if (level == Level.QUIET) {
            return Task.NONE;
        }
        if (stderr.kind() == Stderr.Kind.TERMINAL && total > 0) {
            return new BarTask(name, total);
        }
        CountedTask task = new CountedTask(name, total);
        if (total > 0) {
            task.heartbeat = schedule(task::status);
        }
        return task;
    }

    private java.util.concurrent.ScheduledFuture<?> schedule(Runnable line) {
        synchronized (lock) {
            if (heartbeats == null) {
                heartbeats = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "demandcast-progress");
                    t.setDaemon(true);
                    return t;
                });
            }
            return heartbeats.scheduleAtFixedRate(line, heartbeatMillis, heartbeatMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /** {@code 4m 10s}, {@code 1h 02m}, {@code 12s}. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m " + String.format(Locale.ROOT, "%02d", s % 60) + "s";
        }
        return (s / 3600) + "h " + String.format(Locale.ROOT, "%02d", s % 3600 / 60) + "m";
    }

    /** Counts steps and, with {@code --verbose}, prints one line on the first close. */
    private class CountedTask implements Task {
        final String name;
        final long total;
        private final long startNanos = System.nanoTime();
        private final AtomicLong done = new AtomicLong();
        private final AtomicBoolean closed = new AtomicBoolean();
        /** The status line's schedule in a log, or null. */
        java.util.concurrent.ScheduledFuture<?> heartbeat;

        CountedTask(String name, long total) {
            this.name = name;
            this.total = total;
        }

        @Override
        public void step(long n) {
            done.addAndGet(n);
        }

        /** A line above the bar, or in a log with {@code --verbose} (quiet in a log otherwise). */
        @Override
        public void note(String message) {
            if (level == Level.VERBOSE || stderr.kind() == Stderr.Kind.TERMINAL) {
                report(message);
            }
        }

        /** The status line of a task in a log: count, share, elapsed time and ETA from the mean pace so far. */
        void status() {
            if (closed.get()) {
                return;
            }
            long n = done.get();
            double elapsed = (System.nanoTime() - startNanos) / 1e9;
            String eta = n > 0 && n < total ? ", ETA " + duration(elapsed * (total - n) / n) : "";
            report(String.format(Locale.ROOT, "%s: %,d/%,d (%d%%), %s%s", name, n, total, 100 * n / Math.max(1, total), duration(elapsed), eta));
        }

        @Override
        public final void close() {
            if (closed.compareAndSet(false, true)) {
                if (heartbeat != null) {
                    heartbeat.cancel(false);
                }
                finish();
                synchronized (lock) {
                    retire();
                    if (level == Level.VERBOSE) {
                        erase();
                        err.println(summary());
                    }
                    redraw();
                    err.flush();
                }
            }
        }

        /** Ends what runs outside the lock; called once, before {@link #retire}. */
        void finish() {
        }

        /** Forgets the task's screen state; called once, under the lock. */
        void retire() {
        }

        String summary() {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            return String.format(Locale.ROOT, "%s: %d/%d in %.1f s", name, done.get(), total, seconds);
        }
    }

    /** A counted task drawn as a bar by the progressbar library, through a {@link Line}. */
    private final class BarTask extends CountedTask {
        private final Line line = new Line();
        private final ProgressBar bar;

        BarTask(String name, long total) {
            super(name, total);
            synchronized (lock) {
                lines.addLast(line);
            }
            ProgressBarBuilder builder = new ProgressBarBuilder()
                    .setTaskName(name)
                    .setInitialMax(total)
                    .setStyle(ProgressBarStyle.UNICODE_BLOCK)
                    .setUpdateIntervalMillis(REFRESH_MILLIS)
                    .continuousUpdate()
                    .setConsumer(line);
            if (roomForSpeed(name, total)) {
                // The library's default format drops the leading zero ("0.1/s" reads ".1/s").
                builder.showSpeed(new java.text.DecimalFormat("0.0", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
            }
            bar = builder.build();
        }

        /**
         * Besides the name and {@code done/total}, a line takes ~30 columns (percentage, brackets,
         * elapsed and ETA) and the speed ~10 more; show the speed only if the bar keeps ~20.
         */
        private boolean roomForSpeed(String name, long total) {
            return stderr.columns() - name.length() - 2 * Long.toString(total).length() >= 60;
        }

        @Override
        public void step(long n) {
            super.step(n);
            bar.stepBy(n);
        }

        /** Stops the library's refresh; it draws the final state once and waits for it. Must not hold the lock. */
        @Override
        void finish() {
            bar.close();
        }

        @Override
        void retire() {
            if (lines.peekLast() == line) {
                erase();
            }
            lines.remove(line);
        }
    }

    /** Receives a bar's renderings (on the library's refresh thread) and draws the newest open one. */
    private final class Line implements ProgressBarConsumer {
        /** Last rendering, drawn again after a report line. Guarded by {@link #lock}. */
        private String text = "";

        @Override
        public int getMaxRenderedLength() {
            // One column short of the width: writing the last column makes some terminals wrap.
            return Math.max(1, stderr.columns() - 1);
        }

        @Override
        public void accept(String rendered) {
            synchronized (lock) {
                text = rendered;
                if (lines.peekLast() == this) {
                    draw(text);
                    err.flush();
                }
            }
        }

        @Override
        public void close() {
            // The display erases the line when the task closes.
        }
    }

    /** Shows {@code text} on the current line in place of the bar there. Under the lock. */
    private void draw(String text) {
        err.print('\r');
        err.print(text);
        for (int i = text.length(); i < drawn; i++) {
            err.print(' ');
        }
        drawn = text.length();
    }

    /** Blanks the bar's line and leaves the cursor at its start. Under the lock. */
    private void erase() {
        if (drawn > 0) {
            err.print('\r');
            err.print(" ".repeat(drawn));
            err.print('\r');
            drawn = 0;
        }
    }

    /** Draws the newest open bar again, if it has been rendered. Under the lock. */
    private void redraw() {
        Line shown = lines.peekLast();
        if (shown != null && !shown.text.isEmpty()) {
            draw(shown.text);
        }
    }
}
