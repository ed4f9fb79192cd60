package org.newsgraph.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.http.auth.AuthEnv;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.GSP;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.UpdateExecHTTP;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smoke test of the second graph stores that interop tests push into: each store, started as a
 * real server, takes a graph by the Graph Store Protocol and one by SPARQL Update through Jena's
 * HTTP clients (Digest credentials through {@link AuthEnv} where the store wants them), and
 * answers queries over named graphs and over the union default graph. Literals of the datatypes
 * newsgraph writes must come back exactly; where a store changes one, the store's nested class
 * lists the change, so the list here is the record of what each store alters.
 */
class SecondStoresIT {

    static final String EX = "http://example.org/interop/";
    static final String XSD = XSDDatatype.XSD + "#";

    /** Two small article-like graphs sharing one triple: the shared one tells set from bag union. */
    static final String GRAPH_A = EX + "graph/a";
    static final String GRAPH_B = EX + "graph/b";
    static final String TTL_A = """
            @prefix ex: <http://example.org/interop/> .
            ex:article-a ex:mentions ex:person-1 , ex:org-1 ; ex:title "Article A" .
            ex:person-1 ex:label "Person One" .
            """;
    static final String TTL_B = """
            @prefix ex: <http://example.org/interop/> .
            ex:article-b ex:mentions ex:person-1 ; ex:title "Article B" .
            ex:person-1 ex:label "Person One" .
            """;

    /** The literal cases, by predicate local name, in Turtle syntax. */
    static final Map<String, String> LITERALS = literals();

