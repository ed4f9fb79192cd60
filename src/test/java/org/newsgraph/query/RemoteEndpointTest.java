package org.newsgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsgraph.query.QueryFixtures.params;
import static org.newsgraph.query.QueryFixtures.rows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsgraph.error.NewsgraphException;
import org.newsgraph.store.GraphStore;

/**
 * The canned queries against a real SPARQL endpoint: an embedded Fuseki on a free port over the
 * sample and synthetic articles. The remote rows equal the local ones.
 */
class RemoteEndpointTest {

    static GraphStore store;
    static FusekiServer server;
    static String endpoint;

    @BeforeAll
    static void start() {
        store = QueryFixtures.store(QueryFixtures.SAMPLE, QueryFixtures.SYNTHETIC, "duplicates.trig");
        server = FusekiServer.create().port(0).loopback(true).add("/news", store.dataset(), false).build().start();
        endpoint = "http://localhost:" + server.getPort() + "/news/sparql";
    }

    @AfterAll
    static void stop() {
        server.stop();
        store.close();
    }

    private static QueryResult remote(String name, String... values) {
        return QueryTarget.remote(endpoint).withTimeout(Duration.ofSeconds(30))
                .run(QueryCatalog.builtIn().get(name).bind(params(values)));
    }

    private static QueryResult local(String name, String... values) {
        return QueryTarget.local(store.dataset()).run(QueryCatalog.builtIn().get(name).bind(params(values)));
    }

    @Test
    void givesThePartyOfKhalidMaqboolSiddiquiAsLocally() {
        QueryResult remote = remote("roles", "person=Siddiqui");
        assertEquals(List.of("Khalid Maqbool Siddiqui | chairman | Muttahida Qaumi Movement Pakistan"),
                rows(remote, "person", "title", "in"));
        assertEquals(((QueryResult.Rows) local("roles", "person=Siddiqui")).values(), ((QueryResult.Rows) remote).values());
    }

    @Test
    void everyBuiltInQueryGivesTheSameResultRemotely() {
        Map<String, String[]> args = Map.of(
                "party-members", new String[] {"party=GHP"},
                "statements-by", new String[] {"speaker=Quill"},
                "statements-about", new String[] {"topic=budget"},
                "timeline", new String[] {"entity=MQM", "inSentence=true"},
                "articles-mentioning", new String[] {"entity=Tessori"},
                "entity-facts", new String[] {"entity=https://w3id.org/newsgraph/person/mara-quill"},
                "events-in-range", new String[] {"from=2025-01-01"},
                "possible-duplicates", new String[] {"person=Quill"});
        for (CannedQuery q : QueryCatalog.builtIn().queries()) {
            String[] values = args.getOrDefault(q.name(), new String[0]);
            QueryResult remote = remote(q.name(), values);
            QueryResult local = local(q.name(), values);
            assertTrue(local.size() > 0, q.name() + " should find something in the test data");
            if (local instanceof QueryResult.Rows rows) {
                assertEquals(rows.values(), ((QueryResult.Rows) remote).values(), q.name());
            } else {
                assertTrue(((QueryResult.Triples) local).graph().isIsomorphicWith(((QueryResult.Triples) remote).graph()), q.name());
            }
        }
    }

    @Test
    void aCraftedValueIsStillOneValueOverHttp() {
        assertEquals(List.of(), rows(remote("statements-about", "topic=x\" } ; DROP ALL ; SELECT * { \""), "text"));
        assertEquals(List.of(), rows(remote("statements-about", "topic=governor\") || true || (\""), "text"));
        assertEquals(List.of(), rows(remote("roles", "person=x} UNION {?s ?p ?o}"), "person"));
        assertTrue(remote("articles").size() == 6, "all six articles are still there");
    }

    @Test
    void anUnreachableEndpointOrAnHttpErrorIsAClearError() {
        server.getPort();
        String wrongPath = "http://localhost:" + server.getPort() + "/nothing/sparql";
        NewsgraphException notFound = assertThrows(NewsgraphException.class,
                () -> QueryTarget.remote(wrongPath).run(QueryCatalog.builtIn().get("articles").bind(Map.of())));
        assertTrue(notFound.getMessage().startsWith("query 'articles': the SPARQL endpoint " + wrongPath + " answered HTTP 404"),
                notFound.getMessage());

        NewsgraphException refused = assertThrows(NewsgraphException.class,
                () -> QueryTarget.remote("http://localhost:1/sparql").run(QueryCatalog.builtIn().get("articles").bind(Map.of())));
        assertTrue(refused.getMessage().startsWith("query 'articles': cannot reach the SPARQL endpoint http://localhost:1/sparql"),
                refused.getMessage());

        assertEquals("endpoint 'localhost:3030' is not an http(s) URL such as http://localhost:3030/news/sparql",
                assertThrows(NewsgraphException.class, () -> QueryTarget.remote("localhost:3030")).getMessage());
    }
}
