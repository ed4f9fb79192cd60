package org.newsgraph.server;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.newsgraph.store.GraphStore;

/**
 * The store's article and triple counts for {@code /healthz}, counted again only when the store
 * has changed ({@link GraphStore#dataVersion()}), once at a time, in the background. A caller
 * waits at most {@code wait} for a new count and otherwise gets the last one, marked stale: so a
 * health probe costs the same on a store of any size, however often it asks and however busy
 * the store is.
 */
final class StoreCounts {

    /** Counts as of one data version. */
    record Snapshot(long version, int articles, long triples) {
    }

    private final GraphStore store;
    private final Executor counter;
    private final long waitMillis;
    // Guarded by this.
    private Snapshot last;
    private CompletableFuture<Snapshot> counting;

    StoreCounts(GraphStore store, Executor counter, long waitMillis) {
        this.store = store;
        this.counter = counter;
        this.waitMillis = waitMillis;
    }

    /** What to answer now: the counts, and whether they may be older than the store. */
    record Answer(Snapshot counts, boolean stale) {
    }

    /**
     * @throws RuntimeException when the store cannot be read (it is closed, say)
     */
    Answer now() throws InterruptedException {
        long version = store.dataVersion();
        CompletableFuture<Snapshot> pending;
        synchronized (this) {
            if (last != null && last.version() == version) {
                return new Answer(last, false);
            }
            pending = counting;
            if (pending == null) {
                CompletableFuture<Snapshot> started = CompletableFuture.supplyAsync(this::count, counter);
                counting = started;
                pending = started;
                started.whenComplete((s, e) -> finished(started, s));
            }
        }
        try {
            Snapshot fresh = pending.get(last == null ? TimeUnit.MINUTES.toMillis(5) : waitMillis, TimeUnit.MILLISECONDS);
            return new Answer(fresh, fresh.version() != version);
        } catch (TimeoutException e) {
            synchronized (this) {
                return new Answer(last, true);
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private Snapshot count() {
        long version = store.dataVersion();
        return new Snapshot(version, store.articleIds().size(), store.tripleCount());
    }

    private synchronized void finished(CompletableFuture<Snapshot> done, Snapshot s) {
        if (s != null) {
            last = s;
        }
        if (counting == done) {
            counting = null;
        }
    }
}
