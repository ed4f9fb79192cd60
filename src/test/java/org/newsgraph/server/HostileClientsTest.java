package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsgraph.server.ServerFixtures.PASSWORD;
import static org.newsgraph.server.ServerFixtures.USER;
import static org.newsgraph.server.ServerFixtures.get;
import static org.newsgraph.server.ServerFixtures.q;
import static org.newsgraph.server.ServerFixtures.request;
import static org.newsgraph.server.ServerFixtures.send;
import static org.newsgraph.server.ServerFixtures.withCredentials;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsgraph.store.GraphStore;

/**
 * Clients that do not behave, from addresses of their own (127.0.0.2 and up), against a real
 * server: those who start a request and never finish it, and those who guess passwords. The
 * server must go on answering everyone else.
 */
class HostileClientsTest {

    private final GraphStore store = ServerFixtures.sampleStore();
    private final List<RawHttp> held = new ArrayList<>();
    private NewsServer server;

    private NewsServer serve(ServerLimits limits) {
        server = NewsServer.builder().store(store).port(0).password(Optional.of(PASSWORD)).limits(limits).build().start();
        return server;
    }

    @AfterEach
    void stop() throws IOException {
        for (RawHttp h : held) {
            h.close();
        }
        if (server != null) {
            server.stop();
        }
        store.close();
    }

