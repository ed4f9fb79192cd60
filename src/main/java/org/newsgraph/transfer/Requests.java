package org.newsgraph.transfer;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.query.QueryException;
import org.newsgraph.error.NewsgraphException;
import org.newsgraph.error.RemoteRefusedException;

/**
 * Runs requests to the target store under a {@link RetryPolicy}, and sorts their failures:
 * passing ones are retried, a refused login stops the push, and a rejected request is
 * {@link Rejected} so that the push reports that graph and goes on.
 */
final class Requests {

    /** Statuses that say "try again later". */
    private static final Set<Integer> TRANSIENT = Set.of(408, 425, 429, 500, 502, 503, 504);

    final PushListener listener;
    private final String target;
    private final RetryPolicy retry;

    Requests(String target, RetryPolicy retry, PushListener listener) {
        this.target = target;
        this.retry = retry;
        this.listener = listener;
    }

    /** The store turned one request down for good (HTTP 400, 413, ...). */
    static final class Rejected extends RuntimeException {
        Rejected(String message, Throwable cause) {
            super(message, cause);
        }
    }

    <T> T run(String what, Supplier<T> request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return request.get();
            } catch (RuntimeException e) {
                int status = status(e);
                String reason = reason(e, status);
                if (status == 401 || status == 403) {
                    throw new RemoteRefusedException(target + " refused the credentials (HTTP " + status + ") while " + what
                            + ": check --user and --password-file, and that the user may write", e);
                }
                if (!transientFailure(e, status)) {
                    throw new Rejected(reason, e);
                }
                if (attempt >= retry.attempts()) {
                    throw new NewsgraphException(target + " failed " + attempt + " times while " + what + " (" + reason
                            + "); what was sent is recorded: run the same push again to resume", e);
                }
                Duration delay = retry.delayAfter(attempt);
                listener.retrying(what, attempt, delay, reason);
                sleep(delay);
            }
        }
    }

    private static boolean transientFailure(RuntimeException e, int status) {
        if (status > 0) {
            return TRANSIENT.contains(status);
        }
        // No HTTP status: the connection failed or dropped, which is worth another try.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return e instanceof HttpException;
    }

    private static int status(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException h && h.getStatusCode() > 0) {
                return h.getStatusCode();
            }
        }
        return -1;
    }

    private static String reason(RuntimeException e, int status) {
        String message = e instanceof QueryException || e instanceof HttpException ? e.getMessage() : e.toString();
        if (message == null) {
            message = e.getClass().getSimpleName();
        }
        message = message.strip().replaceAll("\\s+", " ");
        if (message.length() > 300) {
            message = message.substring(0, 300) + "...";
        }
        return status > 0 && !message.contains(String.valueOf(status)) ? "HTTP " + status + ": " + message : message;
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NewsgraphException("push interrupted", e);
        }
    }
}
