package org.newsgraph.store;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.error.NewsgraphException;
import org.newsgraph.read.Article;

/**
 * The store's side of an ingest: articles whose graphs were made elsewhere go into a
 * {@link GraphStore}, each reported to an {@link IngestListener} and counted for an
 * {@link IngestSummary}. An article the store holds with the same content hash is
 * {@link #unchanged}; the others are written whole, replacing their old graph, either at once
 * ({@link #put}) or several to a write transaction ({@link #add}, then {@link #flush}, see
 * {@link BatchWriter}). The store never sees how a graph was made: the NLP that makes them runs
 * in the pipeline, outside any transaction.
 *
 * <pre>{@code
 * IngestSink sink = IngestSink.create(store, listener, 1000);
 * if (!sink.unchanged(article)) {
 *     sink.add(article, quads, conversionNanos);
 * }
 * sink.flush();
 * IngestSummary summary = sink.summary(took);
 * }</pre>
 *
 * Not thread-safe: one thread per sink, one sink per batch (or per article).
 */
public final class IngestSink {

    private final GraphStore store;
    private final IngestListener listener;
    private final BatchWriter<Made> writer;
    private final BatchWriter.Callback<Made> written;
    private final int[] counts = new int[IngestOutcome.values().length];
    private int failed;

    private IngestSink(GraphStore store, IngestListener listener, int batchArticles) {
        this.store = Objects.requireNonNull(store, "store");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.writer = BatchWriter.<Made>builder(store).maxArticles(batchArticles)
                .naming((m, graph) -> m.article().source()).build();
        this.written = new BatchWriter.Callback<>() {
            @Override
            public void stored(Made m, ArticleGraph graph, IngestOutcome outcome) {
                counts[outcome.ordinal()]++;
                listener.ingested(m.article(), outcome, graph.quads().size(),
                        Duration.ofNanos(m.nanos() + System.nanoTime() - m.madeAt()));
            }

            @Override
            public void failed(Made m, ArticleGraph graph, RuntimeException error) {
                // One article's failure must not lose the others: report it and go on.
                NewsgraphException e = new NewsgraphException(m.article().source() + ": not stored: " + messageOf(error), error);
                IngestSink.this.failed(e.getMessage(), e);
            }
        };
    }

    /**
     * A sink into {@code store} reporting to {@code listener}, writing at most {@code batchArticles}
     * articles per transaction in {@link #add}.
     */
    public static IngestSink create(GraphStore store, IngestListener listener, int batchArticles) {
        return new IngestSink(store, listener, BatchWriter.requireBatchSize(batchArticles));
    }

    /**
     * Whether the store holds {@code article} with the same content hash; if so it is reported
     * and counted unchanged, and needs no graph.
     */
    public boolean unchanged(Article article) {
        if (store.contains(article.id(), article.contentHash())) {
            counts[IngestOutcome.UNCHANGED.ordinal()]++;
            listener.unchanged(article);
            return true;
        }
        return false;
    }

    /**
     * Writes {@code article}'s graph now, in a transaction of its own, and reports it.
     *
     * @param nanos how long making the graph took, reported with the time of the write
     * @throws StoreWriteException naming the article's source when the files cannot be written
     * @throws NewsgraphException  naming the article's source when the graph is refused; the
     *                             store holds what it held before then
     */
    public IngestOutcome put(Article article, List<Quad> quads, long nanos) {
        long start = System.nanoTime();
        IngestOutcome outcome;
        try {
            outcome = store.put(article.id(), article.contentHash(), quads);
        } catch (StoreWriteException e) {
            throw e.about(article.source());
        } catch (RuntimeException e) {
            throw new NewsgraphException(article.source() + ": not stored: " + messageOf(e), e);
        }
        counts[outcome.ordinal()]++;
        listener.ingested(article, outcome, quads.size(), Duration.ofNanos(nanos + System.nanoTime() - start));
        return outcome;
    }

    /**
     * Queues {@code article}'s graph for the next write transaction; it is reported once that
     * is committed, or failed when the store refuses the graph.
     *
     * @param nanos how long making the graph took
     * @throws StoreWriteException when a full batch is written and the files cannot be written:
     *                             the batch is lost, every article reported before it is kept
     */
    public void add(Article article, List<Quad> quads, long nanos) {
        writer.add(new Made(article, nanos, System.nanoTime()),
                new ArticleGraph(article.id(), article.contentHash(), quads), written);
    }

    /** Writes the queued graphs; see {@link #add} for what it throws. */
    public void flush() {
        writer.flush();
    }

    /** An input could not be read or made into a graph: reported with {@code message} and counted failed. */
    public void failed(String message, Throwable cause) {
        listener.failed(message, cause);
        failed++;
    }

    /** The counts so far, with {@code took} as the time of the whole batch. */
    public IngestSummary summary(Duration took) {
        return new IngestSummary(counts[IngestOutcome.ADDED.ordinal()], counts[IngestOutcome.REPLACED.ordinal()],
                counts[IngestOutcome.UNCHANGED.ordinal()], failed, took);
    }

    /** A graph waiting in the batch: how long making it took, and when that ended. */
    private record Made(Article article, long nanos, long madeAt) {
    }

    private static String messageOf(RuntimeException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
