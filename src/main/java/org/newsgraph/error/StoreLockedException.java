package org.newsgraph.error;

/**
 * A database folder is held by another process, or is open already in this one: TDB2 allows one
 * process per database. Waiting, stopping the other process or choosing another folder helps;
 * trying again at once does not.
 */
public class StoreLockedException extends NewsgraphException {
    public StoreLockedException(String message) {
        super(message);
    }

    public StoreLockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
