package org.newsgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsgraph.store.StoreFixtures.article;
import static org.newsgraph.store.StoreFixtures.graphOf;
import static org.newsgraph.store.StoreFixtures.quads;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsgraph.error.NewsgraphException;
import org.newsgraph.error.StoreLockedException;
import org.newsgraph.read.Article;

/** The store's contract, with hand-made article graphs: replace, skip by hash, delete, reject, union, persist, lock. */
class GraphStoreTest {

    static final String PREFIXES = """
            PREFIX ng: <https://w3id.org/newsgraph/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX owl: <http://www.w3.org/2002/07/owl#>
            """;

    @TempDir
    Path tmp;

    private final List<GraphStore> opened = new ArrayList<>();

    @AfterEach
    void closeStores() {
        opened.forEach(GraphStore::close);
    }

    private GraphStore memory() {
        GraphStore store = GraphStore.inMemory();
        opened.add(store);
        return store;
    }

    private GraphStore onDisk(Path dir) {
        GraphStore store = GraphStore.open(dir);
        opened.add(store);
        return store;
    }

    /** Both kinds of store, for behaviour that must not depend on where the data lives. */
    static Stream<Arguments> stores() {
        Function<Path, GraphStore> memory = dir -> GraphStore.inMemory();
        Function<Path, GraphStore> disk = dir -> GraphStore.open(dir.resolve("db"));
        return Stream.of(Arguments.of("in memory", memory), Arguments.of("TDB2 on disk", disk));
    }

    private static Graph graph(List<Quad> quads) {
        Graph g = GraphFactory.createDefaultGraph();
        quads.forEach(q -> g.add(q.asTriple()));
        return g;
    }

    private static Set<String> select(GraphStore store, String query, String var) {
        return Txn.calculateRead(store.dataset(), () -> {
            Set<String> values = new TreeSet<>();
            try (QueryExec exec = QueryExec.dataset(store.dataset()).query(PREFIXES + query).build()) {
                RowSet rows = exec.select();
                rows.forEachRemaining(row -> {
                    Node n = row.get(var);
                    values.add(n.isLiteral() ? n.getLiteralLexicalForm() : n.getURI());
                });
            }
            return values;
        });
    }

    @Test
    void putStoresTheArticleAsItsOwnNamedGraph() {
        GraphStore store = memory();
        Article a = article("a", "Jane Doe spoke.");
        List<Quad> quads = quads(a, "Jane Doe");

        assertEquals(IngestOutcome.ADDED, store.put("a", a.contentHash(), quads));

        assertEquals(Set.of("a"), store.articleIds());
        assertEquals(quads.size(), store.tripleCount());
        Graph stored = store.findArticleGraph("a").orElseThrow();
        assertTrue(stored.isIsomorphicWith(graph(quads)));
        assertEquals(Optional.empty(), store.findArticleGraph("b"));
    }

    @Test
    void puttingTheSameArticleAgainReplacesItsGraphWithoutDuplicates() {
        GraphStore store = memory();
        Article a = article("a", "Jane Doe spoke.");
        store.put("a", a.contentHash(), quads(a, "Jane Doe"));
        long before = store.tripleCount();

        assertEquals(IngestOutcome.REPLACED, store.put("a", a.contentHash(), quads(a, "Jane Doe")));

        assertEquals(before, store.tripleCount());
        assertEquals(Set.of("a"), store.articleIds());
        long graphs = Txn.calculateRead(store.dataset(), () -> Iter.count(store.dataset().listGraphNodes()));
        assertEquals(2, graphs, "the article's graph and the ontology's");
    }

    @Test
    void changedContentReplacesTheGraphAndLeavesNoStaleTriples() {
        GraphStore store = memory();
        Article old = article("a", "Jane Doe spoke.");
        Article changed = article("a", "John Roe spoke.");
        store.put("a", old.contentHash(), quads(old, "Jane Doe", "Ann Moore"));

        assertEquals(IngestOutcome.REPLACED, store.put("a", changed.contentHash(), quads(changed, "John Roe")));

        assertTrue(store.findArticleGraph("a").orElseThrow().isIsomorphicWith(graph(quads(changed, "John Roe"))));
        assertEquals(Set.of("John Roe"), select(store, "SELECT ?name { ?p a ng:Person ; rdfs:label ?name }", "name"));
        assertEquals(Set.of(changed.contentHash()), select(store, "SELECT ?h { ?a ng:contentHash ?h }", "h"));
    }

