package io.demandcast.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A progress task for tests: counts its steps and keeps its notes (fits may step and note from several threads). */
public final class RecordingTask implements Progress.Task {
    private final AtomicLong steps = new AtomicLong();
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void step(long n) {
        steps.addAndGet(n);
    }

    @Override
    public void note(String message) {
        notes.add(message);
    }

    @Override
    public void close() {
    }

    public long steps() {
        return steps.get();
    }

    /** The notes so far, in the order they came. */
    public List<String> notes() {
        return notes;
    }
}
