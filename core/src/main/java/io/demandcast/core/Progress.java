package io.demandcast.core;

/**
 * Where long work reports its steps (one short line each). Core never prints; the CLI sends these
 * lines to stderr, and tests pass {@link #NONE}.
 */
@FunctionalInterface
public interface Progress {
    Progress NONE = message -> { };

    void report(String message);
}
