package org.newsgraph.error;

/**
 * Root of every exception newsgraph throws on purpose. Messages name the input that caused
 * the problem and, where there is one, the next step, so that the command line can print
 * them as they are. The subclasses in this package (and {@code store.StoreWriteException})
 * mark the cases a caller handles differently.
 */
public class NewsgraphException extends RuntimeException {
    public NewsgraphException(String message) {
        super(message);
    }

    public NewsgraphException(String message, Throwable cause) {
        super(message, cause);
    }
}
