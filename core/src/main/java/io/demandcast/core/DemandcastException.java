package io.demandcast.core;

/**
 * Base of demandcast's unchecked exceptions. {@link #isUserError()} tells a caller (the CLI)
 * whether the failure is bad input the user can fix (a config key, a CSV cell, an artifact) or
 * a runtime failure.
 */
public class DemandcastException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DemandcastException(String message) {
        super(message);
    }

    public DemandcastException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when the input (config, data, artifact) is at fault rather than the program or the machine. */
    public boolean isUserError() {
        return true;
    }
}
