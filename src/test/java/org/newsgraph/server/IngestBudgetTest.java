package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsgraph.server.ServerFixtures.PASSWORD;
import static org.newsgraph.server.ServerFixtures.USER;
import static org.newsgraph.server.ServerFixtures.request;
import static org.newsgraph.server.ServerFixtures.send;
import static org.newsgraph.server.ServerFixtures.withCredentials;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.Annotator;
import org.newsgraph.pipeline.ArticleConverter;
import org.newsgraph.pipeline.Ingester;
import org.newsgraph.pipeline.NlpBudget;
import org.newsgraph.store.GraphStore;

/**
 * {@code POST /news/ingest} with an NLP budget of 1,000 characters and 0.5 s, and an annotator
 * without models that runs until interrupted on "ENDLESS": an article over either limit gets a
 * one-line error and is not stored, and the server goes on taking articles.
 */
@Timeout(60)
class IngestBudgetTest {

    /** Counted down when the endless annotation is interrupted. */
    private static volatile java.util.concurrent.CountDownLatch interrupted = new java.util.concurrent.CountDownLatch(1);

    private static final Annotator ENDLESS_OR_NONE = (text, date) -> {
        if (text.contains("ENDLESS")) {
            while (!Thread.interrupted()) {
                Thread.onSpinWait();
            }
            interrupted.countDown();
            throw new IllegalStateException("stopped by an interrupt");
        }
        return new AnnotatedDocument(text, date, List.of(), List.of(), List.of(), List.of());
    };

    private GraphStore store;
    private NewsServer server;

    @BeforeEach
    void start() {
        start(Duration.ofMillis(500));
    }

    private void start(Duration timeLimit) {
        interrupted = new java.util.concurrent.CountDownLatch(1);
        store = GraphStore.inMemory();
        ArticleConverter converter = ArticleConverter.builder().annotator(ENDLESS_OR_NONE)
                .budget(new NlpBudget(1000, timeLimit)).build();
        server = NewsServer.builder().store(store).ingester(Ingester.builder(store).converter(converter).build())
                .port(0).password(Optional.of(PASSWORD)).build().start();
    }

    @AfterEach
    void stop() {
        server.stop();
        store.close();
    }

    private HttpResponse<String> post(String id, String text) {
        return send(withCredentials(request(server, "/news/ingest?id=" + id), USER, PASSWORD)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(text)));
    }

    @Test
    void aClientThatGoesAwayStopsItsArticlesNlpLongBeforeTheTimeLimit() throws Exception {
        server.stop();
        store.close();
        start(Duration.ofSeconds(60));
        String text = "It goes on ENDLESS.";
        String auth = java.util.Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        long closed;
        try (RawHttp client = RawHttp.connect("127.0.0.2", server.port())) {
            client.send("POST /news/ingest?id=gone HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + auth
                    + "\r\nContent-Type: text/plain\r\nContent-Length: " + text.length() + "\r\n\r\n" + text);
            Thread.sleep(1000);
            assertEquals(1, interrupted.getCount(), "the NLP still runs while its client waits");
            closed = System.nanoTime();
        }
        assertTrue(interrupted.await(5, java.util.concurrent.TimeUnit.SECONDS), "the NLP was interrupted");
        long after = (System.nanoTime() - closed) / 1_000_000;
        assertTrue(after < 2000, "stopped " + after + " ms after the client left, with 60 s allowed");
        assertEquals(201, post("next", "The mayor spoke.").statusCode());
        assertEquals(java.util.Set.of("next"), store.articleIds(), "nothing of the abandoned article is stored");
    }

    @Test
    void anArticleTooLongForTheNlpAnswers413NamingTheLimit() {
        HttpResponse<String> r = post("book", "Words and more words. ".repeat(100));

        assertEquals(413, r.statusCode(), r.body());
        assertEquals("POST /news/ingest: conversion failed: too long for the NLP: 2,199 characters, the limit is 1,000;"
                + " split it, or raise the limit (--max-nlp-chars)", r.body().strip());
        assertFalse(store.articleIds().contains("book"));
    }

    @Test
    void anArticleOverTimeAnswers422AndTheServerGoesOn() {
        long start = System.nanoTime();
        HttpResponse<String> r = post("endless", "It goes on ENDLESS.");
        long took = System.nanoTime() - start;
        HttpResponse<String> next = post("next", "The mayor spoke.");

        assertEquals(422, r.statusCode(), r.body());
        assertEquals("POST /news/ingest: conversion failed: NLP took longer than 0.5 s, the limit for one article;"
                + " skipped (raise the limit with --nlp-timeout)", r.body().strip());
        assertTrue(took < 5_000_000_000L, "answered soon after the limit, in " + took / 1_000_000 + " ms");
        assertEquals(201, next.statusCode(), next.body());
        assertEquals(java.util.Set.of("next"), store.articleIds());
    }
}
