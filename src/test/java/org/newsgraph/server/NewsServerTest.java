package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsgraph.server.ServerFixtures.EVIL;
import static org.newsgraph.server.ServerFixtures.KHALID;
import static org.newsgraph.server.ServerFixtures.MQM;
import static org.newsgraph.server.ServerFixtures.MQM_ARTICLE;
import static org.newsgraph.server.ServerFixtures.NO_NLP;
import static org.newsgraph.server.ServerFixtures.PASSWORD;
import static org.newsgraph.server.ServerFixtures.USER;
import static org.newsgraph.server.ServerFixtures.get;
import static org.newsgraph.server.ServerFixtures.post;
import static org.newsgraph.server.ServerFixtures.q;
import static org.newsgraph.server.ServerFixtures.request;
import static org.newsgraph.server.ServerFixtures.send;
import static org.newsgraph.server.ServerFixtures.withCredentials;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsgraph.pipeline.ArticleConverter;
import org.newsgraph.pipeline.Ingester;
import org.newsgraph.query.QueryCatalog;
import org.newsgraph.rdf.IriMinter;
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.TrigFixtures;

/** The server over real HTTP on a free loopback port, with hand-made graphs and no NLP models. */
class NewsServerTest {

    private static final String PREFIXES = """
            PREFIX ng: <https://w3id.org/newsgraph/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            """;
    private static final String ROLES = PREFIXES + """
            SELECT ?person ?title ?org WHERE {
              ?p ng:holdsRole ?r ; rdfs:label ?person . ?r ng:title ?title ; ng:inOrganization ?o . ?o rdfs:label ?org
            }""";
    private static final String INSERT = "INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/s> <http://example.org/p> \"written\" } }";
    private static final String ASK_WRITTEN = "ASK { GRAPH <http://example.org/g> { <http://example.org/s> <http://example.org/p> \"written\" } }";

    /** Read-only server over the sample store, shared by the tests that only read. */
    private static GraphStore sharedStore;
    private static NewsServer shared;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeAll
    static void startShared() {
        sharedStore = ServerFixtures.sampleStore();
        shared = NewsServer.builder().store(sharedStore).port(0)
                .queries(QueryCatalog.builtIn())
                .build().start();
    }

    @AfterAll
    static void stopShared() {
        shared.stop();
        sharedStore.close();
    }

