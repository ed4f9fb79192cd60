package org.newsgraph.extract;

import java.util.Objects;
import java.util.Optional;

/**
 * A person holds a title in an organization or a place: "Sindh Governor Kamran Tessori".
 *
 * @param person       who holds it
 * @param title        the title, lower case, without "former" ("governor")
 * @param former       the text says the person held it before
 * @param organization the organization it is in, when the text says
 * @param jurisdiction the place it is in, when the text says
 */
public record RoleFact(Entity person, String title, boolean former, Optional<Entity> organization,
                       Optional<Entity> jurisdiction, Evidence evidence, double confidence) implements Fact {

    public RoleFact {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(evidence, "evidence");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("role title is blank");
        }
    }
}
