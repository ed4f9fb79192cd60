package org.newsgraph.pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.extract.Extractor;
import org.newsgraph.read.ArticleReader;
import org.newsgraph.read.ReadResult;

/**
 * A developer's tool for measuring extraction: converts a folder to N-Quads like
 * {@code newsgraph convert}, but keeps each article's CoreNLP annotations in a cache folder
 * (keyed by a hash of text and date), so a second run over the same corpus loads no model and
 * takes seconds. Only the extraction and mapping run again. With the environment variable
 * {@code NEWSGRAPH_CACHE_ONLY=1} articles not in the cache are skipped instead of annotated,
 * so a part of a corpus can be measured while its cache is still being built. With
 * {@code NEWSGRAPH_STATEMENTS=rules|model|both} statements come from the rules, the learned model or both.
 *
 * <pre>bench/cached-convert INPUT_DIR CACHE_DIR OUT.nq</pre>
 */
public final class CachedConvert {

    private CachedConvert() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: bench/cached-convert INPUT_DIR CACHE_DIR OUT.nq");
            System.exit(2);
        }
        Path cache = Path.of(args[1]);
        Files.createDirectories(cache);
        AnnotationCache annotator = new AnnotationCache(cache, "1".equals(System.getenv("NEWSGRAPH_CACHE_ONLY")));
        ArticleConverter.Builder builder = ArticleConverter.builder().annotator(annotator);
        String statements = System.getenv("NEWSGRAPH_STATEMENTS"); // rules, model or both
        if (statements != null) {
            builder.statements(Extractor.StatementFinders.valueOf(statements.toUpperCase(java.util.Locale.ROOT)));
        }
        ArticleConverter converter = builder.build();
        AtomicInteger failed = new AtomicInteger();
        try (OutputStream out = Files.newOutputStream(Path.of(args[2]))) {
            ArticleReader.create().read(List.of(Path.of(args[0]))).forEach(r -> {
                if (r instanceof ReadResult.Success s) {
                    if (!annotator.has(s.article().text(), s.article().date())) {
                        annotator.skipped.incrementAndGet();
                        return;
                    }
                    try {
                        List<Quad> quads = converter.convert(s.article());
                        RDFDataMgr.writeQuads(out, quads.iterator());
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        System.err.println(s.source() + ": " + e);
                    }
                } else if (r instanceof ReadResult.Failure f) {
                    failed.incrementAndGet();
                    System.err.println(f.message());
                }
            });
        }
        System.err.printf("%d annotated, %d from the cache, %d skipped, %d failed%n", annotator.annotated.get(),
                annotator.cached.get(), annotator.skipped.get(), failed.get());
    }
}
