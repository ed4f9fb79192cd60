package org.newsgraph.pipeline;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.read.Article;
import org.newsgraph.read.ReadResult;

/**
 * The articles of a batch converted into one {@link StreamRDF} (a file writer, say), each
 * article's quads pushed as soon as it is converted, so memory stays flat however long the
 * batch; every article converted or failed is reported to a {@link Listener}.
 *
 * <pre>{@code
 * StreamRDF writer = OutputFormat.NQUADS.newWriter(out);
 * RdfStreamSink.writeAll(ParallelConverter.builder().build(), articles, writer, listener);
 * }</pre>
 */
public final class RdfStreamSink implements ParallelConverter.Sink {

    /** Hears how each article went; called on the thread that runs the batch. */
    public interface Listener {

        /** {@code article}'s {@code quads} quads were written; its conversion took {@code nanos}. */
        void converted(Article article, int quads, long nanos);

        /**
         * An input could not be read or converted; nothing of it was written.
         *
         * @param message one line, starting with the source ("feed.jsonl:3: ...")
         * @param cause   the conversion's exception; {@code null} for input that could not be read
         */
        void failed(String message, RuntimeException cause);
    }

    private final StreamRDF out;
    private final Listener listener;

    public RdfStreamSink(StreamRDF out, Listener listener) {
        this.out = Objects.requireNonNull(out, "out");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Converts every article of {@code results} with {@code batch} into {@code out}, between
     * {@link StreamRDF#start} and {@link StreamRDF#finish}; the failure of one article is
     * reported and the others go on.
     */
    public static void writeAll(ParallelConverter batch, Stream<ReadResult> results, StreamRDF out, Listener listener) {
        out.start();
        batch.run(results, new RdfStreamSink(out, listener));
        out.finish();
    }

    @Override
    public void converted(Article article, List<Quad> quads, long nanos) {
        quads.forEach(out::quad);
        listener.converted(article, quads.size(), nanos);
    }

    @Override
    public void failed(Article article, RuntimeException error) {
        // One article's failure must not lose the others: report it and go on.
        listener.failed(article.source() + ": conversion failed: " + error.getMessage(), error);
    }

    @Override
    public void unreadable(ReadResult.Failure failure) {
        listener.failed(failure.message(), null);
    }
}
