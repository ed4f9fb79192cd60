package org.newsgraph.bench;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.Annotator;
import org.newsgraph.nlp.CoreNlpAnnotator;
import org.newsgraph.nlp.NlpProfile;
import org.newsgraph.pipeline.ArticleConverter;
import org.newsgraph.rdf.OutputFormat;
import org.newsgraph.rdf.RioStreamWriter;
import org.newsgraph.read.Article;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What newsgraph adds to the NLP, per article, measured alone: extraction, mapping to RDF and
 * writing N-Quads, on articles CoreNLP annotated once in the set-up. The end-to-end runs of
 * {@link Throughput} see this cost inside the noise of CoreNLP's; here JMH times it with
 * warm-up, several iterations and an error bar. Run by {@code bench/run}:
 *
 * <pre>
 * java -cp ... org.openjdk.jmh.Main ExtractionBenchmark -p set=target/bench/long
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class ExtractionBenchmark {

    /** A folder of articles, as {@code bench/run} cuts them. */
    @Param("data/articles")
    public String set;

    @Param("fast")
    public String profile;

    private List<Article> articles;
    private ArticleConverter converter;
    private int next;

    @Setup(Level.Trial)
    public void annotateOnce() {
        articles = BenchCorpus.read(Path.of(set));
        Annotator nlp = CoreNlpAnnotator.shared(NlpProfile.named(profile));
        Map<String, AnnotatedDocument> annotated = new HashMap<>();
        for (Article a : articles) {
            annotated.put(a.text(), nlp.annotate(a.text(), a.date()));
        }
        // The converter's own annotator hands back the stored annotations: all else runs as in convert.
        converter = ArticleConverter.builder().annotator((text, date) -> annotated.get(text)).build();
    }

    /** The articles of the set in turn, one a call: convert's work on it but the NLP, written as N-Quads to nowhere. */
    @Benchmark
    public int extractMapAndWrite() {
        Article a = articles.get(next);
        next = (next + 1) % articles.size();
        RioStreamWriter writer = RioStreamWriter.create(OutputStream.nullOutputStream(), OutputFormat.named("nquads"));
        writer.start();
        List<Quad> graph = converter.convert(a);
        graph.forEach(writer::quad);
        writer.finish();
        return graph.size();
    }
}
