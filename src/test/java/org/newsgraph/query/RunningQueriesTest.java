package org.newsgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The registry of running queries: its watchdog cancels those past their time or whose client has gone; a shutdown cancels all. */
class RunningQueriesTest {

    @Test
    void aQueryWhoseClientHasGoneIsCancelledSayingWhy() throws InterruptedException {
        AtomicBoolean gone = new AtomicBoolean();
        try (RunningQueries running = RunningQueries.create(Duration.ofMillis(20));
             RunningQueries.Running q = running.start(Duration.ofMinutes(1), gone::get)) {
            Thread.sleep(100);
            assertFalse(q.cancelSignal().get(), "not while the client is there");
            assertNull(q.cancelReason());

            gone.set(true);
            waitFor(q.cancelSignal());

            assertEquals("its client has gone", q.cancelReason());
        }
    }

    @Test
    void aQueryPastItsTimeoutAndTheGraceIsCancelledByTheWatchdog() throws InterruptedException {
        try (RunningQueries running = RunningQueries.create(Duration.ofMillis(20));
             RunningQueries.Running q = running.start(Duration.ofMillis(100), () -> false)) {
            long start = System.nanoTime();
            waitFor(q.cancelSignal());
            Duration after = Duration.ofNanos(System.nanoTime() - start);

            assertEquals("it ran past its timeout", q.cancelReason());
            assertTrue(after.compareTo(Duration.ofMillis(100).plus(RunningQueries.GRACE)) >= 0, "cancelled after " + after);
            assertTrue(after.compareTo(Duration.ofSeconds(3)) < 0, "cancelled after " + after);
        }
    }

    @Test
    void stopAllCancelsEveryQueryAndWaitsForThemToEnd() throws InterruptedException {
        RunningQueries running = RunningQueries.create(Duration.ofSeconds(10));
        RunningQueries.Running first = running.start(null, () -> false);
        RunningQueries.Running second = running.start(null, () -> false);
        Thread worker = new Thread(() -> {
            // A query that ends soon after it sees its signal, as ARQ's iterators do.
            while (!first.cancelSignal().get() || !second.cancelSignal().get()) {
                Thread.onSpinWait();
            }
            first.close();
            second.close();
        });
        worker.start();

        assertEquals(2, running.count());
        assertTrue(running.stopAll(Duration.ofSeconds(5)));
        assertEquals(0, running.count());
        assertEquals("the server is stopping", first.cancelReason());
        worker.join();
    }

    @Test
    void stopAllGivesUpAfterItsPatienceWhenAQueryDoesNotEnd() {
        RunningQueries running = RunningQueries.create(Duration.ofSeconds(10));
        RunningQueries.Running stuck = running.start(null, () -> false);

        long start = System.nanoTime();
        assertFalse(running.stopAll(Duration.ofMillis(200)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(stuck.cancelSignal().get());
        assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "waited " + took);
    }

    private static void waitFor(AtomicBoolean flag) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!flag.get() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertTrue(flag.get(), "not cancelled within 5 s");
    }
}
