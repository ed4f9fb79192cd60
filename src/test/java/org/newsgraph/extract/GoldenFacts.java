package org.newsgraph.extract;

import java.util.List;
import java.util.Optional;

/** The facts of a golden folder, extracted from its saved annotations, and finders over them. */
final class GoldenFacts {

    private GoldenFacts() {
    }

    /** What the current extraction finds in golden folder {@code name}'s annotated.json; no models. */
    static ArticleFacts of(String name) {
        return GoldenCase.named(name).extract();
    }

    static Optional<RoleFact> role(ArticleFacts f, String person) {
        return f.roles().stream().filter(r -> r.person().label().equals(person)).findFirst();
    }

    static Optional<StatementFact> statement(ArticleFacts f, String speaker) {
        return f.statements().stream().filter(s -> s.speaker().label().equals(speaker)).findFirst();
    }

    static List<EventFact> events(ArticleFacts f, String trigger) {
        return f.events().stream().filter(e -> e.trigger().equals(trigger)).toList();
    }

    static List<Entity> entities(ArticleFacts f, EntityKind kind) {
        return f.entities().stream().filter(e -> e.kind() == kind).toList();
    }
}
