package org.newsgraph.nlp;

/**
 * A basic (tree) Universal Dependencies edge between two tokens of one sentence.
 *
 * @param relation  relation name, with its subtype ("nsubj", "obl:tmod", "nmod:poss")
 * @param governor  0-based token index of the head, or -1 for the root edge
 * @param dependent 0-based token index of the dependent
 */
public record Dependency(String relation, int governor, int dependent) {

    /** The relation without its subtype: "nmod:poss" is "nmod". */
    public String baseRelation() {
        int colon = relation.indexOf(':');
        return colon < 0 ? relation : relation.substring(0, colon);
    }
}
