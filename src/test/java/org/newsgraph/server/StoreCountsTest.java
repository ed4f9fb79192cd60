package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsgraph.store.GraphStore;

/** The health counts: counted once per change of the store, never making a probe wait long. */
class StoreCountsTest {

    private final GraphStore store = ServerFixtures.sampleStore();
    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private final AtomicInteger counted = new AtomicInteger();
    private final Executor countingPool = task -> {
        counted.incrementAndGet();
        pool.execute(task);
    };

    @AfterEach
    void close() {
        pool.shutdownNow();
        store.close();
    }

    @Test
    void anUnchangedStoreIsCountedOnceAndAChangedOneAgain() throws Exception {
        StoreCounts counts = new StoreCounts(store, countingPool, 5_000);
        long triples = store.tripleCount();
        for (int i = 0; i < 100; i++) {
            StoreCounts.Answer a = counts.now();
            assertEquals(2, a.counts().articles());
            assertEquals(triples, a.counts().triples());
            assertFalse(a.stale());
        }
        assertEquals(1, counted.get(), "one count for 100 probes of an unchanged store");

        addTriple();
        StoreCounts.Answer after = counts.now();
        assertEquals(2, counted.get());
        assertEquals(triples + 1, after.counts().triples());
        assertEquals(store.tripleCount(), after.counts().triples());
    }

    @Test
    void aCountThatTakesLongGivesTheLastOneMarkedStaleAtOnce() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        Executor slow = task -> pool.execute(() -> {
            try {
                go.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            task.run();
        });
        StoreCounts first = new StoreCounts(store, pool, 5_000);
        first.now();
        StoreCounts counts = new StoreCounts(store, task -> (counted.getAndIncrement() == 0 ? pool : slow).execute(task), 200);
        long before = counts.now().counts().triples();
        addTriple();

        long t0 = System.nanoTime();
        StoreCounts.Answer a = counts.now();
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(a.stale());
        assertEquals(before, a.counts().triples());
        assertTrue(ms < 1000, "answered in " + ms + " ms");
        go.countDown();
        pool.submit(() -> { }).get(10, TimeUnit.SECONDS);
        Thread.sleep(100);
        StoreCounts.Answer later = counts.now();
        assertFalse(later.stale());
        assertEquals(before + 1, later.counts().triples());
    }

    /** A write past the store's own methods, as SPARQL Update or the Graph Store Protocol make. */
    private void addTriple() {
        Txn.executeWrite(store.dataset(), () -> store.dataset().add(Quad.create(store.graphName(ServerFixtures.MQM_ARTICLE),
                NodeFactory.createURI("urn:x:s"), NodeFactory.createURI("urn:x:p"), NodeFactory.createLiteralString("o"))));
    }

    @Test
    void aClosedStoreIsAnError() {
        StoreCounts counts = new StoreCounts(store, pool, 200);
        store.close();
        assertThrows(RuntimeException.class, counts::now);
    }
}
