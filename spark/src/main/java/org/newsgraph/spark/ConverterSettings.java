package org.newsgraph.spark;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import org.newsgraph.extract.Lexicon;
import org.newsgraph.nlp.NlpProfile;

/**
 * What a task's converter is made with, as {@code convert}'s options: the base of the minted
 * IRIs, the NLP profile and the text of the user's word lists by file name (empty for the
 * built-in lists only), read once by the driver. Small and serializable, so that it travels
 * with the tasks, which build (or share) the converter itself on the executor.
 */
record ConverterSettings(String base, NlpProfile profile, Map<String, String> lexicon) implements Serializable {

    ConverterSettings {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(profile, "profile");
        lexicon = Map.copyOf(lexicon);
    }

    Lexicon words() {
        return lexicon.isEmpty() ? Lexicon.builtIn() : Lexicon.withExtensions(lexicon);
    }
}
