package io.demandcast.core.model;

import io.demandcast.core.DemandcastException;

/**
 * More series fell back to a simpler family than {@code train.max_fallback_share} allows: a
 * quality check that failed, like the evaluation gate (the CLI exits 3), not bad input; nothing
 * was published.
 */
public final class FallbackLimitException extends DemandcastException {
    private static final long serialVersionUID = 1L;
    private final transient FitReport report;

    public FallbackLimitException(String message, FitReport report) {
        super(message);
        this.report = report;
    }

    /** The fits that were checked. */
    public FitReport report() {
        return report;
    }

    @Override
    public boolean isUserError() {
        return false;
    }
}
