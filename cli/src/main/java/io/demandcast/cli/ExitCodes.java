package io.demandcast.cli;

/** demandcast's exit codes, the same for every verb (see the README). */
final class ExitCodes {
    static final int OK = 0;
    /** I/O failure, training diverged, any unexpected exception. */
    static final int RUNTIME_FAILURE = 1;
    /** Bad option, config, data or artifact: the user can fix it. */
    static final int INVALID_INPUT = 2;
    /**
     * A quality check failed: {@code evaluate} ran but the model missed its gate, or more series fell
     * back to a simpler family than {@code train.max_fallback_share} allows.
     */
    static final int GATE_FAILED = 3;

    private ExitCodes() {
    }
}
