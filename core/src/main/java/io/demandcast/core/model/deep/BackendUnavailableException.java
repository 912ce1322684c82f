package io.demandcast.core.model.deep;

import io.demandcast.core.DemandcastException;

/**
 * The requested ND4J backend cannot run here: not in this build, or no driver or GPU for it. A
 * runtime failure (exit 1), not bad input: the same command runs on a machine or build that has it.
 */
public class BackendUnavailableException extends DemandcastException {
    private static final long serialVersionUID = 1L;

    public BackendUnavailableException(String message) {
        super(message);
    }

    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isUserError() {
        return false;
    }
}
