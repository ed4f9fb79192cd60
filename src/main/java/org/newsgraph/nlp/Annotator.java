package org.newsgraph.nlp;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Turns text into an {@link AnnotatedDocument}. Implementations are thread-safe and
 * expensive to create: make one per process and share it.
 */
public interface Annotator {

    /**
     * Annotates {@code text}; relative time expressions ("on Saturday", "last year") are
     * resolved against {@code date} when it is present.
     */
    AnnotatedDocument annotate(String text, Optional<LocalDate> date);
}
