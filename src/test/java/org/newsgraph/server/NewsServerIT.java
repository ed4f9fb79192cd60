package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsgraph.server.ServerFixtures.PASSWORD;
import static org.newsgraph.server.ServerFixtures.USER;
import static org.newsgraph.server.ServerFixtures.get;
import static org.newsgraph.server.ServerFixtures.q;
import static org.newsgraph.server.ServerFixtures.request;
import static org.newsgraph.server.ServerFixtures.send;
import static org.newsgraph.server.ServerFixtures.withCredentials;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
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
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.pipeline.Ingester;
import org.newsgraph.query.QueryCatalog;
import org.newsgraph.rdf.IriMinter;
import org.newsgraph.rdf.NG;
import org.newsgraph.read.ArticleReader;
import org.newsgraph.read.ReadResult;
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.IngestSummary;

/**
 * The server over the sample article converted by the real pipeline (CoreNLP, loaded once per
 * JVM) in a TDB2 database: SPARQL over real HTTP, POST /news/ingest of a new article, re-ingest.
 */
class NewsServerIT {

    private static final Path SAMPLES = Path.of("data/articles");
    private static final String ROLES = """
            PREFIX ng: <https://w3id.org/newsgraph/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?person ?title ?org WHERE {
              ?p ng:holdsRole ?r ; rdfs:label ?person . ?r ng:title ?title ; ng:inOrganization ?o . ?o rdfs:label ?org
            }""";
    /** A short article of our own, with a chairman in the sample's pattern. */
    private static final String POSTED = """
            date 2025-03-10
            MQM-P meets the governor

            MQM-P Chairman Khalid Maqbool Siddiqui met Sindh Governor Kamran Tessori in Karachi on Monday. \
            "We will stay in the government," Siddiqui told reporters.
            """;

    @TempDir
    static Path tmp;
    private static GraphStore store;
    private static Ingester ingester;
    private static NewsServer server;
    private static IngestSummary first;

    @BeforeAll
    static void serveTheSampleArticle() {
        store = GraphStore.open(tmp.resolve("db"));
        ingester = Ingester.builder(store).build();
        try (Stream<ReadResult> articles = ArticleReader.create().read(List.of(SAMPLES))) {
            first = ingester.ingestAll(articles);
        }
        server = NewsServer.builder().store(store).ingester(ingester).port(0).password(Optional.of(PASSWORD))
                .queries(QueryCatalog.builtIn()).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        store.close();
    }

