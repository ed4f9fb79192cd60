package org.newsgraph.store;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.ArticleConverter;
import org.newsgraph.NewsgraphException;
import org.newsgraph.read.Article;
import org.newsgraph.read.ReadResult;

/**
 * Runs articles through the converter into a {@link GraphStore}: an article whose stored graph
 * has the same content hash is skipped; any other is converted outside any transaction (the
 * NLP is slow) and then written in one short write transaction, replacing its old graph.
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

    private Ingester(Builder b) {
        this.store = b.store;
        this.converter = b.converter != null ? () -> b.converter : new Lazy<>(() -> ArticleConverter.builder().build());
        this.listener = b.listener;
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
        String hash = article.contentHash();
        if (store.contains(article.id(), hash)) {
            listener.unchanged(article);
            return IngestOutcome.UNCHANGED;
        }
        long start = System.nanoTime();
        listener.converting(article);
        List<Quad> quads;
        try {
            quads = converter.get().convert(article);
        } catch (RuntimeException e) {
            throw new NewsgraphException(article.source() + ": conversion failed: " + messageOf(e), e);
        }
        IngestOutcome outcome;
        try {
            outcome = store.put(article.id(), hash, quads);
        } catch (StoreWriteException e) {
            throw e.about(article.source());
        } catch (RuntimeException e) {
            throw new NewsgraphException(article.source() + ": not stored: " + messageOf(e), e);
        }
        listener.ingested(article, outcome, quads.size(), Duration.ofNanos(System.nanoTime() - start));
        return outcome;
    }

    /**
     * Ingests every article of {@code results} in order. Read failures, and articles that fail
     * to convert or to be stored, are reported to the listener and counted; the batch goes on.
     *
     * @throws StoreWriteException when the store's files cannot be written (a full disk): the
     *                             batch stops there, with every article before it stored
     */
    public IngestSummary ingestAll(Stream<ReadResult> results) {
        long start = System.nanoTime();
        int[] counts = new int[IngestOutcome.values().length];
        int[] failed = {0};
        results.forEachOrdered(result -> {
            if (result instanceof ReadResult.Failure f) {
                listener.failed(f.message(), null);
                failed[0]++;
            } else if (result instanceof ReadResult.Success s) {
                try {
                    counts[ingest(s.article()).ordinal()]++;
                } catch (StoreWriteException e) {
                    throw e; // the store cannot take more: stop, with everything before stored
                } catch (NewsgraphException e) {
                    // One article's failure must not lose the others: report it and go on.
                    listener.failed(e.getMessage(), e);
                    failed[0]++;
                } catch (RuntimeException e) {
                    listener.failed(s.article().source() + ": " + messageOf(e), e);
                    failed[0]++;
                }
            }
        });
        return new IngestSummary(counts[IngestOutcome.ADDED.ordinal()], counts[IngestOutcome.REPLACED.ordinal()],
                counts[IngestOutcome.UNCHANGED.ordinal()], failed[0], Duration.ofNanos(System.nanoTime() - start));
    }

    private static String messageOf(RuntimeException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** Options of an ingester; all but the store have defaults. */
    public static final class Builder {
        private final GraphStore store;
        private ArticleConverter converter;
        private IngestListener listener = IngestListener.NONE;

        private Builder(GraphStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        /**
         * The converter to use; default: {@code ArticleConverter.builder().build()}, made when the
         * first article needs converting, so that a run over unchanged articles loads no NLP models.
         */
        public Builder converter(ArticleConverter converter) {
            this.converter = Objects.requireNonNull(converter, "converter");
            return this;
        }

        /** Who hears about each article; default: nobody. */
        public Builder listener(IngestListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public Ingester build() {
            return new Ingester(this);
        }
    }

    /** A value made on first use. */
    private static final class Lazy<T> implements Supplier<T> {
        private final Supplier<T> make;
        private T value;

        Lazy(Supplier<T> make) {
            this.make = make;
        }

        @Override
        public synchronized T get() {
            if (value == null) {
                value = make.get();
            }
            return value;
        }
    }
}
