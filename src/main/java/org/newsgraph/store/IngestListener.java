package org.newsgraph.store;

import java.time.Duration;
import org.newsgraph.read.Article;

/**
 * Hears what an ingest does (the pipeline's {@code Ingester}, or a load through an
 * {@link IngestSink}), one call per article, on the thread that ingests (never concurrently);
 * with several conversion threads, in the order the articles finish. For progress bars and
 * logs. The ingester itself prints nothing. Every method does nothing by default.
 */
public interface IngestListener {

    /** A listener that ignores everything. */
    IngestListener NONE = new IngestListener() {
    };

    /** {@code article} is about to be converted (the slow part: NLP). */
    default void converting(Article article) {
    }

    /**
     * {@code article}'s graph was written.
     *
     * @param outcome {@link IngestOutcome#ADDED} or {@link IngestOutcome#REPLACED}
     * @param triples the number of triples in the article's graph
     * @param took    converting and storing together
     */
    default void ingested(Article article, IngestOutcome outcome, int triples, Duration took) {
    }

    /** {@code article} is stored already with the same content hash, and was skipped. */
    default void unchanged(Article article) {
    }

    /**
     * An input could not be read, converted or stored; the store is as it was before it.
     *
     * @param message one line for a person, starting with the source ("feed.jsonl:3: ...")
     * @param cause   the exception behind a conversion or storage failure; {@code null} for
     *                input that could not be read, which is reported without one
     */
    default void failed(String message, Throwable cause) {
    }
}
