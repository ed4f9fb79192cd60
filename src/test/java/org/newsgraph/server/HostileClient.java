package org.newsgraph.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * A client that asks for what a public endpoint must not give: the queries and requests of
 * issue "Hardening, round 2", one after another from an address of its own. Each call of
 * {@link #next()} sends one and waits for its answer (or, for a slow body, leaves it hanging).
 */
final class HostileClient {

    /** One attack and how the server answered it. */
    record Outcome(String attack, int status, long bytes, long nanos) {
    }

    private static final String REGEX = "SELECT ?x { BIND(REGEX(\"" + "a".repeat(36) + "\", \"(.*a){19}b\") AS ?x) }";
    private static final String GROUP_CONCAT = "SELECT (STRLEN(GROUP_CONCAT(?c)) AS ?n) { ?a ?b ?c . ?d ?e ?f }";
    private static final String CONSTRUCT = construct(1000);
    private static final String DEEP_OR = deepOr(3000);
    private static final List<String> ATTACKS = List.of(
            "regex", "group-concat", "construct", "dataset-get", "slow-body", "gzip-bomb", "deep-or", "paging-overflow");
    /** Slow bodies one client keeps open at most; the oldest is let go past it. */
    private static final int HELD = 100;

    private final String from;
    private final int port;
    private final Deque<RawHttp> held = new ArrayDeque<>();
    private final byte[] bomb;
    private int turn;

    HostileClient(String from, int port, int first) throws IOException {
        this.from = from;
        this.port = port;
        this.turn = first;
        this.bomb = gzipOfSpaces(100);
    }

    /** Sends the next attack and returns how it went. */
    Outcome next() throws IOException {
        String attack = ATTACKS.get(turn++ % ATTACKS.size());
        long t0 = System.nanoTime();
        long[] answer = switch (attack) {
            case "regex" -> get("/news/sparql?query=" + q(REGEX));
            case "group-concat" -> get("/news/sparql?query=" + q(GROUP_CONCAT));
            case "construct" -> post("/news/sparql", "application/sparql-query", CONSTRUCT.getBytes(StandardCharsets.UTF_8), "");
            case "dataset-get" -> get("/news/data");
            case "slow-body" -> slowBody();
            case "gzip-bomb" -> post("/news/sparql", "application/sparql-query", bomb, "Content-Encoding: gzip\r\n");
            case "deep-or" -> post("/news/sparql", "application/sparql-query", DEEP_OR.getBytes(StandardCharsets.UTF_8), "");
            case "paging-overflow" -> get("/api/queries/top-entities?limit=9223372036854775807&offset=2");
            default -> throw new IllegalStateException(attack);
        };
        return new Outcome(attack, (int) answer[0], answer[1], System.nanoTime() - t0);
    }

    /** Lets every held connection go. */
    void close() throws IOException {
        while (!held.isEmpty()) {
            held.poll().close();
        }
    }

    private long[] get(String target) throws IOException {
        try (RawHttp h = RawHttp.connect(from, port)) {
            return h.get(target, "Accept: */*").discard();
        }
    }

    private long[] post(String path, String type, byte[] body, String extraHeaders) throws IOException {
        try (RawHttp h = RawHttp.connect(from, port)) {
            h.send("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: " + type
                    + "\r\nContent-Length: " + body.length + "\r\n" + extraHeaders + "\r\n");
            try {
                h.sendBytes(body);
            } catch (IOException e) {
                // The server may answer (413) and close before the body is all sent.
            }
            try {
                return h.discard();
            } catch (IOException e) {
                return new long[] {-1, 0};
            }
        }
    }

    /** Headers and the start of a body that never comes; no answer is waited for. */
    private long[] slowBody() throws IOException {
        RawHttp h = RawHttp.connect(from, port);
        h.send("POST /news/sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                + "Content-Length: 100000\r\n\r\nSELECT");
        held.add(h);
        if (held.size() > HELD) {
            held.poll().close();
        }
        return new long[] {0, 0};
    }

    private static String construct(int templateTriples) {
        StringBuilder b = new StringBuilder("CONSTRUCT {");
        for (int i = 0; i < templateTriples; i++) {
            b.append(" ?s <urn:x:p").append(i).append("> ?o .");
        }
        return b.append(" } WHERE { ?s ?p ?o . ?x ?y ?z }").toString();
    }

    private static String deepOr(int terms) {
        StringBuilder b = new StringBuilder("SELECT ?x { VALUES ?x { 1 } FILTER(");
        for (int i = 0; i < terms; i++) {
            b.append(i == 0 ? "" : " || ").append("?x = ").append(i);
        }
        return b.append(") }").toString();
    }

    /** About {@code megabytes} MB of spaces, then a query, gzipped to a few hundred KB. */
    private static byte[] gzipOfSpaces(int megabytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            byte[] mb = new byte[1024 * 1024];
            java.util.Arrays.fill(mb, (byte) ' ');
            for (int i = 0; i < megabytes; i++) {
                z.write(mb);
            }
            z.write("ASK {}".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