    private static List<List<String>> rows(HttpResponse<String> response, String... vars) {
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)),
                ResultSetLang.RS_JSON);
        List<List<String>> rows = new ArrayList<>();
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            List<String> row = new ArrayList<>();
            for (String v : vars) {
                row.add(s.get(v) == null ? null : s.get(v).isLiteral() ? s.getLiteral(v).getLexicalForm() : s.getResource(v).getURI());
            }
            rows.add(row);
        }
        return rows;
    }

    @Test
    void sparqlFindsKhalidMaqboolSiddiquiAsChairmanOfTheMqm() {
        assertEquals(1, first.ingested(), first.toString());

        HttpResponse<String> r = get(server, "/news/sparql?query=" + q(ROLES), "application/sparql-results+json");

        assertEquals(200, r.statusCode(), r.body());
        List<List<String>> rows = rows(r, "person", "title", "org");
        assertTrue(rows.contains(List.of("Khalid Maqbool Siddiqui", "chairman", "Muttahida Qaumi Movement Pakistan")), rows.toString());
    }

    @Test
    void theEntityPageOfKhalidMaqboolSiddiquiShowsHisRoleAndStatement() {
        HttpResponse<String> r = get(server, "/entity?iri=" + q(IriMinter.DEFAULT_BASE + "person/khalid-maqbool-siddiqui"), "text/html");

        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<h1>Khalid Maqbool Siddiqui</h1>"), r.body());
        assertTrue(r.body().contains("chairman"), r.body());
        assertTrue(r.body().contains("taken into confidence"), r.body());
        assertTrue(r.body().contains("mqm-bahadurabad-2025-02-09"), r.body());
    }

    @Test
    void postingAnArticleAddsItsGraphAndPostingItAgainChangesNothing() {
        HttpRequest.Builder post = withCredentials(request(server, "/news/ingest?id=mqm-governor-2025-03-10"), USER, PASSWORD)
                .header("Content-Type", "text/plain; charset=utf-8").header("Accept", "application/n-quads")
                .POST(HttpRequest.BodyPublishers.ofString(POSTED, StandardCharsets.UTF_8));

        HttpResponse<String> added = send(post.copy());

        assertEquals(201, added.statusCode(), added.body());
        Node graph = IriMinter.standard().article("mqm-governor-2025-03-10");
        DatasetGraph answered = DatasetGraphFactory.createGeneral();
        RDFParser.fromString(added.body(), Lang.NQUADS).parse(answered);
        Node khalid = NodeFactory.createURI(IriMinter.DEFAULT_BASE + "person/khalid-maqbool-siddiqui");
        assertTrue(answered.contains(graph, khalid, RDF.type.asNode(), NG.Person.asNode()), added.body());
        assertTrue(answered.contains(graph, khalid, RDFS.label.asNode(), NodeFactory.createLiteralString("Khalid Maqbool Siddiqui")));
        assertTrue(answered.contains(graph, graph, NG.mentions.asNode(), khalid));
        HttpResponse<String> inStore = get(server, "/news/sparql?query=" + q("ASK { GRAPH <" + graph.getURI()
                + "> { <" + khalid.getURI() + "> <https://w3id.org/newsgraph/ontology#holdsRole> ?r } }"), "application/sparql-results+json");
        assertTrue(inStore.body().contains("true"), "his role is in the new graph: " + added.body());

        long triples = store.tripleCount();
        HttpResponse<String> again = send(post.copy());
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(Optional.of("unchanged"), again.headers().firstValue(IngestService.OUTCOME_HEADER));
        assertEquals(triples, store.tripleCount());
    }

    @Test
    void anUpdateWithoutCredentialsIsRefusedAndWithThemAccepted() {
        String insert = "INSERT DATA { GRAPH <http://example.org/notes> { <http://example.org/n1> <http://example.org/says> \"checked\" } }";
        HttpRequest.Builder update = request(server, "/news/update").header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString(insert));

        HttpResponse<String> without = send(update.copy());
        HttpResponse<String> with = send(withCredentials(update.copy(), USER, PASSWORD));

        assertEquals(401, without.statusCode(), without.body());
        assertEquals(204, with.statusCode(), with.body());
        HttpResponse<String> ask = get(server, "/news/sparql?query=" + q("ASK { GRAPH <http://example.org/notes> { ?s ?p \"checked\" } }"),
                "application/sparql-results+json");
        assertTrue(ask.body().contains("true"), ask.body());
    }

    @Test
    void aQueryPastTheTimeoutIsStoppedWithAnError() {
        NewsServer quick = NewsServer.builder().store(store).port(0).queryTimeout(java.time.Duration.ofMillis(500)).build().start();
        try {
            String expensive = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";

            HttpResponse<String> stopped = get(quick, "/news/sparql?query=" + q(expensive), "application/sparql-results+json");
            HttpResponse<String> after = get(quick, "/news/sparql?query=" + q(ROLES), "application/sparql-results+json");

            assertEquals(503, stopped.statusCode(), stopped.body());
            assertEquals(200, after.statusCode(), after.body());
        } finally {
            quick.stop();
        }
    }

    @Test
    void ingestingTheSamplesAgainLeavesTheTripleCountUnchanged() {
        long before = store.tripleCount();
        HttpResponse<String> health = get(server, "/healthz", "application/json");

        IngestSummary again;
        try (Stream<ReadResult> articles = ArticleReader.create().read(List.of(SAMPLES))) {
            again = ingester.ingestAll(articles);
        }

        assertEquals(1, again.unchanged(), again.toString());
        assertEquals(0, again.ingested(), again.toString());
        assertEquals(before, store.tripleCount());
        assertTrue(health.body().contains("\"triples\":"), health.body());
        assertEquals(health.body(), get(server, "/healthz", "application/json").body());
    }
}
