package org.newsgraph.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsgraph.error.NewsgraphException;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.Annotator;
import org.newsgraph.read.Article;
import org.newsgraph.read.ReadResult;
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.IngestListener;
import org.newsgraph.store.IngestOutcome;
import org.newsgraph.store.IngestSummary;

/** Batches through a converter with a model-free annotator: skip by hash, replace, failures, events. */
class IngesterTest {

    private final GraphStore store = GraphStore.inMemory();
    private final AtomicInteger annotated = new AtomicInteger();
    private final Annotator counting = (text, date) -> {
        if (text.contains("BREAK")) {
            throw new IllegalStateException("annotator broke on purpose");
        }
        annotated.incrementAndGet();
        return new AnnotatedDocument(text, date, List.of(), List.of(), List.of(), List.of());
    };
    private final ArticleConverter converter = ArticleConverter.builder().annotator(counting).build();
    private final List<String> events = new ArrayList<>();
    private final IngestListener recorder = new IngestListener() {
        @Override
        public void converting(Article article) {
            events.add("converting " + article.id());
        }

        @Override
        public void ingested(Article article, IngestOutcome outcome, int triples, Duration took) {
            events.add(outcome.name().toLowerCase() + " " + article.id() + " " + triples);
        }

        @Override
        public void unchanged(Article article) {
            events.add("unchanged " + article.id());
        }

        @Override
        public void failed(String message, Throwable cause) {
            events.add("failed " + message + (cause == null ? "" : " (" + cause.getClass().getSimpleName() + ")"));
        }
    };
    private final Ingester ingester = Ingester.builder(store).converter(converter).listener(recorder).build();

