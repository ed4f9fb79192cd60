package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsgraph.server.QueryCancellationTest.assertCpuFallsBack;
import static org.newsgraph.server.ServerFixtures.q;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsgraph.query.CannedQuery;
import org.newsgraph.query.QueryCatalog;
import org.newsgraph.query.QueryLimits;
import org.newsgraph.rdf.IriMinter;
import org.newsgraph.rdf.NG;
import org.newsgraph.store.GraphStore;

/**
 * What one query may build is bounded (issue 17): GROUP_CONCAT over a cross join fails with
 * 422 instead of filling the heap, CONSTRUCT and DESCRIBE answers stop at the triple limit and
 * say so, and a query nested too deeply is a 400 every time, never a 500.
 */
class QueryLimitsTest {

    /** Triples in the one article of {@link #store}: its cross join with itself has 4 million rows. */
    private static final int TRIPLES = 2_000;
    private static final String CROSS_CONCAT = "SELECT (STRLEN(GROUP_CONCAT(?c)) AS ?n) { ?a ?b ?c . ?d ?e ?f }";
    private static final CannedQuery CANNED_CONSTRUCT = CannedQuery.parse("everything",
            "# title: Everything\nCONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }");

    private static GraphStore store;
    private static NewsServer server;

    @BeforeAll
    static void start() {
        store = GraphStore.inMemory();
        String id = "many-facts";
        Node g = IriMinter.standard().article(id);
        List<Quad> quads = new ArrayList<>();
        quads.add(Quad.create(g, g, NG.articleId.asNode(), NodeFactory.createLiteralString(id)));
        quads.add(Quad.create(g, g, NG.contentHash.asNode(), NodeFactory.createLiteralString("hash")));
        for (int i = 0; i < TRIPLES; i++) {
            quads.add(Quad.create(g, NodeFactory.createURI("http://example.org/s" + i % 50),
                    NodeFactory.createURI("http://example.org/p"), NodeFactory.createLiteralString("value number " + i)));
        }
        store.put(id, "hash", quads);
        server = NewsServer.builder().store(store).port(0).queryTimeout(Duration.ofSeconds(2))
                .queryLimits(QueryLimits.DEFAULT.withTriples(100))
                .queries(QueryCatalog.of(List.of(CANNED_CONSTRUCT))).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        store.close();
    }

    @Test
    void threeGroupConcatsOverACrossJoinAtOnceEachFailWith422() {
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> answers = IntStream.range(0, 3)
                .mapToObj(i -> HTTP.sendAsync(ServerFixtures.request(server, "/news/sparql?query=" + q(CROSS_CONCAT))
                        .header("Accept", "application/sparql-results+json").GET().build(), HttpResponse.BodyHandlers.ofString()))
                .toList();
        List<HttpResponse<String>> done = answers.stream().map(CompletableFuture::join).toList();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        for (HttpResponse<String> r : done) {
            assertEquals(422, r.statusCode(), r.body());
            assertTrue(r.body().contains("GROUP_CONCAT builds a string longer than the limit of 1048576 characters"), r.body());
        }
        assertTrue(took.compareTo(Duration.ofSeconds(4)) < 0, "answered after " + took);
    }

    @Test
    void anAggregateOverAHugeJoinEndsAtTheTimeout() {
        String endless = "SELECT (STRLEN(GROUP_CONCAT(\"\"; separator=\"\")) AS ?n) (COUNT(*) AS ?rows) "
                + "{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
        long start = System.nanoTime();
        HttpResponse<String> r = get(server, "/news/sparql?query=" + q(endless), "application/sparql-results+json");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(503, r.statusCode(), r.body());
        assertTrue(took.compareTo(Duration.ofSeconds(4)) < 0, "answered after " + took + " (timeout 2 s)");
        assertCpuFallsBack();
    }

