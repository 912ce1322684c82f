package io.demandcast.core.config;

import io.demandcast.core.DemandcastException;

/** A config file or override that cannot be used; the message names the file, line and column or the key. */
public class InvalidConfigException extends DemandcastException {
    private static final long serialVersionUID = 1L;

    public InvalidConfigException(String message) {
        super(message);
    }

    public InvalidConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
