package org.newsgraph.spark;

import java.io.Serializable;
import java.util.Objects;
import org.newsgraph.nlp.NlpProfile;

/**
 * What a task's converter is made with, as {@code convert}'s options: the base of the minted
 * IRIs and the NLP profile. Small and serializable, so that it travels with the tasks, which
 * build (or share) the converter itself on the executor.
 */
record ConverterSettings(String base, NlpProfile profile) implements Serializable {

    ConverterSettings {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(profile, "profile");
    }
}
