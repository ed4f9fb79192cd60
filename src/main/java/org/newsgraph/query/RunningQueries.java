package org.newsgraph.query;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The queries a server is running, each with its cancel signal, so that they can be stopped
 * from outside: a watchdog cancels a query whose client has gone (a client that gave up at 3 s
 * used to leave its query running for the whole timeout) or that outlives its timeout, and
 * {@link #cancelAll} stops every one when the server shuts down (so that no read transaction
 * keeps the store from closing).
 *
 * <pre>{@code
 * try (RunningQueries.Running q = running.start(timeout, () -> connectionClosed())) {
 *     exec = QueryExec.dataset(dsg).query(query).set(ARQConstants.symCancelQuery, q.cancelSignal())...;
 * }
 * }</pre>
 *
 * The cancel signal is ARQ's own ({@code ARQConstants.symCancelQuery}): ARQ's timeout sets it
 * too, every query iterator checks it, and so does {@link GuardedRegex}. Thread-safe.
 */
public final class RunningQueries implements AutoCloseable {

    /**
     * How long past its timeout a query may go before the watchdog cancels it itself: ARQ's
     * timer cannot set the signal while the query is being planned.
     */
    static final Duration GRACE = Duration.ofSeconds(1);

    private final Set<Running> running = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watchdog;
    private final Object idle = new Object();

    private RunningQueries(Duration checkEvery) {
        watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "newsgraph-query-watchdog");
            t.setDaemon(true);
            return t;
        });
        long ms = checkEvery.toMillis();
        watchdog.scheduleWithFixedDelay(this::check, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** A registry whose watchdog looks at every running query each {@code checkEvery}. */
    public static RunningQueries create(Duration checkEvery) {
        if (checkEvery.isNegative() || checkEvery.isZero()) {
            throw new IllegalArgumentException("the watchdog's period must be positive: " + checkEvery);
        }
        return new RunningQueries(checkEvery);
    }

    /**
     * Registers a query that is about to run; close what this returns when it has ended.
     *
     * @param timeout    the query's timeout, or {@code null} for none
     * @param clientGone says whether the one who asked for the query has gone; the watchdog asks
     *                   it from its own thread, and cancels the query when it says yes
     */
    public Running start(Duration timeout, BooleanSupplier clientGone) {
        Objects.requireNonNull(clientGone, "clientGone");
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.plus(GRACE).toNanos();
        Running q = new Running(deadline, clientGone);
        running.add(q);
        return q;
    }

    /** How many queries are running now. */
    public int count() {
        return running.size();
    }

    /** Cancels every running query; returns how many there were. */
    public int cancelAll() {
        int n = 0;
        for (Running q : running) {
            q.cancel("the server is stopping");
            n++;
        }
        return n;
    }

    /** Waits until no query is running, or {@code patience} has passed; returns whether none is. */
    public boolean awaitNone(Duration patience) throws InterruptedException {
        long end = System.nanoTime() + patience.toNanos();
        synchronized (idle) {
            while (!running.isEmpty()) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
        }
        return true;
    }

    /**
     * For a shutdown: cancels every running query, waits up to {@code patience} for them all to
     * end (and so their read transactions), and stops the watchdog. Returns whether they ended.
     */
    public boolean stopAll(Duration patience) {
        cancelAll();
        try {
            return awaitNone(patience);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return count() == 0;
        } finally {
            close();
        }
    }

    /** Stops the watchdog; queries still registered are cancelled. */
    @Override
    public void close() {
        cancelAll();
        watchdog.shutdownNow();
    }

    private void check() {
        long now = System.nanoTime();
        for (Running q : running) {
            try {
                if (now - q.deadline > 0) {
                    q.cancel("it ran past its timeout");
                } else if (q.clientGone.getAsBoolean()) {
                    q.cancel("its client has gone");
                }
            } catch (RuntimeException e) {
                // One query's check failing must not stop the watchdog for the others.
                q.cancel("its client could not be checked: " + e);
            }
        }
    }

    /** One running query: its cancel signal, and why it was cancelled. */
    public final class Running implements AutoCloseable {
        private final AtomicBoolean cancel = new AtomicBoolean();
        private final long deadline;
        private final BooleanSupplier clientGone;
        private volatile String reason;

        private Running(long deadline, BooleanSupplier clientGone) {
            this.deadline = deadline;
            this.clientGone = clientGone;
        }

        /** The flag that stops the query when set: give it to ARQ as {@code ARQConstants.symCancelQuery}. */
        public AtomicBoolean cancelSignal() {
            return cancel;
        }

        /** Why the query was cancelled from outside, or {@code null} while it was not (ARQ's own timeout is not told here). */
        public String cancelReason() {
            return reason;
        }

        void cancel(String why) {
            if (reason == null) {
                reason = why;
            }
            cancel.set(true);
        }

        /** The query has ended. */
        @Override
        public void close() {
            if (running.remove(this)) {
                synchronized (idle) {
                    idle.notifyAll();
                }
            }
        }
    }
}
