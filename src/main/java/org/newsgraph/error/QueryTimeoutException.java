package org.newsgraph.error;

/**
 * A SPARQL query ran longer than its time limit and was stopped. Not a broken query: a narrower
 * one, or a longer limit, may answer.
 */
public class QueryTimeoutException extends NewsgraphException {
    public QueryTimeoutException(String message) {
        super(message);
    }

    public QueryTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
