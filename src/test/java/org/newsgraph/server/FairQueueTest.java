package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The queue in front of the server's reads, on a Jetty server whose handler holds each request
 * until the test lets it go: how many run, whose turn is next, and who is told 503.
 */
class FairQueueTest {

    private final BlockingQueue<String> started = new LinkedBlockingQueue<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService clients = Executors.newCachedThreadPool();
    private Server server;
    private FairQueue queue;

    /** Two at once, one per client, two waiting for at most {@code wait}; {@code /healthz} passes. */
    private int serve(int maxQueued, Duration wait) throws Exception {
        return serve(2, maxQueued, wait);
    }

    private int serve(int maxActive, int maxQueued, Duration wait) throws Exception {
        ServerLimits limits = ServerLimits.builder().maxActiveRequests(maxActive).maxActivePerClient(1)
                .maxQueuedRequests(maxQueued).maxQueueWait(wait).build();
        queue = new FairQueue(limits, r -> Request.getPathInContext(r).equals("/healthz"));
        queue.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String path = Request.getPathInContext(request);
                started.add(path);
                if (path.startsWith("/sleep/")) {
                    Thread.sleep(Long.parseLong(path.substring("/sleep/".length())));
                } else if (!path.equals("/healthz")) {
                    release.await(30, TimeUnit.SECONDS);
                }
                response.write(true, ByteBuffer.wrap(("done " + path).getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(queue);
        server.start();
        return connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        clients.shutdownNow();
        if (server != null) {
            server.stop();
        }
    }

    private Future<RawHttp.Answer> request(int port, String from, String path) {
        return clients.submit(() -> {
            try (RawHttp http = RawHttp.connect(from, port)) {
                return http.get(path).answer();
            }
        });
    }

    private String nextStarted() throws InterruptedException {
        String path = started.poll(5, TimeUnit.SECONDS);
        assertNotNull(path, "a request should have started");
        return path;
    }

    @Test
    void aClientWithManyRequestsWaitsBehindItsOwnNotInFrontOfOthers() throws Exception {
        int port = serve(10, Duration.ofSeconds(30));
        List<Future<RawHttp.Answer>> answers = new ArrayList<>();
        answers.add(request(port, "127.0.0.2", "/a1"));
        assertEquals("/a1", nextStarted());
        answers.add(request(port, "127.0.0.2", "/a2"));
        waitUntil(() -> queue.queued() == 1);
        answers.add(request(port, "127.0.0.2", "/a3"));
        waitUntil(() -> queue.queued() == 2);
        // One slot is free, but client .2 has its one running: .3 gets it at once.
        answers.add(request(port, "127.0.0.3", "/b1"));
        assertEquals("/b1", nextStarted());
        assertEquals(2, queue.active());
        // Health passes the full queue.
        try (RawHttp health = RawHttp.connect("127.0.0.2", port)) {
            RawHttp.Answer h = health.get("/healthz").answer();
            assertEquals(200, h.status());
            assertEquals("done /healthz", h.body());
        }
        assertEquals("/healthz", nextStarted());
        release.countDown();
        for (Future<RawHttp.Answer> a : answers) {
            assertEquals(200, a.get(10, TimeUnit.SECONDS).status());
        }
        List<String> rest = List.of(nextStarted(), nextStarted());
        assertEquals(List.of("/a2", "/a3"), rest, "one client's requests keep their order");
        waitUntil(() -> queue.active() == 0 && queue.queued() == 0);
    }

    @Test
    void theNextTurnGoesToTheClientThatUsedTheLeastTimeLately() throws Exception {
        int port = serve(1, 10, Duration.ofSeconds(30));
        assertEquals(200, request(port, "127.0.0.2", "/sleep/600").get(10, TimeUnit.SECONDS).status());
        nextStarted();
        Future<RawHttp.Answer> holder = request(port, "127.0.0.9", "/hold");
        assertEquals("/hold", nextStarted());
        Future<RawHttp.Answer> heavy = request(port, "127.0.0.2", "/sleep/1");
        waitUntil(() -> queue.queued() == 1);
        Future<RawHttp.Answer> light = request(port, "127.0.0.3", "/sleep/2");
        waitUntil(() -> queue.queued() == 2);
        release.countDown();
        assertEquals(List.of("/sleep/2", "/sleep/1"), List.of(nextStarted(), nextStarted()),
                "the client that ran 600 ms lately waits behind one that ran nothing, though it came first");
        for (Future<RawHttp.Answer> a : List.of(holder, heavy, light)) {
            assertEquals(200, a.get(10, TimeUnit.SECONDS).status());
        }
    }

    @Test
    void aFullQueueAnswers503AtOnceWithRetryAfter() throws Exception {
        int port = serve(1, Duration.ofSeconds(30));
        request(port, "127.0.0.2", "/a1");
        request(port, "127.0.0.3", "/b1");
        nextStarted();
        nextStarted();
        request(port, "127.0.0.4", "/c1");
        waitUntil(() -> queue.queued() == 1);
        long t0 = System.nanoTime();
        try (RawHttp http = RawHttp.connect("127.0.0.5", port)) {
            RawHttp.Answer a = http.get("/d1").answer();
            assertEquals(503, a.status());
            assertNotNull(a.header("Retry-After"));
            assertTrue(a.body().contains("busy"), a.body());
        }
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(2), "refused at once, not after a wait");
    }

    @Test
    void aRequestThatWaitsTooLongIsAnswered503AndLeavesTheQueue() throws Exception {
        int port = serve(10, Duration.ofMillis(800));
        request(port, "127.0.0.2", "/a1");
        request(port, "127.0.0.3", "/b1");
        nextStarted();
        nextStarted();
        long t0 = System.nanoTime();
        RawHttp.Answer late = request(port, "127.0.0.4", "/c1").get(10, TimeUnit.SECONDS);
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertEquals(503, late.status());
        assertTrue(late.body().contains("waited"), late.body());
        assertTrue(waited >= 700 && waited < 5000, "waited " + waited + " ms");
        assertEquals(0, queue.queued());
        release.countDown();
        waitUntil(() -> queue.active() == 0);
        assertEquals(200, request(port, "127.0.0.4", "/c2").get(10, TimeUnit.SECONDS).status());
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "condition not met within 10 s");
            Thread.sleep(20);
        }
    }
}
