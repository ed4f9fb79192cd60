package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsgraph.server.ServerFixtures.KHALID;
import static org.newsgraph.server.ServerFixtures.MQM_ARTICLE;
import static org.newsgraph.server.ServerFixtures.get;
import static org.newsgraph.server.ServerFixtures.q;
import static org.newsgraph.server.ServerFixtures.request;
import static org.newsgraph.server.ServerFixtures.send;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsgraph.query.CannedQuery;
import org.newsgraph.query.QueryCatalog;
import org.newsgraph.store.GraphStore;

/** {@code /api/queries} over real HTTP, on the hand-made sample store and the built-in queries. */
class CannedQueryApiTest {

    private static final String ROLES_COLUMNS = "person,title,in,former,reportedOn,articleId";

    private static GraphStore store;
    private static NewsServer server;

    @BeforeAll
    static void start() {
        store = ServerFixtures.sampleStore();
        server = NewsServer.builder().store(store).port(0).queries(QueryCatalog.builtIn()).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        store.close();
    }

    // ---- Listing and OpenAPI

    @Test
    void theListGivesEachQueryWithItsParametersAndWhereToRunIt() {
        HttpResponse<String> r = get(server, "/api/queries", "application/json");

        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonArray list = JsonParser.parseString(r.body()).getAsJsonArray();
        assertEquals(QueryCatalog.builtIn().names().size(), list.size());
        JsonObject roles = byName(list, "roles");
        assertEquals("Who holds which role", roles.get("title").getAsString());
        assertEquals("/api/queries/roles", roles.get("href").getAsString());
        JsonObject includeFormer = byName(roles.getAsJsonArray("parameters"), "includeFormer");
        assertEquals("boolean", includeFormer.get("type").getAsString());
        assertEquals("true", includeFormer.get("default").getAsString());
        assertEquals(false, includeFormer.get("required").getAsBoolean());
        assertTrue(!includeFormer.get("description").getAsString().isEmpty());
        JsonObject party = byName(byName(list, "party-members").getAsJsonArray("parameters"), "party");
        assertEquals(true, party.get("required").getAsBoolean());
        assertTrue(party.get("default").isJsonNull());
    }

    @Test
    void theOpenApiDocumentHasAPathPerQueryWithTypedParametersAndResponses() {
        HttpResponse<String> r = get(server, "/api/openapi.json", "application/json");
        HttpResponse<String> alias = get(server, "/api/queries/openapi.json", "application/json");

        assertEquals(200, r.statusCode(), r.body());
        assertEquals(r.body(), alias.body());
        JsonObject doc = JsonParser.parseString(r.body()).getAsJsonObject();
        assertTrue(doc.get("openapi").getAsString().startsWith("3.0."));
        assertTrue(doc.getAsJsonObject("info").has("version"));
        JsonObject paths = doc.getAsJsonObject("paths");
        assertEquals(QueryCatalog.builtIn().names().size() + 1, paths.size());
        assertTrue(paths.has("/api/queries"));

        JsonObject roles = paths.getAsJsonObject("/api/queries/roles").getAsJsonObject("get");
        assertEquals("roles", roles.get("operationId").getAsString());
        JsonArray params = roles.getAsJsonArray("parameters");
        JsonObject asOf = byName(params, "asOf");
        assertEquals("query", asOf.get("in").getAsString());
        assertEquals(false, asOf.get("required").getAsBoolean());
        assertEquals(Map.of("type", "string", "format", "date"), strings(asOf.getAsJsonObject("schema")));
        JsonObject includeFormer = byName(params, "includeFormer").getAsJsonObject("schema");
        assertEquals("boolean", includeFormer.get("type").getAsString());
        assertEquals(true, includeFormer.get("default").getAsBoolean());
        JsonObject responses = roles.getAsJsonObject("responses");
        JsonObject ok = responses.getAsJsonObject("200").getAsJsonObject("content");
        assertTrue(ok.has("application/sparql-results+json") && ok.has("text/csv"), ok.toString());
        assertTrue(responses.has("400") && responses.has("404"), responses.toString());

        JsonObject party = byName(paths.getAsJsonObject("/api/queries/party-members").getAsJsonObject("get")
                .getAsJsonArray("parameters"), "party");
        assertEquals(true, party.get("required").getAsBoolean());
        JsonObject minStatements = byName(paths.getAsJsonObject("/api/queries/top-speakers").getAsJsonObject("get")
                .getAsJsonArray("parameters"), "minStatements").getAsJsonObject("schema");
        assertEquals("integer", minStatements.get("type").getAsString());
        assertEquals(1, minStatements.get("default").getAsInt());
        JsonObject entity = byName(paths.getAsJsonObject("/api/queries/entity-facts").getAsJsonObject("get")
                .getAsJsonArray("parameters"), "entity").getAsJsonObject("schema");
        assertEquals(Map.of("type", "string", "format", "uri"), strings(entity));
    }

