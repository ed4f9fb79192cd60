package org.newsgraph.extract;

import org.newsgraph.nlp.Sentence;
import org.newsgraph.nlp.Token;

/** Cutting what was said out of a sentence: the tokens of a clause without its "that" and its punctuation. */
final class ContentSpans {

    /** Fewer tokens are no statement: a fragment the parser split off. */
    static final int MIN_REPORTED_TOKENS = 3;

    private ContentSpans() {
    }

    /** The first token at or after {@code start} that is not the clause's "that" or punctuation. */
    static int skipLeading(Sentence s, int start, int end) {
        while (start < end && (s.token(start).word().equalsIgnoreCase("that") && s.headEdge(start)
                .map(d -> d.relation().equals("mark")).orElse(false) || isPunct(s.token(start)))) {
            start++;
        }
        return start;
    }

    /** {@code end} moved back over trailing punctuation, not before {@code start}. */
    static int trimTrailing(Sentence s, int start, int end) {
        while (end > start && isPunct(s.token(end - 1))) {
            end--;
        }
        return end;
    }

    /** Long enough to be a statement. */
    static boolean longEnough(int start, int end) {
        return end - start >= MIN_REPORTED_TOKENS;
    }

    static boolean isPunct(Token t) {
        return t.word().matches("[\\p{Punct}“”‘’«»]+") && !t.word().equals("%");
    }
}
