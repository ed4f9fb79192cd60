package org.newsgraph.error;

/**
 * A SPARQL query was stopped because it passed one of the limits on what a query may build
 * (a GROUP_CONCAT or REPLACE string, a regular expression's length). Not a broken query: a
 * narrower one may answer. The server answers it with HTTP 422; the message names the limit.
 */
public class QueryLimitException extends NewsgraphException {

    public QueryLimitException(String message, Throwable cause) {
        super(message, cause);
    }
}
