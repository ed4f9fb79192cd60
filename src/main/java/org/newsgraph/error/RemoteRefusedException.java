package org.newsgraph.error;

/**
 * A remote store turned the request down for good (its credentials were refused): sending it
 * again would be refused again, so nothing retries it.
 */
public class RemoteRefusedException extends NewsgraphException {
    public RemoteRefusedException(String message) {
        super(message);
    }

    public RemoteRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
