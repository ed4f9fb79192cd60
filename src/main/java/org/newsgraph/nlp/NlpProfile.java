package org.newsgraph.nlp;

import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Collectors;
import org.newsgraph.error.BadInputException;

/**
 * Which CoreNLP settings annotate the articles: a trade between speed and what the extraction
 * finds. The figures behind the choice are in the README's Performance section.
 */
public enum NlpProfile {

    /** The default: the settings that pay for themselves (see {@link #properties()}). */
    FAST,

    /** Every model CoreNLP offers for our annotators, at several times the cost per token. */
    ACCURATE;

    /** The profile used when none is named. */
    public static final NlpProfile DEFAULT = FAST;

    /**
     * The longest sentence, in tokens, that gets part-of-speech tags and named entities; a longer
     * one gets none. The reader already refuses 1,000 words without a sentence end, but counts
     * {@code ;} and {@code :} as ends where CoreNLP does not; no sentence of news comes near.
     */
    static final int MAX_SENTENCE_TOKENS = 1000;

    /**
     * The CoreNLP settings of this profile. Both run tokenize, ssplit, pos, lemma, ner (with SUTime
     * for dates and the fine-grained classes: titles, countries, states), depparse and quote with
     * attribution. {@link #ACCURATE} adds statistical coreference, the 7- and 4-class NER models
     * and the regular expressions of the fine-grained gazetteers. {@link #FAST} leaves them out:
     * the extractor resolves pronouns by salience, and the 3-class model finds the same names here.
     */
    public Properties properties() {
        Properties p = new Properties();
        // A line break ends a sentence, so a headline, a section label, a teaser or a caption never
        // runs into the body: scraped news puts each on a line of its own, and no corpus at hand
        // wraps a paragraph over lines.
        p.setProperty("ssplit.newlineIsSentenceBreak", "always");
        // A backstop, so that one endless sentence cannot hold the taggers (and SUTime's patterns,
        // which run inside the NER) for minutes; the whole article has its budget in the pipeline.
        p.setProperty("pos.maxlen", String.valueOf(MAX_SENTENCE_TOKENS));
        p.setProperty("ner.maxlen", String.valueOf(MAX_SENTENCE_TOKENS));
        p.setProperty("quote.attributeQuotes", "true");
        p.setProperty("ner.applyFineGrained", "true");
        if (this == ACCURATE) {
            p.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner,depparse,coref,quote");
            p.setProperty("coref.algorithm", "statistical");
        } else {
            // Quote attribution reads coreference chains; nocoref gives it none.
            p.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner,depparse,nocoref,quote");
            p.setProperty("customAnnotatorClass.nocoref", NoCorefAnnotator.class.getName());
            p.setProperty("ner.model", "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz");
            p.setProperty("ner.fine.regexner.mapping", LiteralGazetteers.mapping());
        }
        return p;
    }

    /** The profile called {@code name} (case-insensitive), as the command line spells it. */
    public static NlpProfile named(String name) {
        for (NlpProfile p : values()) {
            if (p.cliName().equalsIgnoreCase(name.strip())) {
                return p;
            }
        }
        throw new BadInputException("unknown profile '" + name + "': use one of "
                + Arrays.stream(values()).map(NlpProfile::cliName).collect(Collectors.joining(", ")));
    }

    /** The name on the command line: {@code fast}, {@code accurate}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