    @AfterEach
    void closeOpened() throws Exception {
        Collections.reverse(opened);
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    /** The store of each server a test started. */
    private final Map<NewsServer, GraphStore> stores = new HashMap<>();

    /** A server on its own sample store, with writes on and an ingest endpoint that runs no NLP. */
    private NewsServer writableServer(UnaryOperator<NewsServer.Builder> more) {
        GraphStore store = ServerFixtures.sampleStore();
        opened.add(store);
        Ingester ingester = Ingester.builder(store).converter(ArticleConverter.builder().annotator(NO_NLP).build()).build();
        NewsServer server = more.apply(NewsServer.builder().store(store).ingester(ingester).port(0)
                .password(Optional.of(PASSWORD))).build().start();
        opened.add(server);
        stores.put(server, store);
        return server;
    }

    private NewsServer writableServer() {
        return writableServer(b -> b);
    }

    private GraphStore storeOf(NewsServer server) {
        return stores.get(server);
    }

    private static ResultSet select(HttpResponse<String> response, Lang lang) {
        return ResultSetMgr.read(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)), lang);
    }

    private static Set<String> column(ResultSet rs, String var) {
        Set<String> values = new TreeSet<>();
        while (rs.hasNext()) {
            QuerySolution row = rs.next();
            if (row.get(var) != null) {
                values.add(row.get(var).isLiteral() ? row.getLiteral(var).getLexicalForm() : row.getResource(var).getURI());
            }
        }
        return values;
    }

    private static boolean ask(NewsServer server, String query) {
        HttpResponse<String> r = get(server, "/news/sparql?query=" + q(query), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        return r.body().contains("true");
    }

    // ---- Query

    @Test
    void queryByGetAnswersPersonsAndRoles() {
        HttpResponse<String> r = get(shared, "/news/sparql?query=" + q(ROLES), "application/sparql-results+json");

        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+json"));
        ResultSet rs = select(r, ResultSetLang.RS_JSON);
        QuerySolution row = rs.next();
        assertEquals("Khalid Maqbool Siddiqui", row.getLiteral("person").getLexicalForm());
        assertEquals("chairman", row.getLiteral("title").getLexicalForm());
        assertEquals("Muttahida Qaumi Movement Pakistan", row.getLiteral("org").getLexicalForm());
        assertFalse(rs.hasNext());
    }

    @Test
    void queryByPostAsFormAndAsSparqlBody() {
        HttpResponse<String> form = send(request(shared, "/news/sparql")
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + q(ROLES))));
        HttpResponse<String> body = send(request(shared, "/news/sparql")
                .header("Content-Type", "application/sparql-query").header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString(ROLES)));

        assertEquals(200, form.statusCode(), form.body());
        assertEquals(200, body.statusCode(), body.body());
        assertEquals(Set.of("Khalid Maqbool Siddiqui"), column(select(form, ResultSetLang.RS_JSON), "person"));
        assertEquals(Set.of("Khalid Maqbool Siddiqui"), column(select(body, ResultSetLang.RS_JSON), "person"));
    }

    static Stream<Arguments> resultFormats() {
        return Stream.of(
                Arguments.of("application/sparql-results+json", ResultSetLang.RS_JSON),
                Arguments.of("application/sparql-results+xml", ResultSetLang.RS_XML),
                Arguments.of("text/csv", ResultSetLang.RS_CSV),
                Arguments.of("text/tab-separated-values", ResultSetLang.RS_TSV));
    }

    @ParameterizedTest
    @MethodSource("resultFormats")
    void selectAnswersInEachStandardResultFormat(String accept, Lang lang) {
        HttpResponse<String> r = get(shared, "/news/sparql?query=" + q(ROLES), accept);

        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(accept), r.headers().toString());
        assertEquals(Set.of("Khalid Maqbool Siddiqui"), column(select(r, lang), "person"));
    }

    @Test
    void constructAnswersRdfAndAskAnswersABoolean() {
        String construct = PREFIXES + "CONSTRUCT { ?p rdfs:label ?n } WHERE { ?p ng:holdsRole ?r ; rdfs:label ?n }";
        HttpResponse<String> turtle = get(shared, "/news/sparql?query=" + q(construct), "text/turtle");

        assertEquals(200, turtle.statusCode(), turtle.body());
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(turtle.body(), Lang.TURTLE).parse(g);
        assertTrue(g.contains(NodeFactory.createURI(KHALID), org.apache.jena.vocabulary.RDFS.label.asNode(),
                NodeFactory.createLiteralString("Khalid Maqbool Siddiqui")));
        assertTrue(ask(shared, PREFIXES + "ASK { ?p ng:holdsRole ?r }"));
    }

    @Test
    void queriesWithoutGraphSeeTheOntologyToo() {
        HttpResponse<String> r = get(shared, "/news/sparql?query="
                + q("ASK { <https://w3id.org/newsgraph/ontology#Person> a <http://www.w3.org/2002/07/owl#Class> }"),
                "application/sparql-results+json");

        assertTrue(r.body().contains("true"), r.body());
    }

    @Test
    void graphStoreProtocolReadsAnArticleGraph() {
        String graph = IriMinter.standard().article(MQM_ARTICLE).getURI();
        HttpResponse<String> r = get(shared, "/news/data?graph=" + q(graph), "application/n-triples");

        assertEquals(200, r.statusCode(), r.body());
        Graph got = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.body(), Lang.NTRIPLES).parse(got);
        assertTrue(got.isIsomorphicWith(sharedStore.findArticleGraph(MQM_ARTICLE).orElseThrow()));
    }

    @Test
    void anUpdateSentToTheQueryEndpointIsRefused() {
        HttpResponse<String> r = post(shared, "/news/sparql", "application/sparql-update", INSERT);

        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, r.statusCode() + " " + r.body());
        assertFalse(ask(shared, ASK_WRITTEN));
    }

    // ---- Writes

    @Test
    void withoutAPasswordEveryWriteIsRefusedWith403() {
        HttpResponse<String> update = post(shared, "/news/update", "application/sparql-update", INSERT);
        HttpResponse<String> updateWithCredentials = send(withCredentials(request(shared, "/news/update"), USER, PASSWORD)
                .header("Content-Type", "application/sparql-update").POST(HttpRequest.BodyPublishers.ofString(INSERT)));
        HttpResponse<String> put = send(request(shared, "/news/data?graph=" + q("http://example.org/g"))
                .header("Content-Type", "text/turtle").PUT(HttpRequest.BodyPublishers.ofString("<http://example.org/s> <http://example.org/p> 1 .")));
        HttpResponse<String> gspPost = post(shared, "/news/data?graph=" + q("http://example.org/g"), "text/turtle", "<http://example.org/s> <http://example.org/p> 1 .");
        HttpResponse<String> delete = send(request(shared, "/news/data?graph="
                + q(IriMinter.standard().article(MQM_ARTICLE).getURI())).DELETE());
        HttpResponse<String> ingest = post(shared, "/news/ingest", "text/plain", "Jane Doe spoke.");

        for (HttpResponse<String> r : List.of(update, updateWithCredentials, put, gspPost, delete, ingest)) {
            assertEquals(403, r.statusCode(), r.request().method() + " " + r.uri() + ": " + r.body());
            assertTrue(r.body().contains("--password-file"), r.body());
        }
        assertFalse(shared.writable());
        assertEquals(Set.of(MQM_ARTICLE, ServerFixtures.EVIL_ARTICLE), sharedStore.articleIds());
        assertFalse(ask(shared, "ASK { GRAPH <http://example.org/g> { ?s ?p ?o } }"));
    }

    /** Every write path: SPARQL Update, GSP PUT, POST and DELETE, and ingest. */
    private static List<HttpRequest.Builder> writes(NewsServer server) {
        String graph = q(IriMinter.standard().article(MQM_ARTICLE).getURI());
        return List.of(
                request(server, "/news/update").header("Content-Type", "application/sparql-update")
                        .POST(HttpRequest.BodyPublishers.ofString(INSERT)),
                request(server, "/news/data?graph=" + q("http://example.org/put")).header("Content-Type", "text/turtle")
                        .PUT(HttpRequest.BodyPublishers.ofString("<http://example.org/s> <http://example.org/p> 1 .")),
                request(server, "/news/data?graph=" + q("http://example.org/post")).header("Content-Type", "text/turtle")
                        .POST(HttpRequest.BodyPublishers.ofString("<http://example.org/s> <http://example.org/p> 2 .")),
                request(server, "/news/data?graph=" + graph).DELETE(),
                request(server, "/news/ingest?id=posted").header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("Jane Doe spoke.")));
    }

    @Test
    void writesWithoutOrWithWrongCredentialsAreRefusedWith401() {
        NewsServer server = writableServer();
        long before = storeOf(server).tripleCount();

        for (HttpRequest.Builder write : writes(server)) {
            HttpResponse<String> none = send(write.copy());
            HttpResponse<String> wrong = send(withCredentials(write.copy(), USER, "wrong"));
            HttpResponse<String> otherUser = send(withCredentials(write.copy(), "mallory", PASSWORD));
            for (HttpResponse<String> r : List.of(none, wrong, otherUser)) {
                assertEquals(401, r.statusCode(), r.request().method() + " " + r.uri() + ": " + r.body());
                assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), r.headers().toString());
            }
        }
        assertEquals(before, storeOf(server).tripleCount());
        assertFalse(ask(server, ASK_WRITTEN));
    }

    @Test
    void writesWithCredentialsAreAccepted() {
        NewsServer server = writableServer();
        GraphStore store = storeOf(server);
        List<HttpResponse<String>> responses = new ArrayList<>();

        for (HttpRequest.Builder write : writes(server)) {
            responses.add(send(withCredentials(write, USER, PASSWORD)));
        }

        List<Integer> statuses = responses.stream().map(HttpResponse::statusCode).toList();
        assertEquals(List.of(204, 201, 201, 204, 201), statuses.stream().map(s -> s == 200 ? 204 : s).toList(),
                responses.stream().map(r -> r.statusCode() + " " + r.body()).toList().toString());
        assertTrue(ask(server, ASK_WRITTEN), "update written");
        assertTrue(ask(server, "ASK { GRAPH <http://example.org/put> { <http://example.org/s> <http://example.org/p> 1 } }"), "PUT written");
        assertTrue(ask(server, "ASK { GRAPH <http://example.org/post> { <http://example.org/s> <http://example.org/p> 2 } }"), "POST written");
        assertFalse(store.articleIds().contains(MQM_ARTICLE), "DELETE removed the article graph");
        assertTrue(store.articleIds().contains("posted"), "ingested");
    }

    @Test
    void writesFromAPageOfAnotherSiteAreRefusedEvenWithCredentials() {
        NewsServer server = writableServer();

        HttpResponse<String> r = send(withCredentials(request(server, "/news/update"), USER, PASSWORD)
                .header("Origin", "http://evil.example").header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString(INSERT)));
        HttpResponse<String> sameOrigin = send(withCredentials(request(server, "/news/update"), USER, PASSWORD)
                .header("Origin", "http://127.0.0.1:" + server.port()).header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString(INSERT)));

        assertEquals(403, r.statusCode(), r.body());
        assertTrue(sameOrigin.statusCode() < 300, sameOrigin.statusCode() + " " + sameOrigin.body());
    }

    @Test
    void readsStayOpenWhenWritesAreOn() {
        NewsServer server = writableServer();

        HttpResponse<String> query = get(server, "/news/sparql?query=" + q(ROLES), "application/sparql-results+json");
        HttpResponse<String> gsp = get(server, "/news/data?graph=" + q(IriMinter.standard().article(MQM_ARTICLE).getURI()),
                "text/turtle");

        assertEquals(200, query.statusCode(), query.body());
        assertEquals(200, gsp.statusCode(), gsp.body());
        assertTrue(server.writable());
        assertTrue(server.startupLine().contains("updates: on for user admin"), server.startupLine());
    }

    // ---- Timeout and cap

    @Test
    void aQueryRunningPastTheTimeoutIsStoppedWith503AndTheServerGoesOn() {
        NewsServer server = writableServer(b -> b.queryTimeout(Duration.ofMillis(500)));
        String expensive = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }";

        long start = System.nanoTime();
        HttpResponse<String> r = get(server, "/news/sparql?query=" + q(expensive), "application/sparql-results+json");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(503, r.statusCode(), r.body());
        assertTrue(took.compareTo(Duration.ofSeconds(15)) < 0, "stopped after " + took);
        HttpResponse<String> after = get(server, "/news/sparql?query=" + q(ROLES), "application/sparql-results+json");
        assertEquals(200, after.statusCode(), after.body());
    }

    @Test
    void resultsAreCappedAtTheLimitAndSmallerLimitsKept() {
        NewsServer server = writableServer(b -> b.resultLimit(3));

        HttpResponse<String> all = get(server, "/news/sparql?query=" + q("SELECT * { ?s ?p ?o }"), "application/sparql-results+json");
        HttpResponse<String> two = get(server, "/news/sparql?query=" + q("SELECT * { ?s ?p ?o } LIMIT 2"), "application/sparql-results+json");
        HttpResponse<String> big = get(server, "/news/sparql?query=" + q("SELECT * { ?s ?p ?o } LIMIT 1000"), "text/csv");
        HttpResponse<String> construct = get(server, "/news/sparql?query=" + q("CONSTRUCT WHERE { ?s ?p ?o }"), "application/n-triples");

        assertEquals(3, count(select(all, ResultSetLang.RS_JSON)));
        assertEquals(Optional.of("3"), all.headers().firstValue(CappedQueryService.HEADER));
        assertEquals(2, count(select(two, ResultSetLang.RS_JSON)));
        assertEquals(Optional.empty(), two.headers().firstValue(CappedQueryService.HEADER));
        assertEquals(3, count(select(big, ResultSetLang.RS_CSV)));
        assertEquals(3, construct.body().lines().filter(l -> !l.isBlank()).count(), construct.body());
        assertTrue(ask(server, "ASK { ?s ?p ?o }"));
    }

    private static int count(ResultSet rs) {
        int n = 0;
        for (; rs.hasNext(); rs.next()) {
            n++;
        }
        return n;
    }

    // ---- Ingest

    @Test
    void postingATextArticleAddsItsGraphAndAnswersWithIt() {
        NewsServer server = writableServer();
        GraphStore store = storeOf(server);
        String article = "date 2025-03-01\nA headline\n\nJane Doe, the party chairman, spoke on Monday.";

        HttpResponse<String> r = send(withCredentials(request(server, "/news/ingest?id=jane-2025"), USER, PASSWORD)
                .header("Content-Type", "text/plain; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(article)));

        assertEquals(201, r.statusCode(), r.body());
        assertEquals(Optional.of("added"), r.headers().firstValue(IngestService.OUTCOME_HEADER));
        Node graph = IriMinter.standard().article("jane-2025");
        assertEquals(Optional.of("/news/data?graph=" + q(graph.getURI())), r.headers().firstValue("Location"));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/n-quads"));
        DatasetGraph answered = DatasetGraphFactory.createGeneral();
        RDFParser.fromString(r.body(), Lang.NQUADS).parse(answered);
        assertTrue(answered.getGraph(graph).isIsomorphicWith(store.findArticleGraph("jane-2025").orElseThrow()));
        assertTrue(ask(server, "ASK { GRAPH <" + graph.getURI() + "> { ?a <https://w3id.org/newsgraph/ontology#publishedOn> ?d } }"));
    }

    @Test
    void postingTheSameArticleAgainLeavesTheStoreUnchanged() {
        NewsServer server = writableServer();
        GraphStore store = storeOf(server);
        HttpRequest.Builder post = withCredentials(request(server, "/news/ingest"), USER, PASSWORD)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("Jane Doe spoke."));
        HttpResponse<String> first = send(post.copy());
        long triples = store.tripleCount();

        HttpResponse<String> again = send(post.copy());

        assertEquals(201, first.statusCode(), first.body());
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(Optional.of("unchanged"), again.headers().firstValue(IngestService.OUTCOME_HEADER));
        assertEquals(triples, store.tripleCount());
        assertEquals(first.headers().firstValue("Location"), again.headers().firstValue("Location"));
        assertTrue(first.headers().firstValue("Location").orElseThrow().contains(q(IriMinter.DEFAULT_BASE + "article/post-")));
    }

    @Test
    void postingJsonUsesItsIdAndAnswersTurtleWhenAsked() {
        NewsServer server = writableServer();
        String json = "{\"id\": \"from-json\", \"date\": \"2025-04-02\", \"title\": \"T\", \"text\": \"Jane Doe spoke.\"}";

        HttpResponse<String> r = send(withCredentials(request(server, "/news/ingest"), USER, PASSWORD)
                .header("Content-Type", "application/json").header("Accept", "text/turtle")
                .POST(HttpRequest.BodyPublishers.ofString(json)));

        assertEquals(201, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        assertTrue(r.body().contains("ng:articleId"), "written with the ontology's prefixes: " + r.body());
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.body(), Lang.TURTLE).parse(g);
        assertTrue(g.isIsomorphicWith(storeOf(server).findArticleGraph("from-json").orElseThrow()));
    }

    @Test
    void badArticlesAnswer400WithOneLine() {
        NewsServer server = writableServer();

        for (String[] bad : new String[][] {
                {"text/plain", "", "empty article"},
                {"text/plain", "date 2025-02-30 Body.", "not a valid date"},
                {"application/json", "{\"text\": 3}", "text"},
                {"application/json", "{not json", "JSON"}}) {
            HttpResponse<String> r = send(withCredentials(request(server, "/news/ingest"), USER, PASSWORD)
                    .header("Content-Type", bad[0]).POST(HttpRequest.BodyPublishers.ofString(bad[1])));
            assertEquals(400, r.statusCode(), bad[1] + " -> " + r.body());
            assertTrue(r.body().contains(bad[2]), r.body());
            assertEquals(1, r.body().strip().lines().count(), r.body());
        }
        HttpResponse<String> badId = send(withCredentials(request(server, "/news/ingest?id=a%2Fb"), USER, PASSWORD)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("Jane spoke.")));
        assertEquals(400, badId.statusCode(), badId.body());
        HttpResponse<String> html = send(withCredentials(request(server, "/news/ingest"), USER, PASSWORD)
                .header("Content-Type", "text/html").POST(HttpRequest.BodyPublishers.ofString("<p>Jane spoke.</p>")));
        assertEquals(415, html.statusCode(), html.body());
    }

    @Test
    void anArticleOverTheBodyLimitAnswers413() {
        NewsServer server = writableServer(b -> b.maxBodyBytes(1000));
        String big = "Jane Doe spoke. ".repeat(100);

        HttpResponse<String> r = send(withCredentials(request(server, "/news/ingest"), USER, PASSWORD)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(big)));
        HttpResponse<String> small = send(withCredentials(request(server, "/news/ingest"), USER, PASSWORD)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("Jane Doe spoke.")));

        assertEquals(413, r.statusCode(), r.body());
        assertEquals(201, small.statusCode(), small.body());
    }

    @Test
    void everyRequestBodyOverTheLimitAnswers413AndChangesNothing() {
        NewsServer server = writableServer(b -> b.maxRequestBytes(10_000));
        long before = storeOf(server).tripleCount();
        String bigUpdate = INSERT + " ;\n" + ("# padding\n").repeat(2000);
        String bigTurtle = "<http://example.org/s> <http://example.org/p> 1 .\n" + ("# padding\n").repeat(2000);
        byte[] bigTurtleBytes = bigTurtle.getBytes(StandardCharsets.UTF_8);

        List<HttpResponse<String>> refused = List.of(
                send(withCredentials(request(server, "/news/update"), USER, PASSWORD)
                        .header("Content-Type", "application/sparql-update").POST(HttpRequest.BodyPublishers.ofString(bigUpdate))),
                send(withCredentials(request(server, "/news/data?graph=" + q("http://example.org/put")), USER, PASSWORD)
                        .header("Content-Type", "text/turtle").PUT(HttpRequest.BodyPublishers.ofString(bigTurtle))),
                // A stream of unknown length goes chunked, with no Content-Length to refuse it by.
                send(withCredentials(request(server, "/news/data?graph=" + q("http://example.org/post")), USER, PASSWORD)
                        .header("Content-Type", "text/turtle")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bigTurtleBytes)))),
                send(request(server, "/news/sparql").header("Content-Type", "application/sparql-query")
                        .POST(HttpRequest.BodyPublishers.ofString(ASK_WRITTEN + "\n" + ("# padding\n").repeat(2000)))));
        HttpResponse<String> small = send(withCredentials(request(server, "/news/data?graph=" + q("http://example.org/put")), USER, PASSWORD)
                .header("Content-Type", "text/turtle").PUT(HttpRequest.BodyPublishers.ofString("<http://example.org/s> <http://example.org/p> 1 .")));

        for (HttpResponse<String> r : refused) {
            assertEquals(413, r.statusCode(), r.request().method() + " " + r.uri() + ": " + r.body());
        }
        assertEquals(201, small.statusCode(), small.body());
        assertEquals(before + 1, storeOf(server).tripleCount(), "only the small PUT was written");
        assertFalse(ask(server, ASK_WRITTEN));
    }

    // ---- Pages

    @Test
    void healthAnswersCounts() {
        HttpResponse<String> r = get(shared, "/healthz", "application/json");

        assertEquals(200, r.statusCode());
        assertEquals("{\"status\":\"ok\",\"articles\":2,\"triples\":" + sharedStore.tripleCount() + "}", r.body().strip());
    }

    @Test
    void theEntityPageShowsRolesStatementsEventsAndArticles() {
        HttpResponse<String> person = get(shared, "/entity?iri=" + q(KHALID), "text/html");
        HttpResponse<String> party = get(shared, "/entity?iri=" + q(MQM), "text/html");

        assertEquals(200, person.statusCode());
        assertTrue(person.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String p = person.body();
        assertTrue(p.contains("<h1>Khalid Maqbool Siddiqui</h1>"), p);
        assertTrue(p.contains("chairman"), p);
        assertTrue(p.contains("href=\"/entity?iri=" + q(MQM) + "\">Muttahida Qaumi Movement Pakistan</a>"), p);
        assertTrue(p.contains("We will contest every seat in the city"), p);
        assertTrue(p.contains("Rifts resurface in MQM-P"), p);
        assertTrue(p.contains("2025-02-09"), p);
        String o = party.body();
        assertTrue(o.contains("MQM-P"), "other names");
        assertTrue(o.contains("http://www.wikidata.org/entity/Q1340497"), "same as");
        assertTrue(o.contains("political party"), "type label from the ontology");
        assertTrue(o.contains("Roles held in it") && o.contains(">Khalid Maqbool Siddiqui</a>"), o);
        assertTrue(o.contains("marched") && o.contains("2025-02-08"), "events");
    }

    @Test
    void aPersonsPageListsThePersonsItMayBeAndOnlyThose() {
        GraphStore store = GraphStore.inMemory();
        opened.add(store);
        TrigFixtures.load(store, TrigFixtures.read("/query/synthetic.trig"));
        TrigFixtures.load(store, TrigFixtures.read("/query/duplicates.trig"));
        NewsServer server = NewsServer.builder().store(store).port(0).build().start();
        opened.add(server);
        String quill = get(server, "/entity?iri=" + q(ServerFixtures.BASE + "person/quill"), "text/html").body();
        String mara = get(server, "/entity?iri=" + q(ServerFixtures.BASE + "person/mara-quill"), "text/html").body();
        String fenn = get(server, "/entity?iri=" + q(ServerFixtures.BASE + "person/tobias-fenn"), "text/html").body();

        assertTrue(quill.contains("<h2>Possible duplicates</h2>"), quill);
        assertTrue(quill.contains(">Mara Quill</a></td><td>a fuller name that begins or ends with this one</td><td>3</td>"), quill);
        assertTrue(quill.contains(">Ilse Quill</a>"), quill);
        assertTrue(mara.contains(">Mara-Quill</a></td><td>names equal but for case, spaces or hyphens</td>"), mara);
        assertTrue(mara.contains(">Quill</a></td><td>a one-word name this one begins or ends with</td>"), mara);
        assertFalse(mara.contains(">Ilse Quill</a>"), "two different full names are no duplicates");
        assertFalse(fenn.contains("Possible duplicates"), fenn);
    }

    @Test
    void theEntityPageEscapesEverythingItShows() {
        HttpResponse<String> r = get(shared, "/entity?iri=" + q(EVIL), "text/html");

        assertEquals(200, r.statusCode());
        String html = r.body();
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Evil &amp; Co"), html);
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), html);
        assertTrue(html.contains("<h1>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Evil &amp; Co</h1>"), "escaped once");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Evil &amp; Co · newsgraph"), "the title, escaped once");
        assertFalse(html.contains("&amp;lt;") || html.contains("&amp;#39;"), "nothing escaped twice:\n" + html);
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'none'"));
    }

    @Test
    void theEntityPageAnswers404ForUnknownAnd400ForBadIris() {
        assertEquals(404, get(shared, "/entity?iri=" + q("https://example.org/nobody"), "text/html").statusCode());
        HttpResponse<String> bad = get(shared, "/entity?iri=" + q("not an iri <x>"), "text/html");
        assertEquals(400, bad.statusCode());
        assertFalse(bad.body().contains("<x>"), bad.body());
    }

    @Test
    void theEntitySearchFindsNamesAndOtherNames() {
        HttpResponse<String> r = get(shared, "/entity?q=khalid", "text/html");
        HttpResponse<String> alt = get(shared, "/entity?q=mqm-p", "text/html");

        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("href=\"/entity?iri=" + q(KHALID) + "\">Khalid Maqbool Siddiqui</a>"), r.body());
        assertTrue(alt.body().contains(">Muttahida Qaumi Movement Pakistan</a>"), alt.body());
    }

    @Test
    void theQueryPageItsEditorAndTheCannedQueriesAreServed() {
        HttpResponse<String> page = get(shared, "/", "text/html");
        HttpResponse<String> js = get(shared, "/vendor/yasgui.min.js", "*/*");
        HttpResponse<String> queries = get(shared, "/queries", "application/json");

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("/vendor/yasgui.min.js") && page.body().contains("/app.js"));
        assertEquals(200, js.statusCode());
        assertTrue(js.body().length() > 100_000, "the bundled YASGUI");
        assertEquals(200, queries.statusCode());
        assertTrue(queries.body().contains("\"title\":\"Who holds which role\""), queries.body());
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    @Test
    void aCannedQueryIsBoundByTheServerAndFindsThePerson() {
        HttpResponse<String> bound = get(shared, "/queries/roles?person=" + q("Khalid"), "application/json");

        assertEquals(200, bound.statusCode(), bound.body());
        String query = bound.body().substring(bound.body().indexOf("\"query\":") + 8).strip();
        query = org.apache.jena.atlas.json.JSON.parseAny(query.substring(0, query.length() - 1)).getAsString().value();
        assertTrue(query.startsWith("# title: Who holds which role"), query);
        assertTrue(query.contains("\"Khalid\""), query);
        HttpResponse<String> rows = get(shared, "/news/sparql?query=" + q(query), "text/csv");
        assertEquals(200, rows.statusCode(), rows.body());
        assertTrue(rows.body().contains("Khalid Maqbool Siddiqui"), rows.body());
    }

    @Test
    void badParameterValuesAnswer400AndUnknownQueries404() {
        HttpResponse<String> badDate = get(shared, "/queries/roles?asOf=yesterday", "application/json");
        HttpResponse<String> unknownParam = get(shared, "/queries/roles?colour=red", "application/json");
        HttpResponse<String> unknown = get(shared, "/queries/no-such-query", "application/json");

        assertEquals(400, badDate.statusCode(), badDate.body());
        assertTrue(badDate.body().contains("asOf"), badDate.body());
        assertEquals(400, unknownParam.statusCode(), unknownParam.body());
        assertEquals(404, unknown.statusCode(), unknown.body());
    }

    // ---- Binding and lifecycle

    @Test
    void bindsToLoopbackByDefault() throws IOException {
        assertTrue(shared.url().startsWith("http://127.0.0.1:"), shared.url());
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), shared.port()), 2000);
        }
        Optional<InetAddress> other = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && a instanceof java.net.Inet4Address)
                .findFirst();
        if (other.isPresent()) {
            try (Socket s = new Socket()) {
                assertThrows(IOException.class, () -> s.connect(new InetSocketAddress(other.get(), shared.port()), 2000),
                        "not reachable on " + other.get());
            }
        }
    }

    @Test
    void theStartupLineSaysWhereAndWhetherWritesAreOn() {
        String line = shared.startupLine();

        assertEquals("newsgraph serving 2 articles at http://127.0.0.1:" + shared.port() + "/ (SPARQL: http://127.0.0.1:"
                + shared.port() + "/news/sparql, updates: off, query timeout 30 s, at most 10000 rows)", line);
    }

    @Test
    void aTakenPortFailsWithAClearMessage() {
        NewsServer second = NewsServer.builder().store(sharedStore).port(shared.port()).build();

        org.newsgraph.error.NewsgraphException e = assertThrows(org.newsgraph.error.NewsgraphException.class, second::start);

        assertTrue(e.getMessage().startsWith("cannot serve at 127.0.0.1:" + shared.port()), e.getMessage());
    }
}
