package org.newsgraph.extract;

import java.text.Normalizer;
import java.util.Locale;

/** Normalization of names for comparing mentions and minting keys. */
public final class Names {

    private Names() {
    }

    /** Lower case, accents and punctuation dropped, words separated by one space: "MQM-P" is "mqm p". */
    public static String key(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        s = s.toLowerCase(Locale.ROOT).replace("’", "'").replaceAll("'s\\b", "");
        return s.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** Tidies a name as written: straight apostrophes, single spaces, no possessive, no stray punctuation at the ends. */
    public static String clean(String name) {
        String s = name.replace('’', '\'').replaceAll("\\s+", " ").strip();
        s = s.replaceAll("\\s*-\\s*", "-").replaceAll("\\s*'\\s*s$", "");
        s = s.replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}&&[^.)]]+$", "").strip();
        // A sentence's full stop taken into a name ("the Conservatives."), not an abbreviation's
        // ("Jr.", "Corp.", "U.S."): a last word of five letters or more, with no other stop.
        s = s.replaceAll("((?:^|\\s)[\\p{L}'-]{5,})\\.$", "$1");
        if (s.toLowerCase(Locale.ROOT).startsWith("the ")) {
            s = s.substring(4);
        }
        return s;
    }
}