    @Test
    void aConstructOfAThousandTemplateTriplesStopsAtTheTripleLimitAndSaysSo() {
        String template = IntStream.range(0, 1_000).mapToObj(i -> "?a <http://example.org/t" + i + "> ?d .")
                .collect(Collectors.joining(" "));
        String construct = "CONSTRUCT { " + template + " } WHERE { ?a ?b ?c . ?d ?e ?f }";

        HttpResponse<String> r = get(server, "/news/sparql?query=" + q(construct), "application/n-triples");

        assertEquals(200, r.statusCode(), r.body());
        assertEquals(100, parse(r.body()).size());
        assertEquals(Optional.of("100"), r.headers().firstValue(CappedQueryService.TRIPLE_HEADER));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DESCRIBE ?s WHERE { ?s ?p ?o } | DESCRIBE <http://example.org/s1>",
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } | CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(?s = <http://example.org/s1>) }",
    })
    void aGraphAnswerOverTheLimitIsCutAndOneWithinItIsWhole(String over, String within) {
        HttpResponse<String> cut = get(server, "/news/sparql?query=" + q(over), "application/n-triples");
        HttpResponse<String> whole = get(server, "/news/sparql?query=" + q(within), "application/n-triples");

        assertEquals(200, cut.statusCode(), cut.body());
        assertEquals(100, parse(cut.body()).size());
        assertEquals(Optional.of("100"), cut.headers().firstValue(CappedQueryService.TRIPLE_HEADER));
        assertEquals(200, whole.statusCode(), whole.body());
        assertEquals(TRIPLES / 50, parse(whole.body()).size());
        assertEquals(Optional.empty(), whole.headers().firstValue(CappedQueryService.TRIPLE_HEADER));
    }

    @Test
    void aCannedGraphQueryIsCutAtTheTripleLimitToo() {
        HttpResponse<String> r = get(server, "/api/queries/everything", "text/turtle");

        assertEquals(200, r.statusCode(), r.body());
        assertEquals(Optional.of("100"), r.headers().firstValue(CappedQueryService.TRIPLE_HEADER));
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.body(), Lang.TURTLE).parse(g);
        assertEquals(100, g.size());
    }

    @Test
    void aThreeThousandTermDisjunctionIsA400EveryTime() {
        String terms = IntStream.rangeClosed(1, 3_000).mapToObj(i -> "?x = " + i).collect(Collectors.joining(" || "));
        String query = "SELECT ?x { VALUES ?x { 1 2 } FILTER(" + terms + ") }";

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = post(server, "/news/sparql", "application/sparql-query", query);
            assertEquals(400, r.statusCode(), r.body());
            assertTrue(r.body().contains("nested too deeply"), r.body());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"deepParentheses", "longPath", "nestedGroups"})
    void otherDeepNestingIsA400(String shape) {
        String query = switch (shape) {
            case "deepParentheses" -> "SELECT ?x { BIND(" + "(".repeat(20_000) + "1" + ")".repeat(20_000) + " AS ?x) }";
            case "longPath" -> "SELECT ?x { ?x " + IntStream.range(0, 3_000).mapToObj(i -> "<http://example.org/p>")
                    .collect(Collectors.joining("/")) + " ?y }";
            default -> "SELECT ?x { " + "{ ".repeat(3_000) + "?x ?p ?o" + " }".repeat(3_000) + " }";
        };

        HttpResponse<String> r = post(server, "/news/sparql", "application/sparql-query", query);

        assertEquals(400, r.statusCode(), r.body());
    }

    @Test
    void anUpdateNestedTooDeeplyIsA400AndWritesNothing() {
        String terms = IntStream.rangeClosed(1, 3_000).mapToObj(i -> "?x = " + i).collect(Collectors.joining(" || "));
        String update = "INSERT { GRAPH <http://example.org/g> { <http://example.org/s> <http://example.org/p> ?x } } "
                + "WHERE { VALUES ?x { 1 2 } FILTER(" + terms + ") }";
        try (GraphStore writable = GraphStore.inMemory();
             NewsServer s = NewsServer.builder().store(writable).port(0).password(Optional.of(ServerFixtures.PASSWORD))
                     .build().start()) {
            HttpResponse<String> r = HTTP.sendAsync(ServerFixtures.withCredentials(ServerFixtures.request(s, "/news/update"),
                            ServerFixtures.USER, ServerFixtures.PASSWORD).header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.ofString()).join();

            assertEquals(400, r.statusCode(), r.body());
            assertTrue(r.body().contains("nested too deeply"), r.body());
            assertTrue(org.apache.jena.system.Txn.calculateRead(writable.dataset(),
                    () -> !writable.dataset().containsGraph(NodeFactory.createURI("http://example.org/g"))));
        }
    }

    @Test
    void aDisjunctionWithinTheLimitRuns() {
        String terms = IntStream.rangeClosed(1, 380).mapToObj(i -> "?x = " + i).collect(Collectors.joining(" || "));
        String query = "SELECT ?x { VALUES ?x { 1 2 } FILTER(" + terms + ") }";

        HttpResponse<String> r = post(server, "/news/sparql", "application/sparql-query", query);

        assertEquals(200, r.statusCode(), r.body());
    }

    private static Graph parse(String ntriples) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(ntriples, Lang.NTRIPLES).parse(g);
        return g;
    }

    /** A client of this class's own, so that its connections to servers stopped here stay out of the shared one's pool. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> get(NewsServer server, String pathAndQuery, String accept) {
        return HTTP.sendAsync(ServerFixtures.request(server, pathAndQuery).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString()).join();
    }

    private static HttpResponse<String> post(NewsServer server, String path, String contentType, String body) {
        return HTTP.sendAsync(ServerFixtures.request(server, path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).join();
    }
}
