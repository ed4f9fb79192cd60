package org.newsgraph.nlp;

/**
 * One mention in a coreference chain.
 *
 * @param span the mention's tokens
 * @param head 0-based token index of its head word within the sentence
 * @param kind PROPER, NOMINAL, PRONOMINAL or LIST
 * @param text the mention as written
 */
public record CorefMention(Span span, int head, String kind, String text) {

    public boolean isPronoun() {
        return kind.equals("PRONOMINAL");
    }
}
