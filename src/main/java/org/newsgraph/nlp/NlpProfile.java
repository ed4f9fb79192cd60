package org.newsgraph.nlp;

import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Collectors;
import org.newsgraph.NewsgraphException;

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

    /** The CoreNLP settings of this profile. */
    public Properties properties() {
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner,depparse,coref,quote");
        // A blank line ends a sentence, so a headline or caption never runs into the body.
        p.setProperty("ssplit.newlineIsSentenceBreak", "two");
        p.setProperty("coref.algorithm", "statistical");
        p.setProperty("quote.attributeQuotes", "true");
        p.setProperty("ner.applyFineGrained", "true");
        return p;
    }

    /** The profile called {@code name} (case-insensitive), as the command line spells it. */
    public static NlpProfile named(String name) {
        for (NlpProfile p : values()) {
            if (p.cliName().equalsIgnoreCase(name.strip())) {
                return p;
            }
        }
        throw new NewsgraphException("unknown profile '" + name + "': use one of "
                + Arrays.stream(values()).map(NlpProfile::cliName).collect(Collectors.joining(", ")));
    }

    /** The name on the command line: {@code fast}, {@code accurate}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
