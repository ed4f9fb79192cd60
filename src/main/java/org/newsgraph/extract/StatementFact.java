package org.newsgraph.extract;

import java.util.Objects;

/**
 * Something a person or organization said, quoted or reported.
 *
 * @param speaker who said it
 * @param text    what was said, without quotation marks
 * @param direct  a direct quote rather than reported speech
 * @param cue     the speech verb lemma ("say", "urge") or "according to"
 */
public record StatementFact(Entity speaker, String text, boolean direct, String cue,
                            Evidence evidence, double confidence) implements Fact {

    public StatementFact {
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(cue, "cue");
        Objects.requireNonNull(evidence, "evidence");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("statement text is blank");
        }
    }
}
