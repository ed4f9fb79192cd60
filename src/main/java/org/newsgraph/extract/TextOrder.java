package org.newsgraph.extract;

import java.util.Comparator;

/**
 * Where a candidate fact was found, so that candidates from several steps come out in the order
 * of the text, whichever step ran first: by pass (some rules read the whole article before the
 * sentence-by-sentence ones), sentence, token, and the rank of the rule among those that may
 * fire on the same token.
 *
 * @param pass     0 for the first pass over the article, 1 for the next, ...
 * @param sentence sentence index (or, in a pass over quotes, the quote's index)
 * @param token    token index in the sentence (or the part of a quote)
 * @param rank     the rule's place among rules firing at the same token
 */
public record TextOrder(int pass, int sentence, int token, int rank) implements Comparable<TextOrder> {

    private static final Comparator<TextOrder> ORDER = Comparator.comparingInt(TextOrder::pass)
            .thenComparingInt(TextOrder::sentence).thenComparingInt(TextOrder::token).thenComparingInt(TextOrder::rank);

    /** A place in the sentence-by-sentence pass. */
    public static TextOrder at(int sentence, int token, int rank) {
        return new TextOrder(1, sentence, token, rank);
    }

    @Override
    public int compareTo(TextOrder other) {
        return ORDER.compare(this, other);
    }
}
