package org.newsgraph.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.newsgraph.error.ArticleTooLongException;
import org.newsgraph.error.BadInputException;
import org.newsgraph.error.NlpTimeoutException;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.Annotator;
import org.newsgraph.read.Article;
import org.newsgraph.read.ReadResult;

/**
 * The budget of one article's NLP with annotators that need no models and behave as CoreNLP
 * does on a huge article: one that runs until interrupted, one that ignores interrupts, one that
 * takes an interrupt as the end of a sentence only. The article fails; the next one goes on.
 */
@Timeout(30)
class NlpBudgetTest {

    private final AtomicInteger annotated = new AtomicInteger();

    /**
     * Runs until interrupted on "ENDLESS", as CoreNLP does on a book; on "DEAF" for 600 ms
     * whatever happens; on "NER" it takes the first interrupt as the end of a sentence and goes
     * on until the next. Every other article sleeps 20 ms, which an interrupt left over would
     * break.
     */
    private final Annotator annotator = (text, date) -> {
        annotated.incrementAndGet();
        if (text.contains("ENDLESS")) {
            spinUntilInterrupted();
            throw new IllegalStateException("stopped by an interrupt");
        } else if (text.contains("DEAF")) {
            long end = System.nanoTime() + 600_000_000L;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
        } else if (text.contains("NER")) {
            spinUntilInterrupted(); // swallowed, as CoreNLP's NER does within a sentence
            spinUntilInterrupted();
            throw new IllegalStateException("stopped by a second interrupt");
        } else {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new IllegalStateException("an interrupt was left over from an earlier article", e);
            }
        }
        return new AnnotatedDocument(text, date, List.of(), List.of(), List.of(), List.of());
    };

    private static void spinUntilInterrupted() {
        while (!Thread.interrupted()) {
            Thread.onSpinWait();
        }
    }

    private static Article article(String id, String text) {
        return new Article(id, Optional.of(LocalDate.of(2025, 2, 9)), Optional.empty(), Optional.empty(), text,
                "in/" + id + ".txt");
    }

    /** The batch on one thread, so that the article after a stopped one runs on the same thread. */
    private List<String> convert(NlpBudget budget, Article... articles) {
        List<String> heard = new ArrayList<>();
        ArticleConverter converter = ArticleConverter.builder().annotator(annotator).budget(budget).build();
        ParallelConverter.builder().converter(converter).threads(1).build().run(
                Stream.of(articles).map(ReadResult::success), new RdfStreamSink(new StreamRDFBase(),
                        new RdfStreamSink.Listener() {
                            @Override
                            public void converted(Article article, int quads, long nanos) {
                                heard.add("converted " + article.id());
                            }

                            @Override
                            public void failed(String message, RuntimeException cause) {
                                heard.add(message);
                            }
                        }));
        return heard;
    }

    @Test
    void anArticleTooLongForTheNlpFailsNamingItWithoutAnyNlpAndTheOthersGoOn() {
        NlpBudget budget = new NlpBudget(200_000, Duration.ofSeconds(120));
        Article book = article("book", "Words and more words. ".repeat(86_364)); // 1,900,008 characters

        List<String> heard = convert(budget, article("before", "The council met."), book, article("after", "The mayor spoke."));

        assertEquals(List.of("converted before", "in/book.txt: conversion failed: too long for the NLP: 1,900,008 characters,"
                + " the limit is 200,000; split it, or raise the limit (--max-nlp-chars)", "converted after"), heard);
        assertEquals(2, annotated.get(), "the NLP never saw the long article");
    }

    @Test
    void anArticleOfExactlyTheLimitIsConverted() {
        assertEquals(List.of("converted edge"), convert(new NlpBudget(10, Duration.ofSeconds(5)), article("edge", "0123456789")));
    }

    @Test
    void anArticleOverTimeIsInterruptedAndFailsAndTheNextIsConvertedOnTheSameThread() {
        long start = System.nanoTime();

        List<String> heard = convert(new NlpBudget(200_000, Duration.ofMillis(300)),
                article("endless", "It goes on ENDLESS."), article("after", "The mayor spoke."));

        assertEquals(List.of("in/endless.txt: conversion failed: NLP took longer than 0.3 s, the limit for one article;"
                + " skipped (raise the limit with --nlp-timeout)", "converted after"), heard);
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "stopped soon after the limit");
    }

    @Test
    void anInterruptTakenAsTheEndOfOneSentenceIsSentAgain() {
        long start = System.nanoTime();

        List<String> heard = convert(new NlpBudget(200_000, Duration.ofMillis(200)), article("ner", "NER swallows one."),
                article("after", "The mayor spoke."));

        assertEquals(2, heard.size(), heard.toString());
        assertTrue(heard.get(0).startsWith("in/ner.txt: conversion failed: NLP took longer than 0.2 s"), heard.get(0));
        assertEquals("converted after", heard.get(1));
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "stopped by the repeated interrupt");
    }

    @Test
    void workThatIgnoresTheInterruptStillFailsWhenItEndsAndLeavesNoInterruptBehind() {
        ArticleConverter converter = ArticleConverter.builder().annotator(annotator)
                .budget(new NlpBudget(200_000, Duration.ofMillis(100))).build();

        NlpTimeoutException e = assertThrows(NlpTimeoutException.class, () -> converter.extract(article("deaf", "DEAF to it.")));

        assertEquals("NLP took longer than 0.1 s, the limit for one article; skipped (raise the limit with --nlp-timeout)",
                e.getMessage());
        assertFalse(Thread.currentThread().isInterrupted(), "the calling thread is clear of the interrupt");
        assertEquals(1, converter.convert(article("next", "The mayor spoke.")).stream().map(Quad::getGraph).distinct().count());
    }

    @Test
    void theCauseOfAStoppedArticleIsWhatTheInterruptMadeTheNlpThrow() {
        ArticleConverter converter = ArticleConverter.builder().annotator(annotator)
                .budget(new NlpBudget(200_000, Duration.ofMillis(100))).build();

        NlpTimeoutException e = assertThrows(NlpTimeoutException.class, () -> converter.extract(article("e", "ENDLESS.")));

        assertEquals("stopped by an interrupt", assertInstanceOf(IllegalStateException.class, e.getCause()).getMessage());
    }

    @Test
    void aTooLongArticleIsBadInputAndABudgetOfNothingIsRefused() {
        ArticleTooLongException e = assertThrows(ArticleTooLongException.class,
                () -> new NlpBudget(5, Duration.ofSeconds(1)).checkLength(article("long", "123456")));
        assertInstanceOf(BadInputException.class, e);
        assertThrows(BadInputException.class, () -> new NlpBudget(0, Duration.ofSeconds(1)));
        assertThrows(BadInputException.class, () -> new NlpBudget(10, Duration.ZERO));
    }
}
