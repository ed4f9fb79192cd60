package org.newsgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsgraph.query.QueryFixtures.rows;
import static org.newsgraph.query.QueryFixtures.run;

import java.util.List;
import java.util.Map;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsgraph.error.NewsgraphException;
import org.newsgraph.store.GraphStore;

/**
 * Values crafted to break out of their place in a query are plain values (strings) or rejected
 * (IRIs, dates, numbers): they never add patterns, rows or operations.
 */
class ParameterInjectionTest {

    static final List<String> ESCAPES = List.of(
            "x\" } ; DROP ALL ; SELECT * { \"",
            "x} UNION {?s ?p ?o}",
            "<http://evil>",
            "governor\") || true || (\"",
            "governor' || true || '",
            "x\"\"\" } UNION { ?s ?p ?o } #",
            "x\n} UNION { ?s ?p ?o }\n#",
            "x\\\" } UNION { ?s ?p ?o } #",
            "?_topic",
            "x\u0000\u2028");

    static GraphStore sample;
    static long triples;

    @BeforeAll
    static void load() {
        sample = QueryFixtures.store(QueryFixtures.SAMPLE);
        triples = sample.tripleCount();
    }

    @AfterAll
    static void close() {
        assertEquals(triples, sample.tripleCount(), "the store is unchanged");
        sample.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void aStringValueIsOneLiteralAndMatchesNothing(int which) {
        String value = ESCAPES.get(which);
        BoundQuery bound = QueryCatalog.builtIn().get("statements-about").bind(Map.of("topic", value));

        assertEquals(Map.of("topic", NodeFactory.createLiteralString(value)), bound.values());
        assertEquals(List.of(), rows(QueryTarget.local(sample.dataset()).run(bound), "text"));
        assertEquals(List.of(), rows(run(sample, "statements-by", "speaker=" + value), "text"));
        assertEquals(List.of(), rows(run(sample, "roles", "person=" + value), "person"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 6})
    void theQueryKeepsItsShapeWhateverTheString(int which) {
        CannedQuery q = QueryCatalog.builtIn().get("statements-about");
        String plain = q.bind(Map.of("topic", "PLACEHOLDER")).sparql();
        BoundQuery crafted = q.bind(Map.of("topic", ESCAPES.get(which)));

        // The crafted query is the plain one with one string literal in another place: same text
        // once that literal, as Jena writes it, is put back.
        String literal = NodeFactory.createLiteralString(ESCAPES.get(which)).toString();
        assertEquals(plain, crafted.sparql().replace(literal, "\"PLACEHOLDER\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://a> } DROP ALL {<http://b",
            "http://a>",
            "https://w3id.org/newsgraph/person/x> . ?s ?p ?o . <http://b",
            "http://a\" } #",
            "http://a\n}",
            "http://a{b}",
            "<http://a>",
            "person/farooq-sattar",
            ""})
    void anIriThatCouldLeaveItsBracketsIsRejected(String value) {
        NewsgraphException e = assertThrows(NewsgraphException.class,
                () -> run(sample, "entity-facts", "entity=" + value));
        assertTrue(e.getMessage().startsWith("query 'entity-facts': parameter 'entity' "), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-08\") || true || (\"", "2025-02-08 } UNION { ?s ?p ?o }", "2025-02-08^^xsd:date"})
    void aDateWithAnythingElseIsRejected(String value) {
        NewsgraphException e = assertThrows(NewsgraphException.class,
                () -> run(sample, "events-in-range", "from=" + value));
        assertTrue(e.getMessage().contains("parameter 'from' must be a date YYYY-MM-DD"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1) || true || (1", "1 } UNION { ?s ?p ?o }", "0x10", "1e3"})
    void aNumberWithAnythingElseIsRejected(String value) {
        NewsgraphException e = assertThrows(NewsgraphException.class,
                () -> run(sample, "top-speakers", "minStatements=" + value));
        assertTrue(e.getMessage().contains("parameter 'minStatements' must be a whole number"), e.getMessage());
    }
}
