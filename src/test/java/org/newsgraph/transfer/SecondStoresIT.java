package org.newsgraph.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsgraph.transfer.InteropData.EX;
import static org.newsgraph.transfer.InteropData.GRAPH_A;
import static org.newsgraph.transfer.InteropData.GRAPH_B;
import static org.newsgraph.transfer.InteropData.LITERALS;
import static org.newsgraph.transfer.InteropData.LITERAL_SUBJECT;
import static org.newsgraph.transfer.InteropData.TTL_A;
import static org.newsgraph.transfer.InteropData.TTL_B;
import static org.newsgraph.transfer.InteropData.XSD;
import static org.newsgraph.transfer.InteropData.graph;
import static org.newsgraph.transfer.InteropData.insertData;
import static org.newsgraph.transfer.InteropData.literalTurtle;
import static org.newsgraph.transfer.InteropData.mojibake;
import static org.newsgraph.transfer.InteropData.node;
import static org.newsgraph.transfer.InteropData.ntriples;
import static org.newsgraph.transfer.InteropData.triples;
import static org.newsgraph.transfer.InteropData.turtle;
import static org.newsgraph.transfer.InteropData.union;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.http.auth.AuthEnv;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.GSP;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.resultset.ResultSetException;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.newsgraph.transfer.InteropData.UpdateWay;

/**
 * Smoke test of the second graph stores that interop tests push into: each store, started as a
 * real server, takes graphs by the Graph Store Protocol and by SPARQL Update through Jena's HTTP
 * clients (Digest credentials through {@link AuthEnv} where the store wants them) and answers
 * queries over named graphs and over the union default graph. Literals of the datatypes
 * newsgraph writes must come back exactly; where a store changes something, its nested class
 * says so in its {@link Quirks}, which are thus the checked record of how each store differs
 * from our own endpoint.
 */
class SecondStoresIT {

    /**
     * How a store differs from our Fuseki/TDB2 endpoint.
     *
     * @param alteredInResults literals (by {@link InteropData#LITERALS} key, Turtle syntax) that come
     *     back from SELECT in another lexical form, however they were written
     * @param alteredByUtf8UpdateBody literals that arrive altered when an update is sent as
     *     Jena sends it by default (UTF-8 body, no charset parameter)
     * @param copiesOfASharedTripleInTheUnion how often {@code SELECT * { ?s ?p ?o }} returns a
     *     triple that two named graphs hold (ours: once)
     * @param askReadableByJena whether Jena can read the store's answer to ASK
     * @param refusesHalfAMegabyteBy the update ways by which a 540 kB update is refused
     */
    record Quirks(Map<String, String> alteredInResults, Map<String, String> alteredByUtf8UpdateBody,
            int copiesOfASharedTripleInTheUnion, boolean askReadableByJena, Set<UpdateWay> refusesHalfAMegabyteBy) {
    }

    @Nested
    class Virtuoso extends StoreContract {
        @Override
        SecondStore start(Path dir) {
            return VirtuosoStore.start(dir);
        }

        /**
         * Virtuoso keeps decimals and booleans as numbers: a decimal's lexical form becomes
         * canonical (in every result format) and a boolean reads "1"/"0" in JSON results, which
         * Jena asks for first (XML and N-Triples say "true"/"false"). The values are unchanged.
         * ASK answers come as a one-column result set that Jena rejects.
         */
        @Override
        Quirks quirks() {
            return new Quirks(Map.of(
                    "decimalOne", "\"1\"^^<" + XSD + "decimal>",
                    "decimalTrailingZero", "\"1.5\"^^<" + XSD + "decimal>",
                    "booleanTrue", "\"1\"^^<" + XSD + "boolean>",
                    "booleanFalse", "\"0\"^^<" + XSD + "boolean>"),
                    Map.of(), 2, false, Set.of());
        }
    }

    @Nested
    class Rdf4jServer extends StoreContract {
        @Override
        SecondStore start(Path dir) {
            return Rdf4jServerStore.start(dir);
        }

        /**
         * RDF4J Server reads an {@code application/sparql-update} body without a charset as
         * ISO-8859-1, so non-ASCII text sent the way Jena sends it arrives garbled; and Jetty's
         * 200,000-byte form limit refuses larger form posts.
         */
        @Override
        Quirks quirks() {
            return new Quirks(Map.of(),
                    Map.of("arabic", mojibake(LITERALS.get("arabic")), "emoji", mojibake(LITERALS.get("emoji"))),
                    2, true, Set.of(UpdateWay.FORM));
        }
    }

