package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsgraph.server.ServerFixtures.q;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsgraph.query.CannedQuery;
import org.newsgraph.query.QueryLimits;
import org.newsgraph.query.QueryCatalog;
import org.newsgraph.store.GraphStore;

/**
 * Queries that are stopped really stop (issue 17): the regular expression that backtracks for
 * hours ends at the timeout, a query whose client has gone ends within a second or two, and a
 * server that stops cancels what is running so the store closes cleanly.
 */
class QueryCancellationTest {

    /** No budget of characters read, so that the regex runs until the query is cancelled. */
    private static final QueryLimits UNBOUNDED_REGEX = QueryLimits.DEFAULT.withRegexReads(Long.MAX_VALUE);
    /** Backtracks for hours in Java's regular expressions. */
    static final String SLOW_REGEX = "SELECT ?x { BIND(REGEX(\"" + "a".repeat(36) + "\", \"(.*a){19}b\") AS ?x) }";
    private static final CannedQuery SLOW_CANNED = CannedQuery.parse("slow-regex", "# title: Slow\n" + SLOW_REGEX);

    @TempDir
    Path tmp;

    @Test
    void theCatastrophicRegexEndsAtTheTimeoutAndTheCpuFallsBack() {
        try (GraphStore store = ServerFixtures.sampleStore();
             NewsServer server = NewsServer.builder().store(store).port(0).queryLimits(UNBOUNDED_REGEX).queryTimeout(Duration.ofSeconds(1)).build().start()) {
            long start = System.nanoTime();
            HttpResponse<String> r = get(server, "/news/sparql?query=" + q(SLOW_REGEX), "application/sparql-results+json");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertEquals(503, r.statusCode(), r.body());
            assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "answered after " + took);
            assertEquals(0, server.runningQueries().count());
            assertCpuFallsBack();
        }
    }

    @Test
    void withTheDefaultLimitsTheCatastrophicRegexIs422InMillisecondsNotAtTheTimeout() {
        try (GraphStore store = ServerFixtures.sampleStore();
             NewsServer server = NewsServer.builder().store(store).port(0).build().start()) {
            long start = System.nanoTime();
            HttpResponse<String> r = get(server, "/news/sparql?query=" + q(SLOW_REGEX), "application/sparql-results+json");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertEquals(422, r.statusCode(), r.body());
            assertTrue(r.body().contains("backtracks too much"), r.body());
            assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "answered after " + took);
            assertCpuFallsBack();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/news/sparql", "/api/queries/slow-regex"})
    void aQueryWhoseClientHasGoneIsCancelled(String path) throws IOException {
        try (GraphStore store = ServerFixtures.sampleStore();
             NewsServer server = NewsServer.builder().store(store).port(0).queryLimits(UNBOUNDED_REGEX).queryTimeout(Duration.ofSeconds(60))
                     .queries(QueryCatalog.of(List.of(SLOW_CANNED))).build().start()) {
            String target = path.startsWith("/news") ? path + "?query=" + q(SLOW_REGEX) : path;
            long closed;
            try (Socket client = new Socket("127.0.0.1", server.port())) {
                OutputStream out = client.getOutputStream();
                out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                waitFor(() -> server.runningQueries().count() == 1, Duration.ofSeconds(5));
                sleep(Duration.ofSeconds(1));
                assertEquals(1, server.runningQueries().count(), "the query still runs while its client waits");
                closed = System.nanoTime();
            }
            waitFor(() -> server.runningQueries().count() == 0, Duration.ofSeconds(10));
            Duration stoppedAfter = Duration.ofNanos(System.nanoTime() - closed);

            assertTrue(stoppedAfter.compareTo(Duration.ofSeconds(2)) < 0, "stopped " + stoppedAfter + " after the client left");
            assertCpuFallsBack();
        }
    }

    @Test
    void stoppingTheServerCancelsARunningQueryAndTheStoreClosesAndReopens() {
        Path db = tmp.resolve("db");
        GraphStore store = GraphStore.open(db);
        Set<String> articles = store.articleIds();
        NewsServer server = NewsServer.builder().store(store).port(0).queryLimits(UNBOUNDED_REGEX).queryTimeout(Duration.ofSeconds(60)).build().start();
        CompletableFuture<HttpResponse<String>> answer = HTTP.sendAsync(
                ServerFixtures.request(server, "/news/sparql?query=" + q(SLOW_REGEX)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        waitFor(() -> server.runningQueries().count() == 1, Duration.ofSeconds(5));

        long start = System.nanoTime();
        server.stop();
        store.close(); // threw "Can't expel: Active transactions" while the query ran on
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "stopped after " + took);
        // an answer (503) or a closed connection; the client may notice the close late on a busy machine
        waitFor(answer::isDone, Duration.ofSeconds(15));
        try (GraphStore reopened = GraphStore.open(db)) {
            assertEquals(articles, reopened.articleIds());
        }
    }

    /** The threads of this JVM use under a fifth of a core over the next second: nothing is left running. */
    static void assertCpuFallsBack() {
        sleep(Duration.ofMillis(300)); // let a query that was just cancelled unwind
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = totalCpu(threads);
        long start = System.nanoTime();
        sleep(Duration.ofSeconds(1));
        double share = (totalCpu(threads) - before) / (double) (System.nanoTime() - start);
        assertTrue(share < 0.2, String.format("the JVM used %.2f of a core for a second after the answer", share));
    }

    private static long totalCpu(ThreadMXBean threads) {
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            long t = threads.getThreadCpuTime(id);
            sum += Math.max(0, t);
        }
        return sum;
    }

    static void waitFor(BooleanSupplier condition, Duration patience) {
        long end = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not so after " + patience);
            }
            sleep(Duration.ofMillis(20));
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A client of this class's own, so that its connections to servers stopped here stay out of the shared one's pool. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> get(NewsServer server, String pathAndQuery, String accept) {
        return HTTP.sendAsync(ServerFixtures.request(server, pathAndQuery).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString()).join();
    }
}
