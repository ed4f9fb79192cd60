package org.newsgraph.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import org.newsgraph.error.BadInputException;
import org.newsgraph.error.NewsgraphException;

/**
 * Article graphs written into a {@link GraphStore} several to a write transaction. Each commit
 * syncs the database's files to disk, which takes longer than writing a small article: one
 * commit per article made a load of ten thousand pre-converted articles 16 times slower than
 * Jena's bulk loader. Graphs wait here until {@link #flush}, or until the batch is full; a
 * caller that converts articles slowly flushes whenever it has nothing else ready, so that
 * each article is stored (and reported) as soon as it can be.
 *
 * <p>A batch is all or nothing: a crash or a full disk loses the articles of the batch being
 * written, never part of one, and none of them was reported stored. An article whose graph
 * breaks the store's rules does not sink the rest of its batch: the batch is then written one
 * article at a time, and only that article is reported failed.
 *
 * <pre>{@code
 * BatchWriter<Article> writer = BatchWriter.<Article>builder(store).build();
 * writer.add(article, new ArticleGraph(article.id(), article.contentHash(), quads), callback);
 * writer.flush();
 * }</pre>
 *
 * Not thread-safe: one thread adds and flushes.
 *
 * @param <T> what the caller wants back with each outcome (the article, say)
 */
public final class BatchWriter<T> {

    /** Hears how each article of a batch went, once the batch is written. */
    public interface Callback<T> {

        /** {@code graph} is stored, in a committed transaction. */
        void stored(T item, ArticleGraph graph, IngestOutcome outcome);

        /** {@code graph} was refused (it breaks the store's rules, or writing it failed); nothing of it is stored. */
        void failed(T item, ArticleGraph graph, RuntimeException error);
    }

    private record Pending<T>(T item, ArticleGraph graph, Callback<T> callback) {
    }

    private final GraphStore store;
    private final int maxArticles;
    private final int maxQuads;
    private final long maxWaitNanos;
    private final BiFunction<? super T, ArticleGraph, String> naming;
    private final List<Pending<T>> pending = new ArrayList<>();
    private int pendingQuads;
    private long firstPendingAt;

    private BatchWriter(Builder<T> b) {
        this.store = b.store;
        this.maxArticles = b.maxArticles;
        this.maxQuads = b.maxQuads;
        this.maxWaitNanos = b.maxWait.toNanos();
        this.naming = b.naming;
    }

    /** A writer into {@code store}. */
    public static <T> Builder<T> builder(GraphStore store) {
        return new Builder<>(store);
    }

    /**
     * Adds an article's graph to the batch, and writes the batch when it is full or its first
     * article has waited {@link Builder#maxWait}; {@code callback} hears of the article then.
     *
     * @throws StoreWriteException when the store's files cannot be written: the batch is lost,
     *                             every batch before it is stored
     */
    public void add(T item, ArticleGraph graph, Callback<T> callback) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(callback, "callback");
        if (pending.isEmpty()) {
            firstPendingAt = System.nanoTime();
        }
        pending.add(new Pending<>(item, graph, callback));
        pendingQuads += graph.quads().size();
        if (pending.size() >= maxArticles || pendingQuads >= maxQuads
                || System.nanoTime() - firstPendingAt >= maxWaitNanos) {
            flush();
        }
    }

    /** How many articles wait to be written. */
    public int pending() {
        return pending.size();
    }

    /**
     * Writes the waiting articles, if any, in one transaction and tells their callbacks.
     *
     * @throws StoreWriteException when the store's files cannot be written; nothing of the
     *                             batch is stored, and its articles are dropped from it
     */
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Pending<T>> batch = List.copyOf(pending);
        pending.clear();
        pendingQuads = 0;
        List<IngestOutcome> outcomes;
        try {
            outcomes = store.putAll(batch.stream().map(Pending::graph).toList());
        } catch (StoreWriteException e) {
            throw e.about(describe(batch));
        } catch (RuntimeException e) {
            // Some article of the batch is bad, and nothing was written: find it by writing one at a time.
            oneByOne(batch);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            Pending<T> p = batch.get(i);
            p.callback().stored(p.item(), p.graph(), outcomes.get(i));
        }
    }

    private void oneByOne(List<Pending<T>> batch) {
        for (Pending<T> p : batch) {
            IngestOutcome outcome;
            try {
                outcome = store.put(p.graph().articleId(), p.graph().contentHash(), p.graph().quads());
            } catch (StoreWriteException e) {
                throw e.about(describe(List.of(p)));
            } catch (RuntimeException e) {
                p.callback().failed(p.item(), p.graph(), e);
                continue;
            }
            p.callback().stored(p.item(), p.graph(), outcome);
        }
    }

    /** The articles of {@code batch} for an error message: their names, or the first and last of them. */
    private String describe(List<Pending<T>> batch) {
        String first = naming.apply(batch.get(0).item(), batch.get(0).graph());
        if (batch.size() == 1) {
            return first;
        }
        Pending<T> last = batch.get(batch.size() - 1);
        return "the " + batch.size() + " articles from " + first + " to " + naming.apply(last.item(), last.graph());
    }

    /**
     * {@code maxArticles}, when it is a batch size: at least 1.
     *
     * @throws NewsgraphException when it is not
     */
    public static int requireBatchSize(int maxArticles) {
        if (maxArticles < 1) {
            throw new BadInputException("a batch holds at least 1 article, not " + maxArticles);
        }
        return maxArticles;
    }

    /** Options of a writer; all but the store have defaults. */
    public static final class Builder<T> {
        private final GraphStore store;
        private int maxArticles = 1000;
        private int maxQuads = 250_000;
        private Duration maxWait = Duration.ofSeconds(2);
        private BiFunction<? super T, ArticleGraph, String> naming = (item, graph) -> "article '" + graph.articleId() + "'";

        private Builder(GraphStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        /** The most articles in one transaction; default 1,000. 1 writes each article on its own. */
        public Builder<T> maxArticles(int maxArticles) {
            this.maxArticles = requireBatchSize(maxArticles);
            return this;
        }

        /** The most quads in one transaction (a batch is written once it reaches them); default 250,000. */
        public Builder<T> maxQuads(int maxQuads) {
            if (maxQuads < 1) {
                throw new BadInputException("a batch holds at least 1 quad, not " + maxQuads);
            }
            this.maxQuads = maxQuads;
            return this;
        }

        /** How long the first article of a batch may wait for the batch to be written; default 2 s. */
        public Builder<T> maxWait(Duration maxWait) {
            this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
            return this;
        }

        /** How an article is named in error messages (its file and line, say); default: its id. */
        public Builder<T> naming(BiFunction<? super T, ArticleGraph, String> naming) {
            this.naming = Objects.requireNonNull(naming, "naming");
            return this;
        }

        public BatchWriter<T> build() {
            return new BatchWriter<>(this);
        }
    }
}