    @Test
    void ourOwnStoreHoldsATripleOfTwoGraphsOnceInItsUnionDefaultGraph() {
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        // As GraphStore sets it for every store it opens.
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        Txn.executeWrite(dsg, () -> {
            turtle(TTL_A).find().forEach(t -> dsg.add(NodeFactory.createURI(GRAPH_A), t.getSubject(), t.getPredicate(), t.getObject()));
            turtle(TTL_B).find().forEach(t -> dsg.add(NodeFactory.createURI(GRAPH_B), t.getSubject(), t.getPredicate(), t.getObject()));
        });

        List<Triple> found = Txn.calculateRead(dsg, () -> triples(QueryExec.dataset(dsg).query(StoreContract.ALL_OURS).select()));
        assertEquals(union(TTL_A, TTL_B).size(), found.size(), found::toString);
    }

    /** The tests every store must pass; each nested class starts its store once for its tests. */
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class StoreContract {

        static final String ALL_OURS = "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER(STRSTARTS(STR(?s), \"" + EX + "\")) }";

        SecondStore store;

        abstract SecondStore start(Path dir);

        abstract Quirks quirks();

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
            put(GRAPH_A, turtle(TTL_A));
            UpdateWay.BODY.send(store, insertData(GRAPH_B, TTL_B));

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
        void aSecondPutOfAGraphReplacesIt() {
            put(GRAPH_A, turtle(TTL_B));
            put(GRAPH_A, turtle(TTL_A));

            assertIsomorphic(turtle(TTL_A), GSP.service(store.gspUrl()).graphName(GRAPH_A).GET());
        }

        @Test
        void aDropAndAnInsertInOneUpdateRequestReplaceTheGraph() {
            String replaceByB = "DROP SILENT GRAPH <" + GRAPH_A + "> ;\n" + insertData(GRAPH_A, TTL_B);
            UpdateWay.BODY.send(store, replaceByB);
            UpdateWay.BODY.send(store, "DROP SILENT GRAPH <" + GRAPH_A + "> ;\n" + insertData(GRAPH_A, TTL_A));

            assertIsomorphic(turtle(TTL_A), GSP.service(store.gspUrl()).graphName(GRAPH_A).GET());
        }

        @Test
        void aQueryWithoutFromOrGraphSeesTheUnionOfAllNamedGraphs() {
            put(GRAPH_A, turtle(TTL_A));
            put(GRAPH_B, turtle(TTL_B));

            assertIsomorphic(union(TTL_A, TTL_B), graph(triples(select(ALL_OURS))));
        }

        @Test
        void aTripleOfTwoGraphsComesFromTheUnionAsOftenAsTheQuirksSay() {
            put(GRAPH_A, turtle(TTL_A));
            put(GRAPH_B, turtle(TTL_B));

            List<Triple> found = triples(select(ALL_OURS));
            Triple shared = Triple.create(NodeFactory.createURI(EX + "person-1"), NodeFactory.createURI(EX + "label"),
                    NodeFactory.createLiteralString("Person One"));
            assertEquals(quirks().copiesOfASharedTripleInTheUnion(), found.stream().filter(shared::equals).count(), found::toString);
        }

        @Test
        void theNamedGraphsAreTheTestsGraphsAndTheStoresSystemGraphs() {
            put(GRAPH_A, turtle(TTL_A));

            Set<String> graphs = new TreeSet<>();
            select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").forEachRemaining(r -> graphs.add(r.get("g").getURI()));
            Set<String> expected = new TreeSet<>(store.systemGraphs());
            expected.add(GRAPH_A);
            assertEquals(expected, graphs);
        }

        @Test
        void clearRemovesTheTestsGraphsAndKeepsTheStoreWorking() {
            put(GRAPH_A, turtle(TTL_A));
            UpdateWay.FORM.send(store, insertData(GRAPH_B, TTL_B));

            store.clear();

            assertFalse(select(ALL_OURS).hasNext());
            assertFalse(select("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), \"" + EX + "\")) }").hasNext());
            put(GRAPH_B, turtle(TTL_B));
            assertIsomorphic(turtle(TTL_B), GSP.service(store.gspUrl()).graphName(GRAPH_B).GET());
        }

        @Test
        void askIsReadableByJenaOrNotAsTheQuirksSay() {
            put(GRAPH_A, turtle(TTL_A));
            String ask = "ASK { <" + EX + "article-a> ?p ?o }";

            if (quirks().askReadableByJena()) {
                assertTrue(QueryExecHTTP.service(store.queryUrl()).query(ask).ask());
            } else {
                assertThrows(ResultSetException.class, () -> QueryExecHTTP.service(store.queryUrl()).query(ask).ask());
            }
        }

        @Test
        void literalsPutByGspComeBackExactlyOrAsTheQuirksSay() {
            put(GRAPH_A, turtle(literalTurtle()));

            assertEquals(expectedLiterals(Map.of()), literalsIn(GRAPH_A));
        }

        @ParameterizedTest
        @EnumSource(UpdateWay.class)
        void literalsInsertedByUpdateComeBackExactlyOrAsTheQuirksSay(UpdateWay way) {
            way.send(store, insertData(GRAPH_B, literalTurtle()));

            assertEquals(expectedLiterals(way == UpdateWay.BODY ? quirks().alteredByUtf8UpdateBody() : Map.of()),
                    literalsIn(GRAPH_B));
        }

        @Test
        void literalsKeepTheirValueEvenWhereTheirFormChanges() {
            put(GRAPH_A, turtle(literalTurtle()));

            literalsIn(GRAPH_A).forEach((key, returned) -> assertTrue(node(LITERALS.get(key)).sameValueAs(node(returned)),
                    () -> store.name() + " changed the value of " + key + ": " + LITERALS.get(key) + " came back as " + returned));
        }

        @Test
        void patternsWithTypedConstantsMatchTheStoredLiterals() {
            put(GRAPH_A, turtle(literalTurtle()));

            RowSet rows = select("SELECT ?x WHERE { ?x <" + EX + "booleanTrue> true ; <" + EX + "booleanFalse> false ; <"
                    + EX + "decimalTrailingZero> 1.50 ; <" + EX + "decimalOne> 1.0 ; <" + EX + "integer> 42 ; <"
                    + EX + "date> \"2025-02-09\"^^<" + XSD + "date> ; <" + EX + "gYear> \"2025\"^^<" + XSD + "gYear> }");
            assertEquals(List.of(LITERAL_SUBJECT), rows.stream().map(r -> r.get("x").getURI()).toList());
        }

        @ParameterizedTest
        @EnumSource(UpdateWay.class)
        void anUpdateOfHalfAMegabyteIsAcceptedOrRefusedAsTheQuirksSay(UpdateWay way) {
            String update = InteropData.halfAMegabyteUpdate(GRAPH_B);

            if (quirks().refusesHalfAMegabyteBy().contains(way)) {
                assertThrows(HttpException.class, () -> way.send(store, update));
                assertEquals(0, count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + GRAPH_B + "> { ?s ?p ?o } }"));
            } else {
                way.send(store, update);
                assertEquals(2500, count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + GRAPH_B + "> { ?s ?p ?o } }"));
            }
        }

        private void put(String graphName, Graph graph) {
            GSP.service(store.gspUrl()).graphName(graphName).PUT(graph);
        }

        /** {@link InteropData#LITERALS} with this store's alterations, in N-Triples form. */
        private Map<String, String> expectedLiterals(Map<String, String> alteredOnTheWayIn) {
            Map<String, String> expected = new LinkedHashMap<>(LITERALS);
            expected.putAll(alteredOnTheWayIn);
            expected.putAll(quirks().alteredInResults());
            return ntriples(expected);
        }

        /** The literals of the test subject in {@code graph} as N-Triples terms, by key, in {@link InteropData#LITERALS} order. */
        private Map<String, String> literalsIn(String graph) {
            Map<String, String> found = new LinkedHashMap<>();
            select("SELECT ?p ?o WHERE { GRAPH <" + graph + "> { <" + LITERAL_SUBJECT + "> ?p ?o } }").forEachRemaining(r ->
                    found.put(r.get("p").getURI().substring(EX.length()), NodeFmtLib.strNT(r.get("o"))));
            Map<String, String> ordered = new LinkedHashMap<>();
            LITERALS.keySet().stream().filter(found::containsKey).forEach(k -> ordered.put(k, found.get(k)));
            found.keySet().stream().filter(k -> !LITERALS.containsKey(k)).forEach(k -> ordered.put(k, found.get(k)));
            return ordered;
        }

        RowSet select(String query) {
            return QueryExecHTTP.service(store.queryUrl()).query(query).select().materialize();
        }

        long count(String query) {
            return ((Number) select(query).next().get("n").getLiteralValue()).longValue();
        }

        void assertIsomorphic(Graph expected, Graph actual) {
            assertTrue(expected.isIsomorphicWith(actual), () -> store.name() + ": expected\n" + expected + "\nbut got\n" + actual);
        }
    }
}
