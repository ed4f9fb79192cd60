package org.newsgraph.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.newsgraph.error.NewsgraphException;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.Annotator;
import org.newsgraph.read.Article;
import org.newsgraph.read.ReadResult;

/** The batch runner with an annotator that needs no models: threads, bounds, failures, skips. */
class ParallelConverterTest {

    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final Set<String> threadNames = ConcurrentHashMap.newKeySet();

    /** Takes a little time per article, so that threads overlap; fails on "BREAK". */
    private final Annotator slow = (text, date) -> {
        threadNames.add(Thread.currentThread().getName());
        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running.decrementAndGet();
        if (text.contains("BREAK")) {
            throw new IllegalStateException("annotator broke on purpose");
        }
        return new AnnotatedDocument(text, date, List.of(), List.of(), List.of(), List.of());
    };
    private final ArticleConverter converter = ArticleConverter.builder().annotator(slow).build();

    private static Article article(int i) {
        return Article.of("a" + i, LocalDate.of(2025, 2, 9), "Article number " + i + ".");
    }

    /** Records what the sink hears, and checks it is only ever called from the caller's thread. */
    private class Recorder implements ParallelConverter.Sink {
        final Thread caller = Thread.currentThread();
        final List<String> converted = new ArrayList<>();
        final List<String> failed = new ArrayList<>();
        final List<Quad> quads = new ArrayList<>();
        int inFlight;
        int mostInFlight;

        @Override
        public boolean accept(Article article) {
            assertSame(caller, Thread.currentThread());
            if (article.id().equals("a3")) {
                return false;
            }
            inFlight++;
            mostInFlight = Math.max(mostInFlight, inFlight);
            return true;
        }

        @Override
        public void converted(Article article, List<Quad> q, long nanos) {
            assertSame(caller, Thread.currentThread());
            inFlight--;
            converted.add(article.id());
            quads.addAll(q);
        }

        @Override
        public void failed(Article article, RuntimeException error) {
            assertSame(caller, Thread.currentThread());
            inFlight--;
            failed.add(article.source() + ": " + error.getMessage());
        }

        @Override
        public void unreadable(ReadResult.Failure failure) {
            assertSame(caller, Thread.currentThread());
            failed.add(failure.message());
        }
    }

    @Test
    void everyArticleIsConvertedOnTheWorkerThreadsAndHandedToTheCallerThread() {
        Recorder sink = new Recorder();

        ParallelConverter.builder().converter(converter).threads(3).build()
                .run(IntStream.range(0, 20).mapToObj(i -> ReadResult.success(article(i))), sink);

        Set<String> expected = new TreeSet<>();
        IntStream.range(0, 20).filter(i -> i != 3).forEach(i -> expected.add("a" + i));
        assertEquals(expected, new TreeSet<>(sink.converted), "all but the skipped a3, each once");
        assertEquals(19, sink.converted.size());
        assertEquals(3, mostAtOnce.get(), "three articles annotated at once");
        assertTrue(threadNames.stream().allMatch(n -> n.startsWith("newsgraph-convert-")), threadNames.toString());
        List<Quad> one = new ArrayList<>();
        IntStream.range(0, 20).filter(i -> i != 3).forEach(i -> one.addAll(converter.convert(article(i))));
        assertEquals(new java.util.HashSet<>(one), new java.util.HashSet<>(sink.quads), "the same quads as one by one");
    }

    @Test
    void atMostTwiceTheThreadsAreInFlight() {
        Recorder sink = new Recorder();

        ParallelConverter.builder().converter(converter).threads(2).build()
                .run(IntStream.range(0, 30).mapToObj(i -> ReadResult.success(article(i))), sink);

        // 2 × 2 in flight, and the one just accepted waiting for a free slot.
        assertTrue(sink.mostInFlight <= 2 * 2 + 1, "read ahead is bounded, was " + sink.mostInFlight);
        assertTrue(sink.mostInFlight >= 2, "and reads ahead, was " + sink.mostInFlight);
        assertEquals(29, sink.converted.size());
    }

    @Test
    void aFailingArticleIsReportedAndTheOthersGoOn() {
        Recorder sink = new Recorder();
        Article broken = new Article("broken", java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), "It will BREAK now.", "in/broken.txt");

        ParallelConverter.builder().converter(converter).threads(2).build().run(Stream.of(
                ReadResult.success(article(1)), ReadResult.failure("in/latin1.txt", "not UTF-8 text"),
                ReadResult.success(broken), ReadResult.success(article(2))), sink);

        assertEquals(Set.of("a1", "a2"), Set.copyOf(sink.converted));
        assertEquals(Set.of("in/latin1.txt: not UTF-8 text", "in/broken.txt: annotator broke on purpose"),
                Set.copyOf(sink.failed));
    }

    @Test
    void anExceptionFromTheSinkStopsTheBatch() {
        AtomicInteger handed = new AtomicInteger();
        ParallelConverter.Sink throwing = new ParallelConverter.Sink() {
            @Override
            public void converted(Article article, List<Quad> quads, long nanos) {
                handed.incrementAndGet();
                throw new NewsgraphException("disk full");
            }

            @Override
            public void failed(Article article, RuntimeException error) {
            }

            @Override
            public void unreadable(ReadResult.Failure failure) {
            }
        };
        ParallelConverter batch = ParallelConverter.builder().converter(converter).threads(2).build();

        NewsgraphException e = assertThrows(NewsgraphException.class,
                () -> batch.run(IntStream.range(0, 50).mapToObj(i -> ReadResult.success(article(i))), throwing));

        assertEquals("disk full", e.getMessage());
        assertEquals(1, handed.get());
    }

    @Test
    void aConverterMadeOnFirstNeedIsNotMadeWhenEveryArticleIsSkipped() {
        AtomicInteger made = new AtomicInteger();
        Recorder sink = new Recorder() {
            @Override
            public boolean accept(Article article) {
                return false;
            }
        };

        ParallelConverter.builder().converter(() -> {
            made.incrementAndGet();
            return converter;
        }).threads(2).build().run(IntStream.range(0, 5).mapToObj(i -> ReadResult.success(article(i))), sink);

        assertEquals(0, made.get());
        assertEquals(List.of(), sink.converted);
    }

    @Test
    void zeroThreadsIsAnError() {
        NewsgraphException e = assertThrows(NewsgraphException.class, () -> ParallelConverter.builder().threads(0));
        assertEquals("threads must be at least 1, not 0", e.getMessage());
    }
}
