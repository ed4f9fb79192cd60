package org.newsgraph.spark;

import java.io.Serializable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.newsgraph.ArticleConverter;
import org.newsgraph.rdf.IriMinter;

/**
 * The converters of this JVM, one per IRI base. Spark ships functions to executors by
 * serialization, so a converter cannot travel with them; each executor builds its own here on
 * first use, and all its tasks share it and the one CoreNLP pipeline behind it (loaded once,
 * ~30 s and ~2 GB of heap; its annotators are safe to share between task threads).
 */
final class Converters {

    /** Where a task gets its converter: travels to the executors with the task. */
    interface Factory extends Serializable {
        ArticleConverter forBase(String base);
    }

    /** The converters of this JVM with the shared CoreNLP pipeline. */
    static final Factory SHARED = Converters::forBase;

    private static final ConcurrentMap<String, ArticleConverter> BY_BASE = new ConcurrentHashMap<>();

    private Converters() {
    }

    /** The converter minting IRIs under {@code base}; tasks asking while it loads wait for it. */
    static ArticleConverter forBase(String base) {
        return BY_BASE.computeIfAbsent(base, b -> ArticleConverter.builder().iris(new IriMinter(b)).build());
    }
}
