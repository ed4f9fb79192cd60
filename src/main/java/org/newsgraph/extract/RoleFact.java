package org.newsgraph.extract;

import java.util.Objects;
import java.util.Optional;

/**
 * A person holds a title in an organization or a place: "Punjab Governor Omar Qureshi".
 *
 * @param person       who holds it
 * @param title        the title, lower case, without "former" ("governor")
 * @param former       the text says the person held it before
 * @param organization the organization it is in, when the text says
 * @param jurisdiction the place it is in, when the text says
 * @param scopeInferred the organization or place is implied by the article, not stated in the sentence
 */
public record RoleFact(Entity person, String title, boolean former, Optional<Entity> organization,
                       Optional<Entity> jurisdiction, boolean scopeInferred, Evidence evidence, double confidence)
        implements Fact {

    public RoleFact {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(evidence, "evidence");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("role title is blank");
        }
    }

    /** A role as its sentence states it. */
    public RoleFact(Entity person, String title, boolean former, Optional<Entity> organization,
                    Optional<Entity> jurisdiction, Evidence evidence, double confidence) {
        this(person, title, former, organization, jurisdiction, false, evidence, confidence);
    }

    /** This role in a scope the article implies, with the confidence scaled by {@code factor}. */
    public RoleFact inferredIn(Entity scope, double factor) {
        boolean place = scope.kind() == EntityKind.PLACE;
        return new RoleFact(person, title, former, place ? Optional.empty() : Optional.of(scope),
                place ? Optional.of(scope) : Optional.empty(), true, evidence, confidence * factor);
    }
}
