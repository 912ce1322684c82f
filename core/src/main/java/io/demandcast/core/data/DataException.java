package io.demandcast.core.data;

import io.demandcast.core.DemandcastException;

/** Bad input data: the message names the file, line and column (or series) and the offending value. */
public class DataException extends DemandcastException {
    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A message of the form {@code file:line:column: what}, the shape compilers use. */
    public static DataException at(String file, long line, int column, String what) {
        return new DataException(file + ":" + line + ":" + column + ": " + what);
    }
}
