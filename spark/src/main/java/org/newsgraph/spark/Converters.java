package org.newsgraph.spark;

import java.io.Serializable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.newsgraph.pipeline.ArticleConverter;
import org.newsgraph.rdf.IriMinter;

/**
 * The converters of this JVM, one per setting (IRI base and NLP profile). Spark ships functions to executors by
 * serialization, so a converter cannot travel with them; each executor builds its own here on
 * first use, and all its tasks share it and the one CoreNLP pipeline behind it (loaded once,
 * ~30 s and ~2 GB of heap; its annotators are safe to share between task threads).
 */
final class Converters {

    /** Where a task gets its converter: travels to the executors with the task. */
    interface Factory extends Serializable {
        ArticleConverter forSettings(ConverterSettings settings);
    }

    /** The converters of this JVM with the shared CoreNLP pipeline. */
    static final Factory SHARED = Converters::forSettings;

    private static final ConcurrentMap<ConverterSettings, ArticleConverter> BY_SETTINGS = new ConcurrentHashMap<>();

    private Converters() {
    }

    /** The converter with {@code settings}; tasks asking while it loads wait for it. */
    static ArticleConverter forSettings(ConverterSettings settings) {
        return BY_SETTINGS.computeIfAbsent(settings, s -> ArticleConverter.builder().iris(new IriMinter(s.base()))
                .profile(s.profile()).lexicon(s.words()).build());
    }
}