    private static Map<String, String> literals() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("date", "\"2025-02-09\"^^<" + XSD + "date>");
        m.put("gYear", "\"2025\"^^<" + XSD + "gYear>");
        m.put("gYearMonth", "\"2025-02\"^^<" + XSD + "gYearMonth>");
        m.put("decimal", "\"0.85\"^^<" + XSD + "decimal>");
        m.put("decimalOne", "\"1.0\"^^<" + XSD + "decimal>");
        m.put("decimalTrailingZero", "\"1.50\"^^<" + XSD + "decimal>");
        m.put("booleanTrue", "\"true\"^^<" + XSD + "boolean>");
        m.put("booleanFalse", "\"false\"^^<" + XSD + "boolean>");
        m.put("integer", "\"42\"^^<" + XSD + "integer>");
        m.put("negativeInteger", "\"-7\"^^<" + XSD + "integer>");
        m.put("quotes", "\"He said \\\"no\\\" and 'yes'\"");
        m.put("tripleQuotes", "\"before \\\"\\\"\\\" after\"");
        m.put("angleBrackets", "\"<script>alert('x')</script> & <b>bold</b>\"");
        m.put("arabic", "\"\u0627\u0644\u0627\u0646\u062a\u062e\u0627\u0628\u0627\u062a \u0641\u064a \u0643\u0631\u0627\u062a\u0634\u064a\"");
        m.put("emoji", "\"ballot \uD83D\uDDF3\uFE0F and smile \uD83D\uDE00\"");
        m.put("newlineAndTab", "\"line one\\nline\\ttwo\"");
        return m;
    }

    /** The tests every store must pass; a nested class per store starts it once for its tests. */
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class StoreContract {

        SecondStore store;

        abstract SecondStore start(Path dir);

        /**
         * Literals (by {@link #LITERALS} key) that the store returns in SELECT results in another
         * form, each with the term it returns: what the interop comparison must allow for.
         */
        abstract Map<String, String> alteredInSelectResults();

        @BeforeAll
        void startStore(@TempDir Path tmp) {
            store = start(tmp);
            store.credentials().ifPresent(c -> {
                AuthEnv.get().registerUsernamePassword(URI.create(store.updateUrl()), c.user(), c.password());
                AuthEnv.get().registerUsernamePassword(URI.create(store.gspUrl()), c.user(), c.password());
            });
        }

        @AfterAll
        void stopStore() {
            if (store != null) {
                AuthEnv.get().unregisterUsernamePassword(URI.create(store.updateUrl()));
                AuthEnv.get().unregisterUsernamePassword(URI.create(store.gspUrl()));
                store.close();
            }
        }

        @BeforeEach
        void clearStore() {
            store.clear();
        }

        @Test
        void aGraphPutByGspAndAGraphInsertedByUpdateComeBackInTheirNamedGraphs() {
            GSP.service(store.gspUrl()).graphName(GRAPH_A).PUT(turtle(TTL_A));
            UpdateExecHTTP.service(store.updateUrl()).update(insertData(GRAPH_B, TTL_B)).execute();

            assertIsomorphic(turtle(TTL_A), GSP.service(store.gspUrl()).graphName(GRAPH_A).GET());
            assertIsomorphic(turtle(TTL_B), GSP.service(store.gspUrl()).graphName(GRAPH_B).GET());
            DatasetGraph expected = DatasetGraphFactory.createTxnMem();
            Txn.executeWrite(expected, () -> {
                turtle(TTL_A).find().forEach(t -> expected.add(NodeFactory.createURI(GRAPH_A), t.getSubject(), t.getPredicate(), t.getObject()));
                turtle(TTL_B).find().forEach(t -> expected.add(NodeFactory.createURI(GRAPH_B), t.getSubject(), t.getPredicate(), t.getObject()));
            });
            DatasetGraph actual = DatasetGraphFactory.createTxnMem();
            RowSet rows = select("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), \"" + EX + "\")) }");
            Txn.executeWrite(actual, () -> rows.forEachRemaining(r -> actual.add(r.get("g"), r.get("s"), r.get("p"), r.get("o"))));
            assertTrue(IsoMatcher.isomorphic(expected, actual), () -> store.name() + " returned other quads than written");
        }

        @Test
        void putTwiceReplacesTheGraph() {
            GSP.service(store.gspUrl()).graphName(GRAPH_A).PUT(turtle(TTL_B));
            GSP.service(store.gspUrl()).graphName(GRAPH_A).PUT(turtle(TTL_A));

            assertIsomorphic(turtle(TTL_A), GSP.service(store.gspUrl()).graphName(GRAPH_A).GET());
        }

        @Test
        void aQueryWithoutFromOrGraphSeesTheUnionOfAllNamedGraphsAsASet() {
            GSP.service(store.gspUrl()).graphName(GRAPH_A).PUT(turtle(TTL_A));
            GSP.service(store.gspUrl()).graphName(GRAPH_B).PUT(turtle(TTL_B));

            List<Triple> union = triples(select("SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER(STRSTARTS(STR(?s), \"" + EX + "\")) }"));
            Graph expected = GraphFactory.createDefaultGraph();
            turtle(TTL_A).find().forEach(expected::add);
            turtle(TTL_B).find().forEach(expected::add);
            assertIsomorphic(expected, graph(union));
            // The label of person-1 is in both graphs: Fuseki's union graph has it once.
            assertEquals(expected.size(), union.size(), () -> store.name() + " repeats a triple held by two graphs: " + union);
        }

        @Test
        void theUnionDefaultGraphHoldsExactlyTheStoresGraphsIncludingItsSystemGraphs() {
            GSP.service(store.gspUrl()).graphName(GRAPH_A).PUT(turtle(TTL_A));

            Set<String> graphs = new TreeSet<>();
            select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").forEachRemaining(r -> graphs.add(r.get("g").getURI()));
            Set<String> expected = new TreeSet<>(store.systemGraphs());
            expected.add(GRAPH_A);
            assertEquals(expected, graphs);
            long inUnion = count("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }");
            long inGraphs = count("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }");
            assertEquals(inGraphs, inUnion, store.name() + ": distinct triples in the default graph vs in all named graphs");
        }

        @Test
        void clearRemovesTheTestsGraphsAndKeepsTheStoreWorking() {
            GSP.service(store.gspUrl()).graphName(GRAPH_A).PUT(turtle(TTL_A));
            UpdateExecHTTP.service(store.updateUrl()).update(insertData(GRAPH_B, TTL_B)).execute();

            store.clear();

            assertFalse(ask("ASK { ?s ?p ?o FILTER(STRSTARTS(STR(?s), \"" + EX + "\")) }"));
            assertFalse(ask("ASK { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), \"" + EX + "\")) }"));
            GSP.service(store.gspUrl()).graphName(GRAPH_B).PUT(turtle(TTL_B));
            assertIsomorphic(turtle(TTL_B), GSP.service(store.gspUrl()).graphName(GRAPH_B).GET());
        }

        @Test
        void literalsPutByGspComeBackExactlyOrAsListed() {
            GSP.service(store.gspUrl()).graphName(GRAPH_A).PUT(turtle(literalTurtle()));

            assertEquals(expectedLiterals(), literalsIn(GRAPH_A));
        }

        @Test
        void literalsInsertedByUpdateComeBackExactlyOrAsListed() {
            UpdateExecHTTP.service(store.updateUrl()).update(insertData(GRAPH_B, literalTurtle())).execute();

            assertEquals(expectedLiterals(), literalsIn(GRAPH_B));
        }

        @Test
        void literalsComeBackWithTheSameValueEvenWhereTheFormChanges() {
            GSP.service(store.gspUrl()).graphName(GRAPH_A).PUT(turtle(literalTurtle()));

            Map<String, Node> written = literalNodes(LITERALS);
            literalsIn(GRAPH_A).forEach((key, returned) -> assertTrue(written.get(key).sameValueAs(node(returned)),
                    () -> store.name() + " changed the value of " + key + ": " + written.get(key) + " came back as " + returned));
        }

        private Map<String, String> expectedLiterals() {
            Map<String, String> expected = new LinkedHashMap<>(LITERALS);
            expected.putAll(alteredInSelectResults());
            return canonicalForm(expected);
        }

        /** The literals of the test subject in {@code graph}, each as N-Triples term, by key. */
        private Map<String, String> literalsIn(String graph) {
            Map<String, String> found = new LinkedHashMap<>();
            select("SELECT ?p ?o WHERE { GRAPH <" + graph + "> { <" + EX + "literals> ?p ?o } }").forEachRemaining(r ->
                    found.put(r.get("p").getURI().substring(EX.length()), NodeFmtLib.strNT(r.get("o"))));
            Map<String, String> ordered = new LinkedHashMap<>();
            LITERALS.keySet().stream().filter(found::containsKey).forEach(k -> ordered.put(k, found.get(k)));
            found.keySet().stream().filter(k -> !LITERALS.containsKey(k)).forEach(k -> ordered.put(k, found.get(k)));
            return ordered;
        }

        RowSet select(String query) {
            return QueryExecHTTP.service(store.queryUrl()).query(query).select().materialize();
        }

        boolean ask(String query) {
            return QueryExecHTTP.service(store.queryUrl()).query(query).ask();
        }

        long count(String query) {
            RowSet rows = select(query);
            return ((Number) rows.next().get("n").getLiteralValue()).longValue();
        }
    }

    @Nested
    class Virtuoso extends StoreContract {
        @Override
        SecondStore start(Path dir) {
            return VirtuosoStore.start(dir);
        }

        @Override
        Map<String, String> alteredInSelectResults() {
            return Map.of();
        }
    }

    @Nested
    class Rdf4jServer extends StoreContract {
        @Override
        SecondStore start(Path dir) {
            return Rdf4jServerStore.start(dir);
        }

        @Override
        Map<String, String> alteredInSelectResults() {
            return Map.of();
        }
    }

    static String literalTurtle() {
        StringBuilder ttl = new StringBuilder();
        LITERALS.forEach((key, literal) -> ttl.append('<').append(EX).append("literals> <").append(EX).append(key)
                .append("> ").append(literal).append(" .\n"));
        return ttl.toString();
    }

    static String insertData(String graph, String turtle) {
        StringBuilder triples = new StringBuilder();
        turtle(turtle).find().forEach(t -> triples.append(NodeFmtLib.strNT(t.getSubject())).append(' ')
                .append(NodeFmtLib.strNT(t.getPredicate())).append(' ').append(NodeFmtLib.strNT(t.getObject())).append(" .\n"));
        return "INSERT DATA { GRAPH <" + graph + "> {\n" + triples + "} }";
    }

    static Graph turtle(String ttl) {
        return RDFParser.fromString(ttl, Lang.TURTLE).toGraph();
    }

    static Graph graph(List<Triple> triples) {
        Graph g = GraphFactory.createDefaultGraph();
        triples.forEach(g::add);
        return g;
    }

    static List<Triple> triples(RowSet rows) {
        return rows.stream().map(r -> Triple.create(r.get("s"), r.get("p"), r.get("o"))).toList();
    }

    static Node node(String ntriplesTerm) {
        return turtle("<" + EX + "s> <" + EX + "p> " + ntriplesTerm + " .").find().next().getObject();
    }

    static Map<String, Node> literalNodes(Map<String, String> literals) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        literals.forEach((k, v) -> nodes.put(k, node(v)));
        return nodes;
    }

    /** Turtle literal syntax to one N-Triples form, so that equal terms compare equal as strings. */
    static Map<String, String> canonicalForm(Map<String, String> literals) {
        Map<String, String> out = new LinkedHashMap<>();
        literals.forEach((k, v) -> out.put(k, NodeFmtLib.strNT(node(v))));
        return out;
    }

    static void assertIsomorphic(Graph expected, Graph actual) {
        assertTrue(expected.isIsomorphicWith(actual), () -> "expected\n" + expected + "\nbut got\n" + actual);
    }
}