    @Test
    void containsIsTrueOnlyForTheStoredContentHash() {
        GraphStore store = memory();
        Article a = article("a", "Jane Doe spoke.");
        Article edited = article("a", "Jane Doe spoke twice.");
        assertFalse(store.contains("a", a.contentHash()));

        store.put("a", a.contentHash(), quads(a));

        assertTrue(store.contains("a", a.contentHash()));
        assertFalse(store.contains("a", edited.contentHash()));
        assertFalse(store.contains("b", a.contentHash()));
        assertEquals(Optional.of(a.contentHash()), store.findContentHash("a"));
    }

    @Test
    void deleteRemovesOnlyThatArticleAndSaysWhetherItWasThere() {
        GraphStore store = memory();
        Article a = article("a", "Jane Doe spoke.");
        Article b = article("b", "John Roe spoke.");
        store.put("a", a.contentHash(), quads(a, "Jane Doe"));
        store.put("b", b.contentHash(), quads(b, "John Roe"));

        assertTrue(store.delete("a"));

        assertEquals(Set.of("b"), store.articleIds());
        assertEquals(quads(b, "John Roe").size(), store.tripleCount());
        assertFalse(store.contains("a", a.contentHash()));
        assertFalse(store.delete("a"));
        assertFalse(store.delete("never-stored"));
    }

    @Test
    void quadsOutsideTheArticleGraphAreRejectedAndNothingIsWritten() {
        GraphStore store = memory();
        Article a = article("a", "Jane Doe spoke.");
        Article changed = article("a", "John Roe spoke.");
        List<Quad> before = quads(a, "Jane Doe");
        store.put("a", a.contentHash(), before);
        List<Quad> stray = new ArrayList<>(quads(changed, "John Roe"));
        Node person = NodeFactory.createURI("https://w3id.org/newsgraph/person/john-roe");
        stray.add(Quad.create(graphOf("b"), person, RDFS.label.asNode(), NodeFactory.createLiteralString("J. Roe")));
        stray.add(Quad.create(Quad.defaultGraphIRI, person, RDFS.label.asNode(), NodeFactory.createLiteralString("Johnny")));

        NewsgraphException e = assertThrows(NewsgraphException.class, () -> store.put("a", changed.contentHash(), stray));

        assertTrue(e.getMessage().contains("article 'a': 2 of " + stray.size() + " quads are not in its graph"), e.getMessage());
        assertTrue(e.getMessage().contains("nothing was stored"), e.getMessage());
        assertEquals(Set.of("a"), store.articleIds());
        assertTrue(store.findArticleGraph("a").orElseThrow().isIsomorphicWith(graph(before)));
        assertEquals(Set.of(), select(store, "SELECT ?n { ?p rdfs:label ?n FILTER(?n IN (\"J. Roe\", \"Johnny\")) }", "n"));
    }

