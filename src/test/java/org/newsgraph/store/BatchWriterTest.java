package org.newsgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsgraph.store.StoreFixtures.article;
import static org.newsgraph.store.StoreFixtures.quads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsgraph.read.Article;

/** Several articles to a transaction: when they are written, what is reported, and a bad one among good ones. */
class BatchWriterTest {

    private final GraphStore store = GraphStore.inMemory();
    private final List<String> heard = new ArrayList<>();
    private final BatchWriter.Callback<String> recorder = new BatchWriter.Callback<>() {
        @Override
        public void stored(String item, ArticleGraph graph, IngestOutcome outcome) {
            heard.add(outcome.name().toLowerCase() + " " + item);
        }

        @Override
        public void failed(String item, ArticleGraph graph, RuntimeException error) {
            heard.add("failed " + item + ": " + error.getMessage());
        }
    };

    @AfterEach
    void close() {
        store.close();
    }

    private static ArticleGraph graph(String id, String... persons) {
        Article a = article(id, "Text of " + id + ".");
        return new ArticleGraph(a.id(), a.contentHash(), quads(a, persons));
    }

    private BatchWriter<String> writer(int maxArticles) {
        return BatchWriter.<String>builder(store).maxArticles(maxArticles).maxWait(Duration.ofHours(1)).build();
    }

    @Test
    void articlesWaitForTheFlushAndAreReportedOnlyOnceStored() {
        BatchWriter<String> writer = writer(10);
        for (String id : List.of("a1", "a2", "a3")) {
            writer.add(id, graph(id, "Ada Brook"), recorder);
        }
        assertEquals(3, writer.pending());
        assertEquals(Set.of(), store.articleIds(), "nothing is written before the flush");
        assertEquals(List.of(), heard, "nothing is reported before it is stored");

        writer.flush();

        assertEquals(0, writer.pending());
        assertEquals(Set.of("a1", "a2", "a3"), store.articleIds());
        assertEquals(List.of("added a1", "added a2", "added a3"), heard);
    }

    @Test
    void aFullBatchIsWrittenWithoutWaitingForTheFlush() {
        BatchWriter<String> writer = writer(2);
        writer.add("a1", graph("a1"), recorder);
        writer.add("a2", graph("a2"), recorder);
        writer.add("a3", graph("a3"), recorder);

        assertEquals(Set.of("a1", "a2"), store.articleIds());
        assertEquals(List.of("added a1", "added a2"), heard);
        assertEquals(1, writer.pending());
    }

    @Test
    void aBatchHoldsNoMoreQuadsThanAllowed() {
        BatchWriter<String> writer = BatchWriter.<String>builder(store).maxQuads(10).maxWait(Duration.ofHours(1)).build();
        writer.add("a1", graph("a1", "Ada Brook"), recorder); // 6 quads
        assertEquals(Set.of(), store.articleIds());
        writer.add("a2", graph("a2", "Cy Dunn"), recorder); // 12 in all: over the limit

        assertEquals(Set.of("a1", "a2"), store.articleIds());
    }

    @Test
    void noArticleWaitsLongerThanTheLongestWait() {
        BatchWriter<String> writer = BatchWriter.<String>builder(store).maxWait(Duration.ZERO).build();
        writer.add("a1", graph("a1"), recorder);

        assertEquals(Set.of("a1"), store.articleIds());
        assertEquals(0, writer.pending());
    }

    @Test
    void aBadArticleFailsAloneAndTheRestOfItsBatchIsStored() {
        BatchWriter<String> writer = writer(10);
        Article bad = article("bad", "Text of bad.");
        List<Quad> stray = new ArrayList<>(quads(bad));
        stray.add(Quad.create(StoreFixtures.graphOf("elsewhere"), StoreFixtures.graphOf("bad"), RDFS.label.asNode(),
                NodeFactory.createLiteralString("stray")));
        writer.add("a1", graph("a1"), recorder);
        writer.add("bad", new ArticleGraph("bad", bad.contentHash(), stray), recorder);
        writer.add("a2", graph("a2"), recorder);

        writer.flush();

        assertEquals(Set.of("a1", "a2"), store.articleIds());
        assertEquals(3, heard.size(), heard.toString());
        assertEquals("added a1", heard.get(0));
        assertTrue(heard.get(1).startsWith("failed bad: article 'bad': 1 of 4 quads are not in its graph"), heard.get(1));
        assertEquals("added a2", heard.get(2));
    }

    @Test
    void anArticleStoredBeforeIsReplacedByItsNewGraph() {
        store.put("a1", graph("a1", "Ada Brook").contentHash(), graph("a1", "Ada Brook").quads());
        BatchWriter<String> writer = writer(10);
        ArticleGraph changed = graph("a1", "Cy Dunn");
        writer.add("a1", changed, recorder);
        writer.add("a2", graph("a2"), recorder);

        writer.flush();

        assertEquals(List.of("replaced a1", "added a2"), heard);
        Graph expected = GraphFactory.createDefaultGraph();
        changed.quads().forEach(q -> expected.add(q.asTriple()));
        assertTrue(store.findArticleGraph("a1").orElseThrow().isIsomorphicWith(expected), "only the new graph is left");
    }
}