    private static Article article(String id, String text) {
        return Article.of(id, LocalDate.of(2025, 2, 9), text);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Stream<ReadResult> batch(Article... articles) {
        return Stream.of(articles).map(ReadResult::success);
    }

    /**
     * The events about one article, in order: articles are converted on several threads, so
     * the events of different articles may interleave.
     */
    private List<String> eventsOf(String id) {
        return events.stream().filter(e -> e.matches(".*\\b" + id + "\\b.*")).toList();
    }

    private static Graph graph(List<Quad> quads) {
        Graph g = GraphFactory.createDefaultGraph();
        quads.forEach(q -> g.add(q.asTriple()));
        return g;
    }

    @Test
    void eachArticleGetsItsConvertedGraph() {
        Article a = article("a", "Jane Doe spoke.");
        Article b = article("b", "John Roe spoke.");

        IngestSummary summary = ingester.ingestAll(batch(a, b));

        assertEquals(new IngestSummary(2, 0, 0, 0, summary.elapsed()), summary);
        assertEquals(Set.of("a", "b"), store.articleIds());
        assertTrue(store.findArticleGraph("a").orElseThrow().isIsomorphicWith(graph(converter.convert(a))));
        int triples = converter.convert(a).size();
        assertEquals(List.of("converting a", "added a " + triples), eventsOf("a"));
        assertEquals(List.of("converting b", "added b " + triples), eventsOf("b"));
        assertEquals(4, events.size());
    }

    @Test
    void aSecondRunSkipsUnchangedArticlesWithoutConvertingThem() {
        Article a = article("a", "Jane Doe spoke.");
        Article b = article("b", "John Roe spoke.");
        ingester.ingestAll(batch(a, b));
        long triples = store.tripleCount();
        annotated.set(0);
        events.clear();

        IngestSummary again = ingester.ingestAll(batch(a, b));

        assertEquals(0, again.ingested());
        assertEquals(2, again.unchanged());
        assertEquals(0, annotated.get(), "nothing annotated");
        assertEquals(List.of("unchanged a", "unchanged b"), events);
        assertEquals(triples, store.tripleCount());
    }

    @Test
    void aChangedArticleIsConvertedAgainAndReplacesItsGraph() {
        Article a = article("a", "Jane Doe spoke.");
        ingester.ingestAll(batch(a));
        Article edited = new Article("a", a.date(), Optional.of("A headline"), a.url(), a.text(), "a.txt");

        IngestSummary summary = ingester.ingestAll(batch(edited));

        assertEquals(1, summary.replaced());
        assertEquals(Set.of("a"), store.articleIds());
        assertTrue(store.contains("a", edited.contentHash()));
        assertFalse(store.contains("a", a.contentHash()));
        assertTrue(store.findArticleGraph("a").orElseThrow().isIsomorphicWith(graph(converter.convert(edited))));
    }

    @Test
    void readAndConversionFailuresAreCountedAndTheOthersStillIngested() {
        Article good = article("good", "Jane Doe spoke.");
        Article stored = article("broken", "Jane Doe spoke.");
        ingester.ingestAll(batch(stored));
        Graph before = store.findArticleGraph("broken").orElseThrow();
        events.clear();
        Article breaking = new Article("broken", good.date(), good.title(), good.url(), "It will BREAK now.", "in/broken.txt");

        IngestSummary summary = ingester.ingestAll(Stream.of(
                ReadResult.failure("in/latin1.txt", "not UTF-8 text"),
                ReadResult.success(breaking),
                ReadResult.success(good)));

        assertEquals(new IngestSummary(1, 0, 0, 2, summary.elapsed()), summary);
        assertEquals("failed in/latin1.txt: not UTF-8 text", events.get(0), "read failures come first, as read");
        assertEquals(List.of("converting broken",
                "failed in/broken.txt: conversion failed: annotator broke on purpose (NewsgraphException)"), eventsOf("broken"));
        assertEquals(List.of("converting good", "added good " + converter.convert(good).size()), eventsOf("good"));
        assertEquals(5, events.size());
        assertTrue(store.findArticleGraph("broken").orElseThrow().isIsomorphicWith(before), "old graph kept");
    }

    @Test
    void ingestingOneArticleThrowsWithItsSourceWhenConversionFails() {
        Article breaking = new Article("x", Optional.empty(), Optional.empty(),
                Optional.empty(), "BREAK", "feed.jsonl:7");

        NewsgraphException e = assertThrows(NewsgraphException.class, () -> ingester.ingest(breaking));

        assertEquals("feed.jsonl:7: conversion failed: annotator broke on purpose", e.getMessage());
        assertEquals(IllegalStateException.class, e.getCause().getClass());
        assertEquals(Set.of(), store.articleIds());
    }

    @Test
    void readFailuresReachTheListenerWithoutAnException() {
        List<Throwable> causes = new ArrayList<>();
        Ingester quiet = Ingester.builder(store).converter(converter).listener(new IngestListener() {
            @Override
            public void failed(String message, Throwable cause) {
                causes.add(cause);
            }
        }).build();

        quiet.ingestAll(Stream.of(ReadResult.failure("a.txt", "empty")));

        assertEquals(1, causes.size());
        assertNull(causes.get(0));
    }

    @Test
    void aConvertedArticleIsStoredWhileTheNextIsStillConverting() {
        boolean[] firstVisible = {false};
        Annotator waitsForTheFirst = (text, date) -> {
            if (text.contains("SECOND")) {
                // Stored before this conversion ends, or never by then: no batch may hold it back.
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (!firstVisible[0] && System.nanoTime() < deadline) {
                    firstVisible[0] = store.articleIds().contains("first");
                    Thread.onSpinWait();
                }
            }
            return new AnnotatedDocument(text, date, List.of(), List.of(), List.of(), List.of());
        };
        Ingester oneThread = Ingester.builder(store).threads(1)
                .converter(ArticleConverter.builder().annotator(waitsForTheFirst).build()).build();

        IngestSummary summary = oneThread.ingestAll(batch(article("first", "The first."), article("second", "SECOND.")));

        assertTrue(firstVisible[0], "the first article was in the store while the second was being converted");
        assertEquals(2, summary.added());
    }
}
