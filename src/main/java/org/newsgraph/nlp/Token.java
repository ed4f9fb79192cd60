package org.newsgraph.nlp;

/**
 * One token of a sentence.
 *
 * @param index      0-based position in its sentence
 * @param word       the token as written
 * @param lemma      dictionary form
 * @param pos        Penn Treebank part-of-speech tag
 * @param ner        named-entity tag ("PERSON", "TITLE", "DATE", or "O")
 * @param normalized normalized value of a time or number expression ("2025-02-08"), or ""
 * @param begin      character offset in the document text
 * @param end        character offset just past the token
 */
public record Token(int index, String word, String lemma, String pos, String ner,
                    String normalized, int begin, int end) {

    public boolean isVerb() {
        return pos.startsWith("VB");
    }

    public boolean isNoun() {
        return pos.startsWith("NN");
    }

    public boolean isProperNoun() {
        return pos.startsWith("NNP");
    }

    public boolean isPronoun() {
        return pos.equals("PRP") || pos.equals("PRP$");
    }
}