    @Test
    void theOpenApiDocumentGivesEveryQueryThePagingParameters() {
        JsonObject paths = JsonParser.parseString(get(server, "/api/openapi.json", "application/json").body())
                .getAsJsonObject().getAsJsonObject("paths");

        for (String name : QueryCatalog.builtIn().names()) {
            JsonArray params = paths.getAsJsonObject("/api/queries/" + name).getAsJsonObject("get").getAsJsonArray("parameters");
            assertEquals("integer", byName(params, "limit").getAsJsonObject("schema").get("type").getAsString(), name);
            assertEquals(0, byName(params, "offset").getAsJsonObject("schema").get("default").getAsInt(), name);
        }
        JsonObject roles = byName(paths.getAsJsonObject("/api/queries/roles").getAsJsonObject("get")
                .getAsJsonArray("parameters"), "limit").getAsJsonObject("schema");
        assertEquals(CannedQueryApi.PAGE_SIZE, roles.get("default").getAsLong());
    }

    // ---- Running

    @ParameterizedTest
    @CsvSource({"application/sparql-results+json", "application/json", "'text/html, */*;q=0.8'", "''"})
    void rolesAnswersSparqlJsonByDefaultAndForJson(String accept) {
        HttpResponse<String> r = accept.isEmpty() ? send(request(server, "/api/queries/roles?person=Siddiqui").GET())
                : get(server, "/api/queries/roles?person=Siddiqui", accept);

        assertEquals(200, r.statusCode(), r.body());
        assertEquals(Optional.of("application/sparql-results+json"), r.headers().firstValue("Content-Type"));
        assertEquals(Optional.empty(), r.headers().firstValue(CappedQueryService.HEADER), "one row is not cut");
        List<Map<String, String>> rows = rows(r, ResultSetLang.RS_JSON);
        assertEquals(List.of(Map.of("person", "Khalid Maqbool Siddiqui", "title", "chairman",
                "in", "Muttahida Qaumi Movement Pakistan", "former", "false", "reportedOn", "2025-02-09",
                "articleId", MQM_ARTICLE)), rows);
    }

    @Test
    void rolesAnswersCsvWhenAskedFor() {
        HttpResponse<String> r = get(server, "/api/queries/roles?org=" + q("mqm"), "text/csv");

        assertEquals(200, r.statusCode(), r.body());
        assertEquals(Optional.of("text/csv;charset=utf-8"), r.headers().firstValue("Content-Type"));
        assertEquals(List.of(ROLES_COLUMNS,
                        "Khalid Maqbool Siddiqui,chairman,Muttahida Qaumi Movement Pakistan,false,2025-02-09," + MQM_ARTICLE),
                r.body().lines().toList());
    }

