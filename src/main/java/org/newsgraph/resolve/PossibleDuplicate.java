package org.newsgraph.resolve;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A person and others of the store that may be the same person, and why; a hint for a person
 * to check, never a merge.
 *
 * @param person     the person (the one-word name, or the most named spelling)
 * @param lookAlikes the persons it may be
 * @param why        what makes them look alike
 */
public record PossibleDuplicate(PersonRecord person, List<PersonRecord> lookAlikes, String why) {

    public PossibleDuplicate {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(why, "why");
        lookAlikes = List.copyOf(lookAlikes);
        if (lookAlikes.isEmpty()) {
            throw new IllegalArgumentException("a possible duplicate of " + person.iri() + " with nobody");
        }
    }

    /** The articles that name the person or one of its look-alikes. */
    public int articles() {
        Set<String> graphs = new TreeSet<>(person.graphs());
        lookAlikes.forEach(p -> graphs.addAll(p.graphs()));
        return graphs.size();
    }
}
