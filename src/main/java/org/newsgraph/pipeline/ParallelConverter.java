package org.newsgraph.pipeline;

import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.error.BadInputException;
import org.newsgraph.error.NewsgraphException;
import org.newsgraph.read.Article;
import org.newsgraph.read.ReadResult;

/**
 * Converts a batch of articles on several threads with one shared {@link ArticleConverter}
 * (CoreNLP's pipeline is safe to share, see CoreNlpAnnotator, and the models are loaded once) and hands each
 * article's quads to a {@link Sink} as soon as it is done, in the order the articles finish.
 *
 * <p>Every {@link Sink} call happens on the thread that called {@link #run}, so a sink needs no
 * locking: a file writer or a store write transaction stays on one thread. At most
 * {@code 2 × threads} articles are read and not yet handed over, so memory stays flat however
 * long the batch.
 *
 * <pre>{@code
 * ParallelConverter batch = ParallelConverter.builder().converter(converter).threads(4).build();
 * try (Stream<ReadResult> articles = ArticleReader.create().read(paths)) {
 *     batch.run(articles, sink);
 * }
 * }</pre>
 *
 * Immutable after {@link Builder#build()}; each {@link #run} has its own worker threads.
 */
public final class ParallelConverter {

    private final Supplier<ArticleConverter> converter;
    private final int threads;

    private ParallelConverter(Builder b) {
        this.converter = b.converter;
        this.threads = b.threads;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The number of worker threads. */
    public int threads() {
        return threads;
    }

    /** Where the articles of a batch go; called on the thread that runs the batch, never concurrently. */
    public interface Sink {

        /**
         * Whether {@code article} should be converted; {@code false} skips it (for example an
         * article a store holds unchanged). Called before its conversion starts.
         */
        default boolean accept(Article article) {
            return true;
        }

        /** {@code article} was converted into {@code quads}, its whole graph, in {@code nanos}. */
        void converted(Article article, List<Quad> quads, long nanos);

        /** {@code article} could not be converted; the batch goes on. */
        void failed(Article article, RuntimeException error);

        /** An input could not be read; the batch goes on. */
        void unreadable(ReadResult.Failure failure);

        /**
         * No converted article is waiting: the batch is about to wait for the workers. A sink
         * that holds articles back (to write several at once) writes them now, so none waits
         * on the next conversion.
         */
        default void idle() {
        }
    }

    /**
     * Converts every article of {@code results} and reports each to {@code sink}. A failure of
     * one article is reported and the others go on; an exception thrown by the sink stops the
     * batch (the workers are stopped) and is rethrown.
     */
    public void run(Stream<ReadResult> results, Sink sink) {
        Objects.requireNonNull(sink, "sink");
        int inFlightLimit = 2 * threads;
        // Each finished article waits here for the caller; as many slots as articles in flight,
        // so a worker never blocks on it.
        BlockingQueue<Done> done = new ArrayBlockingQueue<>(inFlightLimit);
        ExecutorService workers = Executors.newFixedThreadPool(threads, new Workers());
        int inFlight = 0;
        try {
            Iterator<ReadResult> it = results.iterator();
            while (it.hasNext()) {
                ReadResult result = it.next();
                if (result instanceof ReadResult.Failure f) {
                    sink.unreadable(f);
                } else if (result instanceof ReadResult.Success s && sink.accept(s.article())) {
                    while (inFlight >= inFlightLimit) {
                        hand(next(done, sink), sink);
                        inFlight--;
                    }
                    Article article = s.article();
                    workers.execute(() -> done.add(convert(article)));
                    inFlight++;
                }
                for (Done d = done.poll(); d != null; d = done.poll()) {
                    hand(d, sink);
                    inFlight--;
                }
            }
            for (; inFlight > 0; inFlight--) {
                hand(next(done, sink), sink);
            }
            sink.idle();
        } finally {
            workers.shutdownNow();
        }
    }

    private Done convert(Article article) {
        long start = System.nanoTime();
        try {
            return new Done(article, converter.get().convert(article), null, System.nanoTime() - start);
        } catch (RuntimeException e) {
            return new Done(article, null, e, System.nanoTime() - start);
        } catch (Error e) {
            // An OutOfMemoryError in one article must not leave the caller waiting for it forever.
            return new Done(article, null, new NewsgraphException(e.toString(), e), System.nanoTime() - start);
        }
    }

    private static void hand(Done d, Sink sink) {
        if (d.error != null) {
            sink.failed(d.article, d.error);
        } else {
            sink.converted(d.article, d.quads, d.nanos);
        }
    }

    /** The next finished article; the sink hears it is idle first when none is ready. */
    private static Done next(BlockingQueue<Done> done, Sink sink) {
        Done d = done.poll();
        if (d != null) {
            return d;
        }
        sink.idle();
        try {
            return done.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NewsgraphException("interrupted while converting articles", e);
        }
    }

    /** One article's result: its quads, or the error that stopped it. */
    private record Done(Article article, List<Quad> quads, RuntimeException error, long nanos) {
    }

    private static final class Workers implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "newsgraph-convert-" + count.incrementAndGet());
            t.setDaemon(true); // a batch stopped by an exception must not keep the JVM alive
            return t;
        }
    }

    /**
     * {@code threads}, when it is a thread count: at least 1.
     *
     * @throws NewsgraphException when it is not
     */
    public static int requireThreads(int threads) {
        if (threads < 1) {
            throw new BadInputException("threads must be at least 1, not " + threads);
        }
        return threads;
    }

    /** Options of a batch; all have defaults. */
    public static final class Builder {
        private Supplier<ArticleConverter> converter;
        private int threads = Runtime.getRuntime().availableProcessors();

        private Builder() {
            // The default converter loads CoreNLP: only when a first article needs it.
            converter(() -> ArticleConverter.builder().build());
        }

        /** The converter the threads share; default: {@code ArticleConverter.builder().build()}, made on first need. */
        public Builder converter(ArticleConverter converter) {
            Objects.requireNonNull(converter, "converter");
            this.converter = () -> converter;
            return this;
        }

        /**
         * A converter made by {@code make} when the first article needs converting, so that a batch
         * whose articles are all skipped loads no NLP models. {@code make} is called at most once.
         */
        public Builder converter(Supplier<ArticleConverter> make) {
            Objects.requireNonNull(make, "make");
            this.converter = Lazy.of(make);
            return this;
        }

        /** How many articles are converted at once; default: the number of processors. */
        public Builder threads(int threads) {
            this.threads = requireThreads(threads);
            return this;
        }

        public ParallelConverter build() {
            return new ParallelConverter(this);
        }
    }
}
