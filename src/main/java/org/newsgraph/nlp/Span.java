package org.newsgraph.nlp;

/**
 * A run of tokens in one sentence: tokens {@code start} (inclusive) to {@code end} (exclusive).
 */
public record Span(int sentence, int start, int end) {

    public Span {
        if (sentence < 0 || start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span " + sentence + ":" + start + "-" + end);
        }
    }

    public boolean contains(int sentenceIndex, int token) {
        return sentenceIndex == sentence && token >= start && token < end;
    }

    public boolean overlaps(Span other) {
        return other.sentence == sentence && other.start < end && start < other.end;
    }

    public int length() {
        return end - start;
    }
}
