package io.demandcast.core.tune;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How far a running search is, readable from another thread: what an interrupt handler (Ctrl-C)
 * reports. Thread-safe.
 */
public final class TuneLive {
    private final AtomicInteger scored = new AtomicInteger();
    private volatile Path leaderboard;
    private volatile boolean finished;

    /** Candidate scorings finished so far (a candidate counts once, on its first rung). */
    public int scored() {
        return scored.get();
    }

    /** The leaderboard file written so far, or null before the search starts. */
    public Path leaderboard() {
        return leaderboard;
    }

    /** True once the search has ended (successfully or not): nothing left to report on an interrupt. */
    public boolean finished() {
        return finished;
    }

    void started(Path file) {
        leaderboard = file;
    }

    void scoredOne() {
        scored.incrementAndGet();
    }

    void finish() {
        finished = true;
    }
}
