package org.newsgraph.server;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Lets a bounded number of requests run at once, at most {@code perClient} of them from one client
 * address, and makes the others wait their turn in a bounded queue without holding a thread. The
 * next turn goes to the waiting client that has used the least running time lately (decaying by
 * half every {@value #USAGE_HALF_LIFE_SECONDS} s; among equals, in order), so one client with many
 * requests waits behind its own, not in front of everyone else's, and a client whose queries run
 * long waits behind those whose queries are short. A request that waits longer than
 * {@code maxWait}, or finds the queue full, is answered 503 with {@code Retry-After}.
 *
 * <p>Requests that {@code bypass} accepts (health checks, writes, which need the user's
 * credentials) run at once, outside these limits: they have their own room in the thread pool.
 */
final class FairQueue extends Handler.Wrapper {

    static final int USAGE_HALF_LIFE_SECONDS = 60;
    /** Clients whose usage is remembered at most; past it, those whose usage has decayed are forgotten. */
    private static final int MAX_TRACKED = 10_000;

    private final int maxActive;
    private final int perClient;
    private final int maxQueued;
    private final long maxWaitMillis;
    private final Predicate<Request> bypass;

    // Guarded by this.
    private int active;
    private int queued;
    private final Map<String, Integer> activeByClient = new HashMap<>();
    private final LinkedHashMap<String, Deque<Waiting>> waitingByClient = new LinkedHashMap<>();
    private final Map<String, Usage> usageByClient = new HashMap<>();

    FairQueue(ServerLimits limits, Predicate<Request> bypass) {
        this.maxActive = limits.maxActiveRequests();
        this.perClient = limits.maxActivePerClient();
        this.maxQueued = limits.maxQueuedRequests();
        this.maxWaitMillis = limits.maxQueueWait().toMillis();
        this.bypass = bypass;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (bypass.test(request)) {
            return super.handle(request, response, callback);
        }
        String client = Request.getRemoteAddr(request);
        Waiting waiting;
        synchronized (this) {
            if (active < maxActive && activeOf(client) < perClient && !waitingByClient.containsKey(client)) {
                enter(client);
                waiting = null;
            } else if (queued >= maxQueued) {
                waiting = null;
                busy(request, response, callback, "the server is busy: " + queued + " requests are waiting; try again later");
                return true;
            } else {
                waiting = new Waiting(client, request, response, callback);
                waitingByClient.computeIfAbsent(client, c -> new ArrayDeque<>()).addLast(waiting);
                queued++;
            }
        }
        if (waiting != null) {
            Scheduler scheduler = request.getComponents().getScheduler();
            waiting.expiry = scheduler.schedule(() -> expire(waiting), maxWaitMillis, TimeUnit.MILLISECONDS);
            return true;
        }
        return run(client, request, response, callback);
    }

    /** Requests running now, for tests and the health page. */
    synchronized int active() {
        return active;
    }

    /** Requests waiting now. */
    synchronized int queued() {
        return queued;
    }

    private int activeOf(String client) {
        return activeByClient.getOrDefault(client, 0);
    }

    private void enter(String client) {
        active++;
        activeByClient.merge(client, 1, Integer::sum);
    }

    private boolean run(String client, Request request, Response response, Callback callback) throws Exception {
        long started = System.nanoTime();
        Callback leave = new Leaving(client, started, callback);
        boolean handled;
        try {
            handled = super.handle(request, response, leave);
        } catch (Throwable e) {
            leave(client, started);
            throw e;
        }
        if (!handled) {
            leave(client, started);
        }
        return handled;
    }

    private void leave(String client, long started) {
        Waiting next;
        synchronized (this) {
            long now = System.nanoTime();
            if (usageByClient.size() >= MAX_TRACKED) {
                usageByClient.values().removeIf(u -> u.at(now) < 0.001);
            }
            usageByClient.merge(client, new Usage((now - started) / 1e9, now), (a, b) -> new Usage(a.at(now) + b.seconds(), now));
            active--;
            activeByClient.computeIfPresent(client, (c, n) -> n <= 1 ? null : n - 1);
            next = nextTurn();
        }
        if (next != null) {
            next.request.getComponents().getThreadPool().execute(() -> resume(next));
        }
    }

    /**
     * The oldest request of the waiting client, of those that may run now, that has used the least
     * running time lately; called holding the lock.
     */
    private Waiting nextTurn() {
        if (active >= maxActive) {
            return null;
        }
        long now = System.nanoTime();
        String chosen = null;
        double least = Double.MAX_VALUE;
        for (String client : waitingByClient.keySet()) {
            if (activeOf(client) >= perClient) {
                continue;
            }
            Usage u = usageByClient.get(client);
            double used = u == null ? 0 : u.at(now);
            if (used < least) {
                least = used;
                chosen = client;
            }
        }
        if (chosen == null) {
            return null;
        }
        Deque<Waiting> own = waitingByClient.remove(chosen);
        Waiting next = own.pollFirst();
        if (!own.isEmpty()) {
            waitingByClient.put(chosen, own); // to the back, for ties
        }
        queued--;
        enter(next.client);
        return next;
    }

    /** Running time in seconds, as of {@code stampNanos}. */
    private record Usage(double seconds, long stampNanos) {
        double at(long nowNanos) {
            return seconds * Math.pow(0.5, (nowNanos - stampNanos) / 1e9 / USAGE_HALF_LIFE_SECONDS);
        }
    }

    private void resume(Waiting waiting) {
        if (waiting.expiry != null) {
            waiting.expiry.cancel();
        }
        try {
            if (!run(waiting.client, waiting.request, waiting.response, waiting.callback)) {
                Response.writeError(waiting.request, waiting.response, waiting.callback, HttpStatus.NOT_FOUND_404);
            }
        } catch (Throwable e) {
            Response.writeError(waiting.request, waiting.response, waiting.callback, e);
        }
    }

    private void expire(Waiting waiting) {
        synchronized (this) {
            Deque<Waiting> own = waitingByClient.get(waiting.client);
            if (own == null || !own.remove(waiting)) {
                return; // its turn came first
            }
            if (own.isEmpty()) {
                waitingByClient.remove(waiting.client);
            }
            queued--;
        }
        busy(waiting.request, waiting.response, waiting.callback,
                "the server is busy: the request waited " + maxWaitMillis / 1000 + " s for a turn; try again later");
    }

    private void busy(Request request, Response response, Callback callback, String message) {
        response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(Math.max(1, maxWaitMillis / 1000 / 6)));
        Response.writeError(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, message);
    }

    /** A request waiting for its turn. */
    private static final class Waiting {
        final String client;
        final Request request;
        final Response response;
        final Callback callback;
        volatile Scheduler.Task expiry;

        Waiting(String client, Request request, Response response, Callback callback) {
            this.client = client;
            this.request = request;
            this.response = response;
            this.callback = callback;
        }
    }

    /** Completes the request and gives its turn to the next. */
    private final class Leaving extends Callback.Nested {
        private final String client;
        private final long started;

        Leaving(String client, long started, Callback callback) {
            super(callback);
            this.client = client;
            this.started = started;
        }

        @Override
        public void succeeded() {
            try {
                super.succeeded();
            } finally {
                leave(client, started);
            }
        }

        @Override
        public void failed(Throwable x) {
            try {
                super.failed(x);
            } finally {
                leave(client, started);
            }
        }
    }
}
