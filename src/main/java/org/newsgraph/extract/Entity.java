package org.newsgraph.extract;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One real-world person, organization or place named in an article, with every name it goes by.
 *
 * @param kind     person, organization or place
 * @param label    the canonical name ("Ann Moore", "Green Harbour Party")
 * @param aliases  other names used for it, without the label
 * @param party    an organization that is a political party
 * @param wikidata its Wikidata item ("Q9630") when known
 */
public record Entity(EntityKind kind, String label, Set<String> aliases, boolean party, Optional<String> wikidata) {

    public Entity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(wikidata, "wikidata");
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("entity label is blank");
        }
        aliases = Set.copyOf(aliases);
    }

    /** The stable key the entity's IRI is minted from: same kind and name, same key, in any article. */
    public String key() {
        return Names.key(label);
    }
}
