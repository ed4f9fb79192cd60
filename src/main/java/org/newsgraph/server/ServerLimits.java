package org.newsgraph.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How much of the machine clients may hold, so that the server's availability does not depend
 * on them behaving: worker threads, open connections, how long a connection may stay silent or
 * send its body slowly, how many requests run at once (in all and per client address), and how
 * many wait, for how long, before a 503.
 *
 * <p>Bodies of up to {@link #eagerBodyBytes()} are read without a thread, before a request runs,
 * so that a client that sends headers and never finishes its body holds a connection (until
 * {@link #idleTimeout()}) but no worker. (Jetty's minimum request data rate is not used: it
 * measures from the first byte, so it cuts small bodies that are read a little later.) {@code /healthz} and writes (which need the user's
 * credentials) do not count against {@link #maxActiveRequests()}: they have their own room.
 *
 * <p>The defaults suit a small machine: {@code defaults()} sizes the running requests by the
 * processors ({@code max(4, 2 × cores)}; queries are CPU-bound and more at once only makes
 * each slower).
 */
public final class ServerLimits {

    private final int maxThreads;
    private final int maxConnections;
    private final Duration idleTimeout;
    private final int eagerBodyBytes;
    private final int maxActiveRequests;
    private final int maxActivePerClient;
    private final int maxQueuedRequests;
    private final Duration maxQueueWait;
    private final int maxFailedLogins;
    private final Duration loginLockout;

    private ServerLimits(Builder b) {
        this.maxThreads = b.maxThreads;
        this.maxConnections = b.maxConnections;
        this.idleTimeout = b.idleTimeout;
        this.eagerBodyBytes = b.eagerBodyBytes;
        this.maxActiveRequests = b.maxActiveRequests;
        this.maxActivePerClient = Math.min(b.maxActivePerClient, b.maxActiveRequests);
        this.maxQueuedRequests = b.maxQueuedRequests;
        this.maxQueueWait = b.maxQueueWait;
        this.maxFailedLogins = b.maxFailedLogins;
        this.loginLockout = b.loginLockout;
    }

    /** The limits for this machine. */
    public static ServerLimits defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Jetty's worker threads, for running requests, health, writes and the connectors' own work. */
    public int maxThreads() {
        return maxThreads;
    }

    /** Open connections at most; beyond it the server stops accepting until one closes. */
    public int maxConnections() {
        return maxConnections;
    }

    /**
     * How long a connection may send nothing (headers, body, or between requests) before it is
     * closed; also how long a body of up to {@link #eagerBodyBytes()} may take to arrive in all.
     */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /**
     * Bodies up to this size are read before the request takes a worker thread; it is also the
     * largest body of a request that is not a write (a query), inflated.
     */
    public int eagerBodyBytes() {
        return eagerBodyBytes;
    }

    /** Requests (queries, pages, canned queries) that run at once; more wait in a queue. */
    public int maxActiveRequests() {
        return maxActiveRequests;
    }

    /** Requests of one client address that run at once; its others wait their turn. */
    public int maxActivePerClient() {
        return maxActivePerClient;
    }

    /** Requests that may wait for a turn; one more is answered 503 at once. */
    public int maxQueuedRequests() {
        return maxQueuedRequests;
    }

    /** The longest a request waits for a turn before it is answered 503. */
    public Duration maxQueueWait() {
        return maxQueueWait;
    }

    /** Wrong passwords one client address may send within {@link #loginLockout()} before it is refused 429. */
    public int maxFailedLogins() {
        return maxFailedLogins;
    }

    /** How long a client address that guessed too often is refused credentials. */
    public Duration loginLockout() {
        return loginLockout;
    }

    @Override
    public String toString() {
        return "at most " + maxActiveRequests + " requests at once (" + maxActivePerClient + " per client), "
                + maxQueuedRequests + " waiting up to " + maxQueueWait.toSeconds() + " s";
    }

    /** Options of {@link ServerLimits}; every one has a default. */
    public static final class Builder {
        private int maxThreads = 200;
        private int maxConnections = 4096;
        private Duration idleTimeout = Duration.ofSeconds(30);
        private int eagerBodyBytes = 1024 * 1024;
        private int maxActiveRequests = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        private int maxActivePerClient = Math.max(2, maxActiveRequests / 2);
        private int maxQueuedRequests = 1000;
        private Duration maxQueueWait = Duration.ofSeconds(30);
        private int maxFailedLogins = 10;
        private Duration loginLockout = Duration.ofMinutes(1);

        private Builder() {
        }

        public Builder maxThreads(int n) {
            this.maxThreads = atLeast(16, n, "worker threads");
            return this;
        }

        public Builder maxConnections(int n) {
            this.maxConnections = atLeast(1, n, "connections");
            return this;
        }

        public Builder idleTimeout(Duration d) {
            this.idleTimeout = positive(d, "idle timeout");
            return this;
        }

        public Builder eagerBodyBytes(int bytes) {
            this.eagerBodyBytes = atLeast(0, bytes, "eagerly read body size");
            return this;
        }

        public Builder maxActiveRequests(int n) {
            this.maxActiveRequests = atLeast(1, n, "running requests");
            return this;
        }

        public Builder maxActivePerClient(int n) {
            this.maxActivePerClient = atLeast(1, n, "running requests per client");
            return this;
        }

        public Builder maxQueuedRequests(int n) {
            this.maxQueuedRequests = atLeast(0, n, "waiting requests");
            return this;
        }

        public Builder maxQueueWait(Duration d) {
            this.maxQueueWait = positive(d, "queue wait");
            return this;
        }

        public Builder maxFailedLogins(int n) {
            this.maxFailedLogins = atLeast(1, n, "failed logins");
            return this;
        }

        public Builder loginLockout(Duration d) {
            this.loginLockout = positive(d, "login lockout");
            return this;
        }

        public ServerLimits build() {
            if (maxThreads < maxActiveRequests + 12) {
                throw new IllegalArgumentException(maxThreads + " worker threads leave no room beside "
                        + maxActiveRequests + " running requests; give at least " + (maxActiveRequests + 12));
            }
            return new ServerLimits(this);
        }

        private static int atLeast(int min, int n, String what) {
            if (n < min) {
                throw new IllegalArgumentException(what + " " + n + " is below " + min);
            }
            return n;
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.toMillis() <= 0) {
                throw new IllegalArgumentException(what + " " + d + " is not positive");
            }
            return d;
        }
    }
}
