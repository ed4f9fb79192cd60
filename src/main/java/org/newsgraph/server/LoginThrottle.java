package org.newsgraph.server;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Stops password guessing: a client address whose credentials were refused (401)
 * {@code maxFailures} times within {@code window} is answered 429, with {@code Retry-After}, to
 * every request that carries credentials until the window ends. Requests without credentials,
 * and so every query, are never refused here.
 */
final class LoginThrottle extends Handler.Wrapper {

    /** Addresses remembered at most; past it, those whose windows ended are forgotten. */
    private static final int MAX_TRACKED = 10_000;

    private final int maxFailures;
    private final long windowMillis;
    private final LongSupplier clock;
    // Guarded by this.
    private final Map<String, Failures> failuresByClient = new HashMap<>();

    LoginThrottle(ServerLimits limits) {
        this(limits, System::currentTimeMillis);
    }

    LoginThrottle(ServerLimits limits, LongSupplier clock) {
        this.maxFailures = limits.maxFailedLogins();
        this.windowMillis = limits.loginLockout().toMillis();
        this.clock = clock;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!request.getHeaders().contains(HttpHeader.AUTHORIZATION)) {
            return super.handle(request, response, callback);
        }
        String client = Request.getRemoteAddr(request);
        long waitMillis = lockedFor(client);
        if (waitMillis > 0) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString((waitMillis + 999) / 1000));
            Response.writeError(request, response, callback, HttpStatus.TOO_MANY_REQUESTS_429,
                    "too many refused logins from " + client + "; try again in " + (waitMillis + 999) / 1000 + " s");
            return true;
        }
        // Counted when the answer's first bytes go out (and, for an answer without any, when it
        // completes): a client that tries again as soon as it has read the 401 must meet the count.
        java.util.concurrent.atomic.AtomicBoolean counted = new java.util.concurrent.atomic.AtomicBoolean();
        Response counting = new Response.Wrapper(request, response) {
            @Override
            public void write(boolean last, java.nio.ByteBuffer content, Callback written) {
                if (counted.compareAndSet(false, true)) {
                    count(client, this);
                }
                super.write(last, content, written);
            }
        };
        return super.handle(request, counting, new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                if (counted.compareAndSet(false, true)) {
                    count(client, response);
                }
                super.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                if (counted.compareAndSet(false, true)) {
                    count(client, response);
                }
                super.failed(x);
            }
        });
    }

    private void count(String client, Response response) {
        if (response.getStatus() == HttpStatus.UNAUTHORIZED_401) {
            refused(client);
        }
    }

    private synchronized long lockedFor(String client) {
        Failures f = failuresByClient.get(client);
        if (f == null) {
            return 0;
        }
        long left = f.windowStart + windowMillis - clock.getAsLong();
        if (left <= 0) {
            failuresByClient.remove(client);
            return 0;
        }
        return f.count >= maxFailures ? left : 0;
    }

    private synchronized void refused(String client) {
        long now = clock.getAsLong();
        if (failuresByClient.size() >= MAX_TRACKED) {
            failuresByClient.values().removeIf(f -> f.windowStart + windowMillis <= now);
        }
        Failures f = failuresByClient.get(client);
        if (f == null || f.windowStart + windowMillis <= now) {
            failuresByClient.put(client, new Failures(now, 1));
        } else {
            failuresByClient.put(client, new Failures(f.windowStart, f.count + 1));
        }
    }

    private record Failures(long windowStart, int count) {
    }
}
