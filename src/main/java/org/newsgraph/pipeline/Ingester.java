package org.newsgraph.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.error.NewsgraphException;
import org.newsgraph.read.Article;
import org.newsgraph.read.ReadResult;
import org.newsgraph.store.BatchWriter;
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.IngestListener;
import org.newsgraph.store.IngestOutcome;
import org.newsgraph.store.IngestSink;
import org.newsgraph.store.IngestSummary;
import org.newsgraph.store.StoreWriteException;

/**
 * Runs articles through the converter into a {@link GraphStore}: an article whose stored graph
 * has the same content hash is skipped; any other is converted outside any transaction (the
 * NLP is slow) and then written whole, replacing its old graph, in a short write transaction of
 * its own or, in {@link #ingestAll}, shared with the other articles converted by then. The
 * store's side (skipping, batching, reporting, counting) is the store's {@link IngestSink}; this
 * class only drives the conversion, so the store never depends on the NLP.
 *
 * <pre>{@code
 * try (GraphStore store = GraphStore.open(Path.of("news-db"));
 *      Stream<ReadResult> articles = ArticleReader.create().read(paths)) {
 *     IngestSummary summary = Ingester.builder(store).listener(progress).build().ingestAll(articles);
 * }
 * }</pre>
 *
 * Immutable after {@link Builder#build()}; one batch at a time per instance.
 */
public final class Ingester {

    private final GraphStore store;
    private final Supplier<ArticleConverter> converter;
    private final IngestListener listener;
    private final int threads;
    private final int batchArticles;

    private Ingester(Builder b) {
        this.store = b.store;
        this.converter = Lazy.of(b.converter);
        this.listener = b.listener;
        this.threads = b.threads;
        this.batchArticles = b.batchArticles;
    }

    /** An ingester into {@code store}. */
    public static Builder builder(GraphStore store) {
        return new Builder(store);
    }

    /**
     * Ingests one article and reports it to the listener.
     *
     * @return {@link IngestOutcome#UNCHANGED} when the store held it with the same content hash,
     *         else {@link IngestOutcome#ADDED} or {@link IngestOutcome#REPLACED}
     * @throws NewsgraphException naming the article's source when it cannot be converted or
     *                            stored; the store holds what it held before then
     */
    public IngestOutcome ingest(Article article) {
        return ingest(article, null);
    }

    /**
     * As {@link #ingest(Article)}, with the article's NLP stopped (and nothing stored) once
     * {@code abandoned} says so: for an article posted by a client that has gone. Null: never.
     */
    public IngestOutcome ingest(Article article, BooleanSupplier abandoned) {
        // A sink of its own: the server ingests posted articles on several threads at once.
        IngestSink sink = IngestSink.create(store, listener, 1);
        if (sink.unchanged(article)) {
            return IngestOutcome.UNCHANGED;
        }
        long start = System.nanoTime();
        listener.converting(article);
        List<Quad> quads;
        try {
            quads = converter.get().convert(article, abandoned);
        } catch (RuntimeException e) {
            throw conversionFailed(article, e);
        }
        return sink.put(article, quads, System.nanoTime() - start);
    }

    private static NewsgraphException conversionFailed(Article article, RuntimeException e) {
        return new NewsgraphException(article.source() + ": conversion failed: " + messageOf(e), e);
    }

    /**
     * Ingests every article of {@code results}, converting {@link Builder#threads} articles at
     * once; converted articles are stored from the calling thread, in write transactions of
     * several articles when several are ready at once (see {@link IngestSink#add}), else each on
     * its own as soon as it is converted. An article is reported ingested once its transaction
     * is committed. The store ends with the same graphs whatever the thread count, but articles
     * may be reported out of order. Read failures, and articles that fail to convert or to be
     * stored, are reported to the listener and counted; the batch goes on.
     *
     * @throws StoreWriteException when the store's files cannot be written (a full disk): the
     *                             batch stops there, with every article reported ingested kept
     */
    public IngestSummary ingestAll(Stream<ReadResult> results) {
        long start = System.nanoTime();
        IngestSink sink = IngestSink.create(store, listener, batchArticles);
        ParallelConverter.builder().converter(converter).threads(threads).build().run(results,
                new ParallelConverter.Sink() {
                    @Override
                    public boolean accept(Article article) {
                        if (sink.unchanged(article)) {
                            return false;
                        }
                        listener.converting(article);
                        return true;
                    }

                    @Override
                    public void converted(Article article, List<Quad> quads, long nanos) {
                        sink.add(article, quads, nanos);
                    }

                    @Override
                    public void failed(Article article, RuntimeException error) {
                        NewsgraphException e = conversionFailed(article, error);
                        sink.failed(e.getMessage(), e);
                    }

                    @Override
                    public void unreadable(ReadResult.Failure failure) {
                        sink.failed(failure.message(), null);
                    }

                    @Override
                    public void idle() {
                        sink.flush();
                    }
                });
        sink.flush();
        return sink.summary(Duration.ofNanos(System.nanoTime() - start));
    }

    private static String messageOf(RuntimeException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** Options of an ingester; all but the store have defaults. */
    public static final class Builder {
        private final GraphStore store;
        private Supplier<ArticleConverter> converter = () -> ArticleConverter.builder().build();
        private IngestListener listener = IngestListener.NONE;
        private int threads = Runtime.getRuntime().availableProcessors();
        private int batchArticles = 1000;

        private Builder(GraphStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        /**
         * The converter to use; default: {@code ArticleConverter.builder().build()}, made when the
         * first article needs converting, so that a run over unchanged articles loads no NLP models.
         */
        public Builder converter(ArticleConverter converter) {
            Objects.requireNonNull(converter, "converter");
            this.converter = () -> converter;
            return this;
        }

        /** A converter made by {@code make} when the first article needs converting; at most once. */
        public Builder converter(Supplier<ArticleConverter> make) {
            this.converter = Objects.requireNonNull(make, "make");
            return this;
        }

        /** Who hears about each article; default: nobody. */
        public Builder listener(IngestListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** How many articles {@link #ingestAll} converts at once; default: the number of processors. */
        public Builder threads(int threads) {
            this.threads = ParallelConverter.requireThreads(threads);
            return this;
        }

        /**
         * The most articles {@link #ingestAll} writes in one transaction when several are
         * converted at once; default 1,000. 1 commits each article on its own.
         */
        public Builder batch(int maxArticles) {
            this.batchArticles = BatchWriter.requireBatchSize(maxArticles);
            return this;
        }

        public Ingester build() {
            return new Ingester(this);
        }
    }
}
