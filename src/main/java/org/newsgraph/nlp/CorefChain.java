package org.newsgraph.nlp;

import java.util.List;

/**
 * Mentions that coreference resolution judged to be the same thing, in text order.
 *
 * @param mentions       the mentions, in text order
 * @param representative the index in {@code mentions} of the most informative one
 */
public record CorefChain(List<CorefMention> mentions, int representative) {

    public CorefChain {
        mentions = List.copyOf(mentions);
        if (representative < 0 || representative >= mentions.size()) {
            throw new IllegalArgumentException("representative out of range: " + representative);
        }
    }

    public CorefMention representativeMention() {
        return mentions.get(representative);
    }
}
