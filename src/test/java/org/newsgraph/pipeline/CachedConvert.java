package org.newsgraph.pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.AnnotatedDocumentJson;
import org.newsgraph.nlp.Annotator;
import org.newsgraph.nlp.CoreNlpAnnotator;
import org.newsgraph.nlp.NlpProfile;
import org.newsgraph.read.ArticleReader;
import org.newsgraph.read.ReadResult;

/**
 * A developer's tool for measuring extraction: converts a folder to N-Quads like
 * {@code newsgraph convert}, but keeps each article's CoreNLP annotations in a cache folder
 * (keyed by a hash of text and date), so a second run over the same corpus loads no model and
 * takes seconds. Only the extraction and mapping run again. With the environment variable
 * {@code NEWSGRAPH_CACHE_ONLY=1} articles not in the cache are skipped instead of annotated,
 * so a part of a corpus can be measured while its cache is still being built.
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
        CachingAnnotator annotator = new CachingAnnotator(cache, "1".equals(System.getenv("NEWSGRAPH_CACHE_ONLY")));
        ArticleConverter converter = ArticleConverter.builder().annotator(annotator).build();
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

    /** Annotations from the cache when present, else from CoreNLP (loaded on first need) and saved. */
    private static final class CachingAnnotator implements Annotator {
        private final Path folder;
        private final AtomicInteger annotated = new AtomicInteger();
        private final AtomicInteger cached = new AtomicInteger();
        private final AtomicInteger skipped = new AtomicInteger();
        private final boolean cacheOnly;
        private Annotator real;

        CachingAnnotator(Path folder, boolean cacheOnly) {
            this.folder = folder;
            this.cacheOnly = cacheOnly;
        }

        /** Whether this article can be converted: always, unless only cached annotations are used. */
        boolean has(String text, Optional<LocalDate> date) {
            return !cacheOnly || Files.exists(folder.resolve(key(text, date) + ".json"));
        }

        @Override
        public AnnotatedDocument annotate(String text, Optional<LocalDate> date) {
            Path file = folder.resolve(key(text, date) + ".json");
            if (Files.exists(file)) {
                cached.incrementAndGet();
                return AnnotatedDocumentJson.read(file);
            }
            if (real == null) {
                real = CoreNlpAnnotator.shared(NlpProfile.DEFAULT);
            }
            AnnotatedDocument doc = real.annotate(text, date);
            AnnotatedDocumentJson.write(doc, file);
            annotated.incrementAndGet();
            return doc;
        }

        private static String key(String text, Optional<LocalDate> date) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(text.getBytes(StandardCharsets.UTF_8));
                sha.update(date.map(LocalDate::toString).orElse("-").getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(sha.digest(), 0, 16);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
