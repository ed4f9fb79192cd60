package org.newsgraph.nlp;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the NLP stage knows about one text: sentences, named-entity mentions, coreference
 * chains and quotations. Library-independent, so extraction can be tested without models.
 *
 * @param text      the annotated text; all character offsets point into it
 * @param date      the document date that relative times were resolved against
 * @param sentences the sentences, in order
 * @param mentions  named-entity mentions, in text order
 * @param chains    coreference chains
 * @param quotes    quotations, in text order
 */
public record AnnotatedDocument(String text, Optional<LocalDate> date, List<Sentence> sentences,
                                List<Mention> mentions, List<CorefChain> chains, List<Quote> quotes) {

    public AnnotatedDocument {
        sentences = List.copyOf(sentences);
        mentions = List.copyOf(mentions);
        chains = List.copyOf(chains);
        quotes = List.copyOf(quotes);
    }

    public Sentence sentence(int i) {
        return sentences.get(i);
    }

    /** The text of a span, as written. */
    public String textOf(Span span) {
        return sentences.get(span.sentence()).textOf(span.start(), span.end());
    }

    /** The sentence holding character offset {@code offset}, if any. */
    public Optional<Sentence> sentenceAt(int offset) {
        for (Sentence s : sentences) {
            if (offset >= s.begin() && offset < s.end()) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