    @Test
    void aGraphThatDoesNotStateTheGivenContentHashIsRejected() {
        GraphStore store = memory();
        Article a = article("a", "Jane Doe spoke.");
        List<Quad> noHash = quads(a).stream().filter(q -> !q.getPredicate().getURI().endsWith("#contentHash")).toList();

        NewsgraphException missing = assertThrows(NewsgraphException.class, () -> store.put("a", a.contentHash(), noHash));
        NewsgraphException wrong = assertThrows(NewsgraphException.class, () -> store.put("a", "0".repeat(64), quads(a)));
        NewsgraphException otherId = assertThrows(NewsgraphException.class, () -> store.put("b", a.contentHash(), quads(a)));

        assertTrue(missing.getMessage().contains("contentHash"), missing.getMessage());
        assertTrue(wrong.getMessage().contains("contentHash"), wrong.getMessage());
        assertTrue(otherId.getMessage().contains("article 'b'"), otherId.getMessage());
        assertEquals(Set.of(), store.articleIds());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aQueryWithoutGraphSeesArticleFactsAndTheOntologyTogether(String kind, Function<Path, GraphStore> make) {
        GraphStore store = make.apply(tmp);
        opened.add(store);
        Article a = article("a", "Jane Doe spoke.");
        Article b = article("b", "John Roe spoke.");
        store.put("a", a.contentHash(), quads(a, "Jane Doe"));
        store.put("b", b.contentHash(), quads(b, "John Roe"));

        // Facts from two article graphs joined with the ontology's label of their class.
        Set<String> found = select(store, """
                SELECT ?row { ?p a ?class ; rdfs:label ?name . ?class a owl:Class ; rdfs:label ?classLabel .
                              BIND(CONCAT(?name, " is a ", ?classLabel) AS ?row) }""", "row");

        assertEquals(Set.of("Jane Doe is a person", "John Roe is a person"), found);
        assertTrue(Txn.calculateRead(store.dataset(), () -> store.dataset().getUnionGraph()
                .contains(NodeFactory.createURI(GraphStore.ONTOLOGY_GRAPH), Node.ANY, Node.ANY)));
    }

    @Test
    void theOntologyGraphIsNotAnArticle() {
        GraphStore store = memory();

        assertEquals(Set.of(), store.articleIds());
        assertEquals(0, store.tripleCount());
        Node ontology = NodeFactory.createURI(GraphStore.ONTOLOGY_GRAPH);
        long ontologyTriples = Txn.calculateRead(store.dataset(), () -> store.dataset().getGraph(ontology).size());
        assertTrue(ontologyTriples > 100, "ontology triples: " + ontologyTriples);
    }

    @Test
    void articleIdsThatNeedEscapingInIrisWorkLikeAnyOther() {
        GraphStore store = memory();
        Article a = article("2025/02 rally + march", "Jane Doe spoke.");

        store.put(a.id(), a.contentHash(), quads(a));

        assertEquals(Set.of("2025/02 rally + march"), store.articleIds());
        assertTrue(store.contains(a.id(), a.contentHash()));
        assertTrue(store.delete(a.id()));
    }

    @Test
    void aTdb2StoreKeepsItsArticlesAcrossCloseAndReopen() {
        Path dir = tmp.resolve("db");
        Article a = article("a", "Jane Doe spoke.");
        try (GraphStore store = GraphStore.open(dir)) {
            store.put("a", a.contentHash(), quads(a, "Jane Doe"));
        }

        GraphStore reopened = onDisk(dir);

        assertEquals(Set.of("a"), reopened.articleIds());
        assertTrue(reopened.contains("a", a.contentHash()));
        assertTrue(reopened.findArticleGraph("a").orElseThrow().isIsomorphicWith(graph(quads(a, "Jane Doe"))));
        assertEquals(Optional.of(dir.toAbsolutePath()), reopened.folder().map(Path::toAbsolutePath));
    }

    @Test
    void aFolderOpenInThisProcessCannotBeOpenedAgainUntilClosed() {
        Path dir = tmp.resolve("db");
        GraphStore first = GraphStore.open(dir);

        StoreLockedException e = assertThrows(StoreLockedException.class, () -> GraphStore.open(dir));
        assertTrue(e.getMessage().contains("already open in this process"), e.getMessage());

        first.close();
        onDisk(dir);
    }

    @Test
    void aFolderWithOtherFilesOrAPlainFileIsNotTakenForADatabase() throws IOException {
        Path notes = Files.createDirectories(tmp.resolve("notes"));
        Files.writeString(notes.resolve("a.txt"), "Jane Doe spoke.");
        Path file = Files.writeString(tmp.resolve("file.txt"), "x");

        NewsgraphException folder = assertThrows(NewsgraphException.class, () -> GraphStore.open(notes));
        NewsgraphException plain = assertThrows(NewsgraphException.class, () -> GraphStore.open(file));

        assertTrue(folder.getMessage().contains("holds files that are not a TDB2 database"), folder.getMessage());
        assertTrue(plain.getMessage().contains("is not a folder"), plain.getMessage());
        assertEquals(List.of(notes.resolve("a.txt")), Files.list(notes).toList(), "nothing was created in the folder");
    }

    @Test
    void aFolderInUseByAnotherProcessGivesAClearErrorAndIsFreeAfterwards() throws Exception {
        Path dir = tmp.resolve("db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("open 0", out.readLine(), "the other process opened the database");

        StoreLockedException e = assertThrows(StoreLockedException.class, () -> GraphStore.open(dir));

        assertTrue(e.getMessage().startsWith("database " + dir + " is in use by another newsgraph process (process "
                + holder.pid() + ")"), e.getMessage());
        holder.getOutputStream().close();
        assertTrue(holder.waitFor(30, TimeUnit.SECONDS), "the other process ended");
        assertEquals(0, holder.exitValue());
        assertEquals(Set.of(), onDisk(dir).articleIds());
    }
}
