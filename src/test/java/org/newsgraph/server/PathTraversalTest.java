package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.newsgraph.query.QueryCatalog;
import org.newsgraph.store.GraphStore;

/**
 * No URL reaches a file outside the query page's folder, or a file of the system. Requests go
 * over a raw socket, so that {@code ../}, {@code %2e%2e}, encoded slashes and absolute forms
 * reach the server exactly as written, not tidied up by an HTTP client.
 */
class PathTraversalTest {

    /** Files beside the web folder on the class path, and of the system, and a marker of each. */
    private static final List<String> SECRETS = List.of(
            "<Configuration",      // log4j2.xml, beside web/ in the class path
            "PREFIX ng:",          // a canned query's source, under queries/
            "root:x:0:0",          // /etc/passwd
            "\u00ca\u00fe\u00ba\u00be"); // a class file's magic number, read as ISO-8859-1

    private static GraphStore store;
    private static NewsServer server;

    @BeforeAll
    static void serve() {
        store = ServerFixtures.sampleStore();
        server = NewsServer.builder().store(store).port(0).queries(QueryCatalog.builtIn()).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        store.close();
    }

    record Response(int status, String text) {
    }

    /** Sends {@code GET target} as written and reads the whole answer, as ISO-8859-1 text. */
    private static Response get(String target) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            String statusLine = text.lines().findFirst().orElse("");
            assertTrue(statusLine.startsWith("HTTP/1.1 "), target + ": " + text);
            return new Response(Integer.parseInt(statusLine.substring(9, 12)), text);
        }
    }

    @Test
    void theSecretsExistWhereATraversalWouldFindThem() throws IOException {
        Path webFolder = Path.of(PathTraversalTest.class.getResource("/web/index.html").getPath()).getParent();
        assertTrue(Files.readString(webFolder.resolveSibling("log4j2.xml")).contains(SECRETS.get(0)));
        assertTrue(Files.readString(webFolder.resolveSibling("queries").resolve("roles.rq")).contains(SECRETS.get(1)));
        assertEquals(200, get("/index.html").status(), "the page itself is served");
        assertEquals(200, get("/").status());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/../log4j2.xml", "/..%2flog4j2.xml", "/%2e%2e/log4j2.xml", "/%2e%2e%2flog4j2.xml", "/%2E%2E/log4j2.xml",
        "/vendor/../../log4j2.xml", "/vendor/%2e%2e/%2e%2e/log4j2.xml", "/..%5clog4j2.xml", "/%252e%252e/log4j2.xml",
        "/./../log4j2.xml", "/..;/log4j2.xml", "/%c0%ae%c0%ae/log4j2.xml",
        "/../queries/roles.rq", "/%2e%2e/queries/roles.rq", "/../org/newsgraph/server/NewsServer.class",
        "/../../../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "//etc/passwd",
        "/%2fetc%2fpasswd", "/etc/passwd", "/file:///etc/passwd", "file:///etc/passwd",
        "http://127.0.0.1/../../../../etc/passwd",
        "/entity/../log4j2.xml", "/entity/..%2f..%2fetc%2fpasswd", "/entity?iri=file:///etc/passwd",
        "/entity?iri=" + "file%3A%2F%2F%2Fetc%2Fpasswd", "/entity?q=../../etc/passwd",
        "/queries/../log4j2.xml", "/queries/..%2flog4j2.xml", "/queries/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/queries/..%2fqueries%2froles.rq", "/queries/roles.rq", "/queries/%2fetc%2fpasswd",
        "/api/queries/../../etc/passwd", "/api/queries/..%2f..%2fetc%2fpasswd", "/api/queries/%2e%2e%2flog4j2.xml",
        "/api/queries/%2fetc%2fpasswd", "/api/queries/roles.rq", "/api/queries/..%2fqueries%2froles",
        "/news/data?graph=file:///etc/passwd", "/news/data/../../log4j2.xml",
        "/news/sparql?query=SELECT%20*%20FROM%20%3Cfile:///etc/passwd%3E%20WHERE%20%7B?s%20?p%20?o%7D",
        "/news/sparql?query=SELECT%20*%20WHERE%20%7BGRAPH%20%3Cfile:///etc/passwd%3E%20%7B?s%20?p%20?o%7D%7D",
    })
    void noUrlReachesAFileOutsideTheWebFolder(String target) throws IOException {
        Response r = get(target);

        for (String secret : SECRETS) {
            assertFalse(r.text().contains(secret), target + " answered with a secret (" + r.status() + "):\n" + r.text());
        }
        assertTrue(r.status() < 500, target + ": " + r.status());
        if (!target.startsWith("/news/sparql") && !target.startsWith("/entity?q=")) {
            assertTrue(Set.of(400, 404).contains(r.status()), target + " answered " + r.status() + ":\n" + r.text());
        }
    }
}
