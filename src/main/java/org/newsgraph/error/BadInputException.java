package org.newsgraph.error;

/**
 * Something given to newsgraph is wrong and the person or client who gave it can correct it: an
 * unknown name (format, profile, query), a parameter value of the wrong type, an option out of
 * range. The server answers it with HTTP 400; the message says what would be right.
 */
public class BadInputException extends NewsgraphException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
