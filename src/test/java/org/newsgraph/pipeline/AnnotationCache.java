package org.newsgraph.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.AnnotatedDocumentJson;
import org.newsgraph.nlp.Annotator;
import org.newsgraph.nlp.CoreNlpAnnotator;
import org.newsgraph.nlp.NlpProfile;

/**
 * Annotations from a cache folder (keyed by a hash of text and date) when present, else from
 * CoreNLP (loaded on first need) and saved: for tools that rerun extraction over a corpus.
 */
public final class AnnotationCache implements Annotator {
    private final Path folder;
    final AtomicInteger annotated = new AtomicInteger();
    final AtomicInteger cached = new AtomicInteger();
    final AtomicInteger skipped = new AtomicInteger();
    private final boolean cacheOnly;
    private Annotator real;

    public AnnotationCache(Path folder, boolean cacheOnly) {
        this.folder = folder;
        this.cacheOnly = cacheOnly;
    }

    /** Whether this article can be converted: always, unless only cached annotations are used. */
    public boolean has(String text, Optional<LocalDate> date) {
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
