package org.newsgraph.error;

/**
 * The NLP of one article ran past its time limit and was stopped; the batch goes on with the
 * next article. The server answers it with HTTP 422: the same article would take as long again.
 */
public class NlpTimeoutException extends NewsgraphException {
    public NlpTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
