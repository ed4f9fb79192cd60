package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.newsgraph.read.Article;

/**
 * Everything extracted from one article.
 *
 * @param article  the article the facts come from
 * @param entities every person, organization and place it names, once each
 */
public record ArticleFacts(Article article, List<Entity> entities, List<RoleFact> roles,
                           List<StatementFact> statements, List<EventFact> events) {

    public ArticleFacts {
        Objects.requireNonNull(article, "article");
        entities = List.copyOf(entities);
        roles = List.copyOf(roles);
        statements = List.copyOf(statements);
        events = List.copyOf(events);
    }

    /** All facts, roles first, then statements, then events. */
    public List<Fact> facts() {
        List<Fact> all = new ArrayList<>(roles);
        all.addAll(statements);
        all.addAll(events);
        return all;
    }
}
