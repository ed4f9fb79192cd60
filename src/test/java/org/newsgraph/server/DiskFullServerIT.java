package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.newsgraph.server.ServerFixtures.PASSWORD;
import static org.newsgraph.server.ServerFixtures.USER;
import static org.newsgraph.server.ServerFixtures.q;
import static org.newsgraph.server.ServerFixtures.request;
import static org.newsgraph.server.ServerFixtures.send;
import static org.newsgraph.server.ServerFixtures.withCredentials;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.store.GraphStore;

/**
 * Writes to a server whose store is on a small tmpfs (mounted by the test; root only, as CI
 * runs): every write path answers 507 once the disk is nearly full, never 500, and the store
 * opens again afterwards with every graph that was answered 201 whole.
 */
class DiskFullServerIT {

    private static final int TRIPLES_PER_GRAPH = 20;

    @TempDir
    Path tmp;
    private Path mountPoint;

    @AfterEach
    void unmount() throws Exception {
        if (mountPoint != null) {
            new ProcessBuilder("umount", mountPoint.toString()).inheritIO().start().waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void everyWriteIs507WhenTheDiskIsFullAndTheStoreKeepsWholeGraphs() throws Exception {
        mountPoint = Files.createDirectories(tmp.resolve("small-disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", mountPoint.toString())
                .redirectErrorStream(true).start();
        String why = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (mount.waitFor() != 0) {
            mountPoint = null;
        }
        assumeTrue(mountPoint != null, "this test mounts a small tmpfs and needs root (CI runs as root): " + why);
        Path db = mountPoint.resolve("db");
        List<String> written = new ArrayList<>();
        int firstRefusal;
        try (GraphStore store = GraphStore.open(db);
             NewsServer server = NewsServer.builder().store(store).port(0).password(Optional.of(PASSWORD))
                     .minFreeDiskBytes(1024 * 1024).build().start()) {
            Random random = new Random(17);
            int status = 201;
            int i = 0;
            while (status / 100 == 2 && i < 500) {
                String graph = "urn:x:disk:" + i++;
                status = put(server, graph, graphText(random, graph)).statusCode();
                if (status / 100 == 2) {
                    written.add(graph);
                }
            }
            firstRefusal = status;
            assertEquals(507, firstRefusal, "the first refused write, after " + written.size() + " graphs");
            assertTrue(written.size() > 3, "some graphs fit: " + written.size());
            HttpResponse<String> update = send(withCredentials(request(server, "/news/update"), USER, PASSWORD)
                    .header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { GRAPH <urn:x:u> { <urn:x:s> <urn:x:p> \"o\" } }")));
            assertEquals(507, update.statusCode(), update.body());
            assertTrue(update.body().contains("disk is full"), update.body());
            HttpResponse<String> post = send(withCredentials(request(server, "/news/data?graph=" + q("urn:x:p")), USER, PASSWORD)
                    .header("Content-Type", "application/n-triples")
                    .POST(HttpRequest.BodyPublishers.ofString("<urn:x:s> <urn:x:p> \"o\" .\n")));
            assertEquals(507, post.statusCode(), post.body());
            // Reading goes on.
            assertEquals(200, ServerFixtures.get(server, "/healthz", "application/json").statusCode());
        }
        // With no margin asked for, the write itself fails on the full disk: 507 still, not 500.
        try (GraphStore store = GraphStore.open(db);
             NewsServer server = NewsServer.builder().store(store).port(0).password(Optional.of(PASSWORD))
                     .minFreeDiskBytes(0).build().start()) {
            Random random = new Random(18);
            int status = 201;
            int i = 0;
            while (status / 100 == 2 && i < 500) {
                String graph = "urn:x:full:" + i++;
                HttpResponse<String> r = put(server, graph, graphText(random, graph));
                status = r.statusCode();
                if (status / 100 == 2) {
                    written.add(graph);
                } else {
                    assertTrue(r.body().contains("No space left") || r.body().contains("disk is full"), r.body());
                }
            }
            assertEquals(507, status, "a write that fails on the full disk");
        }
        try (GraphStore again = GraphStore.open(db)) {
            Txn.executeRead(again.dataset(), () -> {
                for (String g : written) {
                    assertEquals(TRIPLES_PER_GRAPH, again.dataset().getGraph(NodeFactory.createURI(g)).size(), g + " is whole");
                }
            });
        }
    }

    private static HttpResponse<String> put(NewsServer server, String graph, String ntriples) {
        return send(withCredentials(request(server, "/news/data?graph=" + q(graph)), USER, PASSWORD)
                .header("Content-Type", "application/n-triples").PUT(HttpRequest.BodyPublishers.ofString(ntriples)));
    }

    /** About 100 KB of N-Triples, literals that do not compress or repeat. */
    private static String graphText(Random random, String graph) {
        StringBuilder b = new StringBuilder();
        for (int t = 0; t < TRIPLES_PER_GRAPH; t++) {
            StringBuilder lit = new StringBuilder();
            for (int c = 0; c < 5000; c++) {
                lit.append((char) ('a' + random.nextInt(26)));
            }
            b.append('<').append(graph).append("/s> <urn:x:p").append(t).append("> \"").append(lit).append("\" .\n");
        }
        return b.toString();
    }
}
