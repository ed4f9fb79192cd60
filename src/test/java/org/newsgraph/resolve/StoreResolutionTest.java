package org.newsgraph.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsgraph.rdf.NG;
import org.newsgraph.store.GraphStore;

class StoreResolutionTest {

    private static final String NS = "https://w3id.org/newsgraph/";
    /** Three made-up articles: "Mara Quill" in a1, "Quill" alone in a2 (with a statement), "Otto Brann" in a3. */
    private static final String TRIG = """
            @prefix ng: <https://w3id.org/newsgraph/ontology#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix a: <https://w3id.org/newsgraph/article/> .
            @prefix p: <https://w3id.org/newsgraph/person/> .
            a:a1 { a:a1 a ng:Article ; ng:articleId "a1" ; ng:contentHash "1" .
                   p:mara-quill a ng:Person ; rdfs:label "Mara Quill" . }
            a:a2 { a:a2 a ng:Article ; ng:articleId "a2" ; ng:contentHash "2" .
                   p:quill a ng:Person ; rdfs:label "Quill" .
                   <https://w3id.org/newsgraph/article/a2/statement/1> a ng:Statement ; ng:attributedTo p:quill ;
                     ng:text "the port will open" . }
            a:a3 { a:a3 a ng:Article ; ng:articleId "a3" ; ng:contentHash "3" .
                   p:otto-brann a ng:Person ; rdfs:label "Otto Brann" . }
            """;

    private GraphStore store;

    @BeforeEach
    void load() {
        store = GraphStore.inMemory();
        DatasetGraph data = DatasetGraphFactory.create();
        RDFParser.fromString(TRIG, Lang.TRIG).parse(data);
        Txn.executeWrite(store.dataset(), () -> data.find().forEachRemaining(store.dataset()::add));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Set<String> graph(String article) {
        Node g = NodeFactory.createURI(NS + "article/" + article);
        return Txn.calculateRead(store.dataset(), () -> {
            Set<String> out = new TreeSet<>();
            store.dataset().find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(
                    q -> out.add(q.getSubject().getLocalName() + " " + q.getPredicate().getLocalName() + " " + q.getObject()));
            return out;
        });
    }

    @Test
    void aMergeRewritesTheArticleKeepsTheOtherNameAndRecordsItself() {
        Set<String> before = graph("a2");
        StoreResolution.Outcome outcome = StoreResolution.run(store, MergeRules.none(), false);
        assertEquals(1, outcome.merges().size());
        assertEquals(1, outcome.graphs());
        Set<String> after = graph("a2");
        assertTrue(after.contains(" attributedTo " + NS + "person/mara-quill"), after.toString());
        assertTrue(after.contains("mara-quill label \"Mara Quill\"") && after.contains("mara-quill altLabel \"Quill\""), after.toString());
        assertTrue(after.stream().noneMatch(t -> t.contains("person/quill") || t.startsWith("quill ")), after.toString());
        long records = Txn.calculateRead(store.dataset(), () -> store.dataset().stream(
                NodeFactory.createURI(StoreResolution.RECORD_GRAPH), Node.ANY, Node.ANY, NG.Merge.asNode()).count());
        assertEquals(1, records);
        assertFalse(before.equals(after));
    }

    @Test
    void runningAgainFindsNothingNew() {
        StoreResolution.run(store, MergeRules.none(), false);
        Set<String> once = graph("a2");
        StoreResolution.Outcome again = StoreResolution.run(store, MergeRules.none(), false);
        assertEquals(List.of(), again.merges());
        assertEquals(once, graph("a2"));
    }

    @Test
    void aRuleForbiddingAMadeMergeUndoesItExactly() {
        Set<String> before = graph("a2");
        StoreResolution.run(store, MergeRules.none(), false);
        StoreResolution.Outcome undo = StoreResolution.run(store,
                MergeRules.parse(List.of("forbid\tQuill\tMara Quill"), "rules.tsv"), false);
        assertEquals(1, undo.undone());
        assertEquals(List.of(), undo.merges());
        assertEquals(before, graph("a2"));
        assertEquals(Set.of("a1 articleId \"a1\"", "a1 contentHash \"1\"", "a1 type " + NG.Article.getURI(),
                "mara-quill label \"Mara Quill\"", "mara-quill type " + NG.Person.getURI()), graph("a1"));
        long records = Txn.calculateRead(store.dataset(), () -> store.dataset().stream(
                NodeFactory.createURI(StoreResolution.RECORD_GRAPH), Node.ANY, Node.ANY, Node.ANY).count());
        assertEquals(0, records);
    }

    @Test
    void aDryRunChangesNothing() {
        Set<String> before = graph("a2");
        assertEquals(1, StoreResolution.run(store, MergeRules.none(), true).merges().size());
        assertEquals(before, graph("a2"));
    }

    @Test
    void aPersonNeverJoinsAnotherFullName() {
        StoreResolution.run(store, MergeRules.none(), false);
        assertTrue(graph("a3").contains("otto-brann label \"Otto Brann\""));
        assertTrue(graph("a1").contains("mara-quill label \"Mara Quill\""));
    }
}
