package org.newsgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.newsgraph.error.QueryLimitException;
import org.newsgraph.error.QueryTimeoutException;

/** REGEX, REPLACE and their fn: and sparql: forms: stopped by the timeout, and answering as ARQ's own. */
class GuardedRegexTest {

    /** 36 a's and a pattern that backtracks for hours on them (issue 17). */
    static final String SLOW_TEXT = "\"" + "a".repeat(36) + "\"";
    static final String SLOW_PATTERN = "\"(.*a){19}b\"";
    private static final String PREFIXES = """
            PREFIX fn: <http://www.w3.org/2005/xpath-functions#>
            PREFIX sparql: <http://www.w3.org/ns/sparql#>
            """;

    private final DatasetGraph data = sampleData();

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT ?x { BIND(REGEX(%s, %s) AS ?x) }",
        "SELECT ?x { BIND(fn:matches(%s, %s) AS ?x) }",
        "SELECT ?x { BIND(sparql:regex(%s, %s) AS ?x) }",
        "SELECT ?x { BIND(REPLACE(%s, %s, 'c') AS ?x) }",
        "SELECT ?x { BIND(fn:replace(%s, %s, 'c') AS ?x) }",
        "SELECT ?s { ?s ?p ?o FILTER(REGEX(CONCAT(%s, STR(?o)), %s)) }",
        "SELECT ?s { ?s ?p ?o FILTER EXISTS { BIND(REGEX(%s, %s) AS ?y) FILTER(?y) } }",
        "SELECT (GROUP_CONCAT(STR(REGEX(%s, %s))) AS ?x) { ?s ?p ?o }",
        "SELECT ?s { ?s ?p ?o } ORDER BY (REGEX(%s, %s))",
        "ASK { { SELECT ?x { BIND(REGEX(%s, %s) AS ?x) } } }",
    })
    void aCatastrophicPatternStopsAtTheTimeout(String shape) {
        QueryTarget target = QueryTarget.local(data).withTimeout(Duration.ofMillis(500))
                .withLimits(QueryLimits.DEFAULT.withRegexReads(Long.MAX_VALUE));
        Query query = QueryFactory.create(PREFIXES + String.format(shape, SLOW_TEXT, SLOW_PATTERN));

        long start = System.nanoTime();
        assertThrows(QueryTimeoutException.class, () -> target.execute(query));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(took.compareTo(Duration.ofMillis(2_500)) < 0, "stopped after " + took);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT ?x { BIND(REGEX(%s, %s) AS ?x) }",
        "SELECT ?x { BIND(REPLACE(%s, %s, 'c') AS ?x) }",
        "SELECT ?s { ?s ?p ?o FILTER(REGEX(CONCAT(%s, STR(?o)), %s)) }",
    })
    void aCatastrophicPatternFailsWithinMillisecondsOnItsReadBudgetLongBeforeTheTimeout(String shape) {
        QueryTarget target = QueryTarget.local(data).withTimeout(Duration.ofSeconds(30));
        Query query = QueryFactory.create(PREFIXES + String.format(shape, SLOW_TEXT, SLOW_PATTERN));

        long start = System.nanoTime();
        QueryLimitException e = assertThrows(QueryLimitException.class, () -> target.execute(query));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(e.getMessage().contains("backtracks too much"), e.getMessage());
        assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "stopped after " + took);
    }

    @Test
    void aLongTextGetsAReadBudgetInProportionToItsLength() {
        // 100,000 characters read twice by an honest pattern: over a budget of 1,000 reads, under 100 times its length.
        QueryTarget target = QueryTarget.local(data).withLimits(QueryLimits.DEFAULT.withRegexReads(1_000));
        Query query = QueryFactory.create("ASK { FILTER(REGEX(CONCAT(\"" + "ab".repeat(50_000) + "\", \"z\"), \"b+z\")) }");

        assertEquals(true, ((QueryResult.Answer) target.execute(query)).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT ?o (REGEX(?o, 'k', 'i') AS ?x) { ?s ?p ?o FILTER(isLiteral(?o)) }",
        "SELECT ?o (REGEX(?o, '^(K|M)') AS ?x) { ?s ?p ?o FILTER(isLiteral(?o)) }",
        "SELECT ?o (REGEX(?o, 'a.c', 'q') AS ?x) { ?s ?p ?o FILTER(isLiteral(?o)) }",
        "SELECT ?o (REGEX(?o, 'a b', 'x') AS ?x) { ?s ?p ?o FILTER(isLiteral(?o)) }",
        "SELECT ?o (fn:matches(?o, '[0-9]+$') AS ?x) { ?s ?p ?o FILTER(isLiteral(?o)) }",
        "SELECT ?o (REPLACE(?o, 'a', 'A') AS ?x) { ?s ?p ?o FILTER(isLiteral(?o)) }",
        "SELECT ?o (REPLACE(?o, '(\\\\w+) (\\\\w+)', '$2 $1') AS ?x) { ?s ?p ?o FILTER(isLiteral(?o)) }",
        "SELECT ?o (REPLACE(?o, '', '-') AS ?x) { ?s ?p ?o FILTER(isLiteral(?o)) }",
        "SELECT ?o (REPLACE(?o, 'x*', '-') AS ?x) { ?s ?p ?o FILTER(isLiteral(?o)) }",
        "SELECT ?o (REPLACE(?o, 'K', 'k', 'i') AS ?x) { ?s ?p ?o FILTER(isLiteral(?o)) }",
        "SELECT ?o (fn:replace(?o, 'i', '!') AS ?x) { ?s ?p ?o FILTER(isLiteral(?o)) }",
        "SELECT ?o (REGEX(?o, ?pattern) AS ?x) { ?s ?p ?o FILTER(isLiteral(?o)) BIND('(' AS ?pattern) }",
        "SELECT ?o (REGEX(?o, 'a', ?flags) AS ?x) { ?s ?p ?o FILTER(isLiteral(?o)) BIND('z' AS ?flags) }",
        "SELECT ?s { ?s ?p ?o FILTER(REGEX(STR(?s), 'example.org/[ab]')) }",
    })
    void answersAsArqsOwnFunctionsDo(String select) {
        Query query = QueryFactory.create(PREFIXES + select + " ORDER BY STR(?o) STR(?s)");

        List<Map<String, String>> guarded = ((QueryResult.Rows) QueryTarget.local(data).execute(query)).values();

        assertEquals(arqRows(query), guarded);
    }

    @Test
    void aPatternOverTheLimitFailsTheQueryNamingTheLimit() {
        QueryTarget target = QueryTarget.local(data).withLimits(new QueryLimits(10, 100, 20, 50));
        Query query = QueryFactory.create("SELECT ?s { ?s ?p ?o FILTER(REGEX(?o, '" + "a".repeat(21) + "')) }");

        QueryLimitException e = assertThrows(QueryLimitException.class, () -> target.execute(query));

        assertTrue(e.getMessage().contains("REGEX pattern of 21 characters is longer than the limit of 20"), e.getMessage());
    }

    @Test
    void aReplaceResultOverTheLimitFailsTheQuery() {
        QueryTarget target = QueryTarget.local(data).withLimits(new QueryLimits(10, 100, 20, 50));
        Query query = QueryFactory.create("SELECT (REPLACE('" + "a".repeat(30) + "', 'a', 'bbbb') AS ?x) {}");

        QueryLimitException e = assertThrows(QueryLimitException.class, () -> target.execute(query));

        assertTrue(e.getMessage().contains("REPLACE result is longer than the limit of 100 characters"), e.getMessage());
    }

    /** The rows ARQ's own functions give for {@code query}, as values. */
    private List<Map<String, String>> arqRows(Query query) {
        return Txn.calculateRead(data, () -> {
            try (QueryExec exec = QueryExec.dataset(data).query(query).build()) {
                var rows = exec.select();
                List<String> vars = rows.getResultVars().stream().map(v -> v.getVarName()).toList();
                List<org.apache.jena.sparql.engine.binding.Binding> copied = new java.util.ArrayList<>();
                rows.forEachRemaining(copied::add);
                return new QueryResult.Rows(vars, copied, Map.of()).values();
            }
        });
    }

    private static DatasetGraph sampleData() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        String[] literals = {"Karachi", "MQM-P", "a.c and abc", "a b", "chairman 2025", "Khalid Maqbool Siddiqui", "",
            "xyz", "élan"};
        for (int i = 0; i < literals.length; i++) {
            dsg.getDefaultGraph().add(NodeFactory.createURI("http://example.org/" + (char) ('a' + i)),
                    NodeFactory.createURI("http://example.org/p"), NodeFactory.createLiteralString(literals[i]));
        }
        dsg.getDefaultGraph().add(NodeFactory.createURI("http://example.org/lang"),
                NodeFactory.createURI("http://example.org/p"), NodeFactory.createLiteralLang("Kiosk", "en"));
        return dsg;
    }
}