    @Test
    void fourHundredSlowBodiesLeaveHealthAndQueriesAnswering() throws Exception {
        serve(ServerLimits.defaults());
        int port = server.port();
        // Headers, then a few bytes of a body that never comes: queries, updates without
        // credentials, graph writes with false ones, and requests whose headers never end.
        String[] starts = {
            "POST /news/sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 100000\r\n\r\nSELECT",
            "POST /news/update HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-update\r\nContent-Length: 100000\r\n\r\nINSERT",
            "PUT /news/data?default HTTP/1.1\r\nHost: x\r\nAuthorization: Basic " + basic("admin", "guess")
                    + "\r\nContent-Type: text/turtle\r\nContent-Length: 100000\r\n\r\n<a>",
            "POST /news/sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\nquery=",
            "GET /news/sparql?query=ASK HTTP/1.1\r\nHost: x\r\nX-Slow: ",
        };
        for (int i = 0; i < 400; i++) {
            RawHttp h = RawHttp.connect("127.0.0." + (2 + i % 50), port);
            held.add(h);
            h.send(starts[i % starts.length]);
        }
        Thread.sleep(500);
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            HttpResponse<String> health = send(request(server, "/healthz").GET());
            long healthMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertEquals(200, health.statusCode(), health.body());
            t0 = System.nanoTime();
            HttpResponse<String> query = get(server, "/news/sparql?query=" + q("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"),
                    "application/sparql-results+json");
            long queryMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertEquals(200, query.statusCode(), query.body());
            assertTrue(query.body().contains("\"n\""), query.body());
            assertTrue(healthMs < 1000, "health answered in " + healthMs + " ms while 400 bodies are held");
            assertTrue(queryMs < 1000, "a small query answered in " + queryMs + " ms while 400 bodies are held");
        }
        // And a write with the right credentials still goes through.
        HttpResponse<String> put = send(withCredentials(request(server, "/news/data?graph=" + q("urn:x:g")), USER, PASSWORD)
                .header("Content-Type", "text/turtle")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("<urn:x:s> <urn:x:p> <urn:x:o> .")));
        assertTrue(put.statusCode() / 100 == 2, put.statusCode() + " " + put.body());
    }

    @Test
    void aBodyThatStopsComingIsCutAtTheIdleTimeout() throws Exception {
        serve(ServerLimits.builder().idleTimeout(Duration.ofMillis(700)).build());
        RawHttp h = RawHttp.connect("127.0.0.2", server.port());
        held.add(h);
        h.send("POST /news/sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 1000\r\n\r\nASK");
        assertTrue(h.closedWithin(5000), "a silent connection is closed after its idle timeout");
    }

    @Test
    void aQueryBodyOverTheEagerLimitIs413UnreadAndAChunkedOneToo() throws Exception {
        serve(ServerLimits.builder().eagerBodyBytes(1000).build());
        try (RawHttp h = RawHttp.connect("127.0.0.2", server.port())) {
            RawHttp.Answer a = h.send("POST /news/sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                    + "Content-Length: 5000\r\nConnection: close\r\n\r\nASK {}").answer();
            assertEquals(413, a.status(), a.text());
        }
        try (RawHttp h = RawHttp.connect("127.0.0.2", server.port())) {
            String chunk = "#".repeat(800) + "\n";
            String hex = Integer.toHexString(chunk.length());
            RawHttp.Answer a = h.send("POST /news/sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                    + hex + "\r\n" + chunk + "\r\n" + hex + "\r\n" + chunk + "\r\n0\r\n\r\n").answer();
            assertEquals(413, a.status(), a.text());
        }
        HttpResponse<String> small = ServerFixtures.post(server, "/news/sparql", "application/sparql-query", "ASK {}");
        assertEquals(200, small.statusCode(), small.body());
    }

    @Test
    void aGzipBombIs413AndAnHonestGzipBodyIsRead() throws Exception {
        server = NewsServer.builder().store(store).port(0).password(Optional.of(PASSWORD))
                .maxRequestBytes(4 * 1024 * 1024).build().start();
        // 200 MB of spaces in about 200 KB: a query that inflates far past its limit.
        byte[] bomb = gzip(" ".repeat(1024 * 1024), 200, "ASK {}");
        assertTrue(bomb.length < 400_000, bomb.length + " bytes");
        long t0 = System.nanoTime();
        HttpResponse<String> bombed = send(request(server, "/news/sparql").header("Content-Type", "application/sparql-query")
                .header("Content-Encoding", "gzip").POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(bomb)));
        assertEquals(413, bombed.statusCode(), bombed.body());
        assertTrue(bombed.body().contains("inflated"), bombed.body());
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5));

        HttpResponse<String> honest = send(request(server, "/news/sparql").header("Content-Type", "application/sparql-query")
                .header("Accept", "application/sparql-results+json").header("Content-Encoding", "gzip")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(gzip("", 0, "ASK { ?s ?p ?o }"))));
        assertEquals(200, honest.statusCode(), honest.body());
        assertTrue(honest.body().contains("true"), honest.body());

        // A graph write, with credentials, is held to --max-request-size once inflated.
        long before = store.tripleCount();
        String triple = "<urn:x:s> <urn:x:p> \"" + "x".repeat(1000) + "\" .\n";
        HttpResponse<String> bigPut = send(withCredentials(request(server, "/news/data?graph=" + q("urn:x:big")), USER, PASSWORD)
                .header("Content-Type", "application/n-triples").header("Content-Encoding", "gzip")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(gzip(triple, 5000, ""))));
        assertEquals(413, bigPut.statusCode(), bigPut.body());
        assertEquals(before, store.tripleCount());
        HttpResponse<String> smallPut = send(withCredentials(request(server, "/news/data?graph=" + q("urn:x:small")), USER, PASSWORD)
                .header("Content-Type", "application/n-triples").header("Content-Encoding", "gzip")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(gzip(triple, 1, ""))));
        assertEquals(201, smallPut.statusCode(), smallPut.body());
        HttpResponse<String> broken = send(request(server, "/news/sparql").header("Content-Type", "application/sparql-query")
                .header("Content-Encoding", "gzip").POST(java.net.http.HttpRequest.BodyPublishers.ofString("ASK {}")));
        assertEquals(400, broken.statusCode(), broken.body());
    }

    @Test
    void theWholeStoreGoesToTheUserOnlyAndOneGraphUpToItsLimit() throws Exception {
        int limit = store.findArticleGraph(ServerFixtures.EVIL_ARTICLE).orElseThrow().size();
        assertTrue(store.findArticleGraph(ServerFixtures.MQM_ARTICLE).orElseThrow().size() > limit);
        server = NewsServer.builder().store(store).port(0).password(Optional.of(PASSWORD)).maxGraphTriples(limit).build().start();
        String small = store.graphName(ServerFixtures.EVIL_ARTICLE).getURI();
        String big = store.graphName(ServerFixtures.MQM_ARTICLE).getURI();

        for (String whole : List.of("/news/data", "/news/data?default", "/news", "/news/data?graph=" + q("urn:x-arq:UnionGraph"))) {
            HttpResponse<String> anonymous = get(server, whole, "application/n-quads");
            assertEquals(401, anonymous.statusCode(), whole + ": " + anonymous.body());
            assertTrue(anonymous.body().contains("user only"), anonymous.body());
            HttpResponse<String> wrong = send(withCredentials(request(server, whole), USER, "guess").header("Accept", "application/n-quads").GET());
            assertEquals(401, wrong.statusCode(), whole);
            HttpResponse<String> user = send(withCredentials(request(server, whole), USER, PASSWORD).header("Accept", "application/n-quads").GET());
            // Fuseki serves no graphs on the dataset's own address: 400 there, after the guard.
            assertEquals(whole.equals("/news") ? 400 : 200, user.statusCode(), whole + ": " + user.body());
        }
        HttpResponse<String> one = get(server, "/news/data?graph=" + q(small), "application/n-triples");
        assertEquals(200, one.statusCode(), one.body());
        assertTrue(one.body().contains("Evil"), one.body());
        HttpResponse<String> tooBig = get(server, "/news/data?graph=" + q(big), "application/n-triples");
        assertEquals(413, tooBig.statusCode(), tooBig.body());
        assertTrue(tooBig.body().contains("more than " + limit + " triples"), tooBig.body());
        // A query still reaches the whole store, within its own caps.
        assertEquals(200, get(server, "/news/sparql?query=" + q("ASK { ?s ?p ?o }"), "application/sparql-results+json").statusCode());
    }

    @Test
    void withoutAPasswordTheWholeStoreIsNotServedAtAll() {
        server = NewsServer.builder().store(store).port(0).build().start();
        HttpResponse<String> r = get(server, "/news/data", "application/n-quads");
        assertEquals(403, r.statusCode(), r.body());
        assertTrue(r.body().contains("newsgraph export"), r.body());
    }

    /** {@code times} copies of {@code filler}, then {@code tail}, gzipped. */
    private static byte[] gzip(String filler, int times, String tail) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
            byte[] f = filler.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (int i = 0; i < times; i++) {
                z.write(f);
            }
            z.write(tail.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void passwordGuessingIsRefused429ForAWhileFromThatAddressOnly() throws Exception {
        serve(ServerLimits.builder().maxFailedLogins(5).loginLockout(Duration.ofSeconds(2)).build());
        String update = "INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> \"guess\" } }";
        for (int i = 0; i < 5; i++) {
            assertEquals(401, updateFrom("127.0.0.2", "guess" + i, update).status());
        }
        RawHttp.Answer locked = updateFrom("127.0.0.2", "guess5", update);
        assertEquals(429, locked.status(), locked.text());
        assertNotNull(locked.header("Retry-After"));
        assertEquals(429, updateFrom("127.0.0.2", PASSWORD, update).status(), "even the right password waits");
        // Another address, and queries without credentials, are not held back.
        assertEquals(200, updateFrom("127.0.0.3", PASSWORD, update).status() / 100 * 100);
        try (RawHttp h = RawHttp.connect("127.0.0.2", server.port())) {
            assertEquals(200, h.get("/news/sparql?query=" + q("ASK {}")).answer().status());
        }
        Thread.sleep(2200);
        assertEquals(200, updateFrom("127.0.0.2", PASSWORD, update).status() / 100 * 100, "the lockout ends");
    }

    private RawHttp.Answer updateFrom(String from, String password, String update) throws IOException {
        try (RawHttp h = RawHttp.connect(from, server.port())) {
            byte[] body = update.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return h.send("POST /news/update HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + basic(USER, password)
                    + "\r\nContent-Type: application/sparql-update\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n" + update).answer();
        }
    }

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
