package org.newsgraph.spark;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.jena.sparql.core.Quad;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;
import org.newsgraph.pipeline.ArticleConverter;
import org.newsgraph.rdf.OutputFormat;
import org.newsgraph.rdf.RioStreamWriter;
import org.newsgraph.read.Article;
import org.newsgraph.read.ReadResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * Converts one partition of article files, lazily, one article at a time: each article gives
 * one record, either {@code (quads, its N-Quads lines)} or {@code (errors, "<source>: <problem>")}.
 * A bad file or article is an error record and the partition goes on; only a failure to load
 * the models or a JVM error (out of memory) fails the task, which Spark then retries.
 */
final class PartitionConverter
        implements PairFlatMapFunction<Iterator<Tuple2<String, InputFile>>, String, String> {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionConverter.class);

    private final ConverterSettings settings;
    private final Converters.Factory converters;
    private final Broadcast<Map<String, ArticlePlace>> duplicateIds;
    private final LongAccumulator articles;
    private final LongAccumulator quads;

    /**
     * @param duplicateIds for each id that more than one article has, the place of the one that
     *                     keeps it
     */
    PartitionConverter(ConverterSettings settings, Converters.Factory converters, Broadcast<Map<String, ArticlePlace>> duplicateIds,
                       LongAccumulator articles, LongAccumulator quads) {
        this.settings = settings;
        this.converters = converters;
        this.duplicateIds = duplicateIds;
        this.articles = articles;
        this.quads = quads;
    }

    @Override
    public Iterator<Tuple2<String, String>> call(Iterator<Tuple2<String, InputFile>> files) {
        Map<String, ArticlePlace> firstOfId = duplicateIds.value();
        // Explicit iterators, not a Stream's flatMap, which would convert a whole file (a
        // .jsonl of any size) before handing out its first article.
        return new Iterator<>() {
            private Iterator<InputFile.Read> reads = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!reads.hasNext() && files.hasNext()) {
                    Tuple2<String, InputFile> file = files.next();
                    reads = file._2().read(file._1());
                }
                return reads.hasNext();
            }

            @Override
            public Tuple2<String, String> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return convert(reads.next(), firstOfId);
            }
        };
    }

    private Tuple2<String, String> convert(InputFile.Read read, Map<String, ArticlePlace> firstOfId) {
        if (read.result() instanceof ReadResult.Failure failure) {
            return error(failure.message());
        }
        Article article = ((ReadResult.Success) read.result()).article();
        ArticlePlace first = firstOfId.get(article.id());
        if (first != null && !first.equals(read.place())) {
            return error(article.source() + ": duplicate article id '" + article.id()
                    + "', first read from " + first.source());
        }
        // Fetched here, not per partition, so that a partition of bad files loads no models.
        ArticleConverter converter = converters.forSettings(settings);
        List<Quad> graph;
        try {
            graph = converter.convert(article);
        } catch (RuntimeException e) {
            // One article's failure must not lose the others, nor fail the task.
            LOG.debug("Conversion of {} failed", article.source(), e);
            return error(article.source() + ": conversion failed: " + e.getMessage());
        }
        articles.add(1);
        quads.add(graph.size());
        return new Tuple2<>(NQuadsOutputFormat.QUADS, nQuads(graph));
    }

    private static Tuple2<String, String> error(String message) {
        LOG.warn(message);
        return new Tuple2<>(NQuadsOutputFormat.ERRORS, message);
    }

    /** The quads as N-Quads lines, written as {@code convert} writes them, without the last line end. */
    private static String nQuads(List<Quad> graph) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RioStreamWriter writer = RioStreamWriter.create(out, OutputFormat.NQUADS);
        writer.start();
        graph.forEach(writer::quad);
        writer.finish();
        String text = out.toString(StandardCharsets.UTF_8);
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