    @ParameterizedTest
    @CsvSource({"text/tab-separated-values, text/tab-separated-values, TSV",
            "application/sparql-results+xml, application/sparql-results+xml, XML",
            "'text/csv;q=0.5, application/sparql-results+xml', application/sparql-results+xml, XML",
            "'text/*', text/csv, CSV"})
    void theAcceptHeaderChoosesTheResultFormat(String accept, String expectedType, String lang) {
        HttpResponse<String> r = get(server, "/api/queries/roles", accept);

        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(expectedType));
        Lang l = Map.of("TSV", ResultSetLang.RS_TSV, "XML", ResultSetLang.RS_XML, "CSV", ResultSetLang.RS_CSV).get(lang);
        assertEquals(1, rows(r, l).size());
    }

    @Test
    void aConstructQueryAnswersAGraph() {
        HttpResponse<String> r = get(server, "/api/queries/entity-facts?entity=" + q(KHALID), "text/turtle");

        assertEquals(200, r.statusCode(), r.body());
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.body(), Lang.TURTLE).parse(g);
        assertTrue(g.contains(NodeFactory.createURI(KHALID), RDFS.label.asNode(),
                NodeFactory.createLiteralString("Khalid Maqbool Siddiqui")), r.body());
    }

    @Test
    void valuesWithQuotesAndBracesArePlainValues() {
        long triples = store.tripleCount();
        String evil = "x\" } ; DROP ALL ; {";

        HttpResponse<String> person = get(server, "/api/queries/roles?person=" + q(evil), "text/csv");
        HttpResponse<String> org = get(server, "/api/queries/roles?org=" + q(evil) + "&person=" + q("Siddiqui\"}"),
                "application/sparql-results+json");

        assertEquals(200, person.statusCode(), person.body());
        assertEquals(List.of(ROLES_COLUMNS), person.body().lines().toList());
        assertEquals(200, org.statusCode(), org.body());
        assertEquals(List.of(), rows(org, ResultSetLang.RS_JSON));
        assertEquals(triples, store.tripleCount());
    }

    // ---- Errors

    @Test
    void aMissingRequiredParameterAnswers400WithTheMessage() {
        HttpResponse<String> r = get(server, "/api/queries/party-members", "application/json");

        assertEquals(400, r.statusCode(), r.body());
        assertTrue(error(r).contains("'party' is required"), r.body());
    }

    @ParameterizedTest
    @CsvSource({"asOf=yesterday, 'must be a date'", "nobody=1, 'no parameter ''nobody'''",
            "person=a&person=b, 'given 2 times'", "includeFormer=maybe, 'true or false'"})
    void badParameterValuesAnswer400(String query, String message) {
        HttpResponse<String> r = get(server, "/api/queries/roles?" + query, "text/csv");

        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(error(r).contains(message), r.body());
    }

    @Test
    void anUnknownQueryAnswers404() {
        HttpResponse<String> r = get(server, "/api/queries/no-such-query", "application/json");

        assertEquals(404, r.statusCode(), r.body());
        assertTrue(error(r).contains("no-such-query"), r.body());
    }

    @Test
    void anAcceptHeaderNotOfferedAnswers406() {
        HttpResponse<String> r = get(server, "/api/queries/roles", "image/png");
        HttpResponse<String> csvGraph = get(server, "/api/queries/entity-facts?entity=" + q(KHALID), "text/csv");

        assertEquals(406, r.statusCode(), r.body());
        assertTrue(error(r).contains("text/csv"), r.body());
        assertEquals(406, csvGraph.statusCode(), csvGraph.body());
    }

    @Test
    void aQueryRunningPastTheTimeoutAnswers503() {
        CannedQuery slow = CannedQuery.parse("slow", """
                # title: Slow
                SELECT (COUNT(*) AS ?n) WHERE {
                  GRAPH ?g1 { ?a ?b ?c } GRAPH ?g2 { ?d ?e ?f } GRAPH ?g3 { ?g ?h ?i } GRAPH ?g4 { ?j ?k ?l } GRAPH ?g5 { ?m ?n2 ?o }
                }""");
        try (NewsServer s = ownServer(b -> b.queries(QueryCatalog.of(List.of(slow))).queryTimeout(Duration.ofMillis(300)))) {
            HttpResponse<String> r = get(s, "/api/queries/slow", "application/json");

            assertEquals(503, r.statusCode(), r.body());
            assertTrue(error(r).contains("longer than"), r.body());
        }
    }

    @Test
    void resultsAreCutAtTheServersLimitAndSaySo() {
        CannedQuery all = CannedQuery.parse("all", "# title: All\nSELECT * WHERE { GRAPH ?g { ?s ?p ?o } }");
        CannedQuery two = CannedQuery.parse("two", "# title: Two\nSELECT * WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 2");
        try (NewsServer s = ownServer(b -> b.queries(QueryCatalog.of(List.of(all, two))).resultLimit(3))) {
            HttpResponse<String> capped = get(s, "/api/queries/all", "application/json");
            HttpResponse<String> within = get(s, "/api/queries/two", "application/json");

            assertEquals(3, rows(capped, ResultSetLang.RS_JSON).size());
            assertEquals(Optional.of("3"), capped.headers().firstValue(CappedQueryService.HEADER));
            assertEquals(2, rows(within, ResultSetLang.RS_JSON).size());
            assertEquals(Optional.empty(), within.headers().firstValue(CappedQueryService.HEADER));
        }
    }

    // ---- Paging

    @Test
    void rowsComeInPagesOfTheQuerysOwnOrderWithALinkToTheNextPage() {
        CannedQuery ordered = CannedQuery.parse("ordered",
                "# title: Ordered\nSELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o FILTER(!isBlank(?s) && !isBlank(?o)) } } ORDER BY ?s ?p ?o");
        try (NewsServer s = ownServer(b -> b.queries(QueryCatalog.of(List.of(ordered))))) {
            List<Map<String, String>> all = rows(get(s, "/api/queries/ordered?limit=100000", "application/json"),
                    ResultSetLang.RS_JSON);
            HttpResponse<String> first = get(s, "/api/queries/ordered?limit=3", "application/json");
            HttpResponse<String> second = get(s, "/api/queries/ordered?limit=3&offset=3", "application/json");
            HttpResponse<String> byDefault = get(s, "/api/queries/ordered", "application/json");
            HttpResponse<String> last = get(s, "/api/queries/ordered?offset=" + (all.size() - 1), "application/json");

            assertTrue(all.size() > CannedQueryApi.PAGE_SIZE, "the sample store has more triples than a page");
            assertEquals(all.subList(0, 3), rows(first, ResultSetLang.RS_JSON));
            assertEquals(all.subList(3, 6), rows(second, ResultSetLang.RS_JSON));
            assertEquals(Optional.of("</api/queries/ordered?limit=3&offset=3>; rel=\"next\""),
                    first.headers().firstValue("Link"));
            assertEquals(all.subList(0, (int) CannedQueryApi.PAGE_SIZE), rows(byDefault, ResultSetLang.RS_JSON));
            assertEquals(all.subList(all.size() - 1, all.size()), rows(last, ResultSetLang.RS_JSON));
            assertEquals(Optional.empty(), last.headers().firstValue("Link"));
            assertEquals(Optional.empty(), first.headers().firstValue(CappedQueryService.HEADER));
        }
    }

    @Test
    void theLargestLimitGivesTheRowsFromTheOffsetUpToTheServersLimit() {
        CannedQuery ordered = CannedQuery.parse("ordered", """
                # title: Ordered
                SELECT ?s ?p ?o WHERE {
                  { SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o FILTER(!isBlank(?s) && !isBlank(?o)) } } ORDER BY ?s ?p ?o }
                } ORDER BY ?s ?p ?o""");
        try (NewsServer s = ownServer(b -> b.queries(QueryCatalog.of(List.of(ordered))).resultLimit(20))) {
            List<Map<String, String>> all = rows(get(s, "/api/queries/ordered?limit=20", "application/json"),
                    ResultSetLang.RS_JSON);
            HttpResponse<String> huge = get(s, "/api/queries/ordered?limit=" + Long.MAX_VALUE + "&offset=2", "application/json");
            HttpResponse<String> farOut = get(s, "/api/queries/ordered?limit=5&offset=" + Long.MAX_VALUE, "application/json");

            assertEquals(20, all.size());
            List<Map<String, String>> page = rows(huge, ResultSetLang.RS_JSON);
            assertEquals(all.subList(2, 20), page.subList(0, 18));
            assertEquals(20, page.size());
            assertEquals(Optional.of("20"), huge.headers().firstValue(CappedQueryService.HEADER));
            assertEquals(200, farOut.statusCode(), farOut.body());
            assertEquals(List.of(), rows(farOut, ResultSetLang.RS_JSON));
        }
    }

    @Test
    void theNextPageLinkKeepsTheQuerysParameters() {
        HttpResponse<String> r = get(server, "/api/queries/roles?person=" + q("Siddiqui") + "&limit=1", "text/csv");

        assertEquals(200, r.statusCode(), r.body());
        assertEquals(Optional.of("</api/queries/roles?person=Siddiqui&limit=1&offset=1>; rel=\"next\""),
                r.headers().firstValue("Link"));
    }

    @ParameterizedTest
    @CsvSource({"limit=-1, 'limit'", "offset=ten, 'offset'", "limit=1&limit=2, 'given 2 times'"})
    void badPagingValuesAnswer400(String query, String message) {
        HttpResponse<String> r = get(server, "/api/queries/roles?" + query, "application/json");

        assertEquals(400, r.statusCode(), r.body());
        assertTrue(error(r).contains(message), r.body());
    }

    // ---- Helpers

    private static NewsServer ownServer(UnaryOperator<NewsServer.Builder> options) {
        return options.apply(NewsServer.builder().store(store).port(0)).build().start();
    }

    private static JsonObject byName(JsonArray array, String name) {
        for (JsonElement e : array) {
            if (e.getAsJsonObject().get("name").getAsString().equals(name)) {
                return e.getAsJsonObject();
            }
        }
        throw new AssertionError("no '" + name + "' in " + array);
    }

    private static Map<String, String> strings(JsonObject o) {
        Map<String, String> m = new TreeMap<>();
        o.entrySet().forEach(e -> m.put(e.getKey(), e.getValue().getAsString()));
        return m;
    }

    private static String error(HttpResponse<String> r) {
        return JsonParser.parseString(r.body()).getAsJsonObject().get("error").getAsString();
    }

    /** Each row as column to lexical form (IRIs as their string). */
    private static List<Map<String, String>> rows(HttpResponse<String> r, Lang lang) {
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)), lang);
        List<Map<String, String>> rows = new ArrayList<>();
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            Map<String, String> row = new TreeMap<>();
            s.varNames().forEachRemaining(v -> row.put(v, s.get(v).isLiteral() ? s.getLiteral(v).getLexicalForm()
                    : s.get(v).toString()));
            rows.add(row);
        }
        return rows;
    }
}
