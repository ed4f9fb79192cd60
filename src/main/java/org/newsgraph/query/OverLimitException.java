package org.newsgraph.query;

import org.apache.jena.query.QueryCancelledException;

/**
 * A running query passed one of its {@link QueryLimits} and was stopped. It is thrown inside
 * ARQ's evaluation, so it is a kind of ARQ's {@link QueryCancelledException}: ARQ lets that
 * one through everywhere (a FILTER swallows any other exception as "no match"), so the query
 * stops rather than goes on with rows missing. Whoever runs the query tells it from a timeout
 * by its class: {@link QueryTarget} turns it into a {@link org.newsgraph.error.QueryLimitException},
 * the server answers 422 with its message.
 */
public final class OverLimitException extends QueryCancelledException {

    private final String message;

    OverLimitException(String message) {
        this.message = message;
    }

    @Override
    public String getMessage() {
        return message;
    }
}
