package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.newsgraph.nlp.AnnotatedDocument;

/**
 * The scope an article implies for a role whose sentence names none: a national office is an
 * office of the country the article names most; a title whose kind of body the lexicon knows
 * ({@code title-bodies.tsv}) is held in the article's one body of that kind. Both with less
 * confidence than a stated scope.
 */
final class ImpliedRoleScope implements ExtractionStep {

    private final Lexicon lexicon;

    ImpliedRoleScope(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public Set<Slot<?>> requires() {
        return Set.of(Slots.DOCUMENT, Slots.ENTITIES, Slots.STATED_ROLES);
    }

    @Override
    public Set<Slot<?>> provides() {
        return Set.of(Slots.ROLES);
    }

    @Override
    public void apply(ArticleContext context) {
        EntityIndex index = context.get(Slots.ENTITIES);
        Optional<Entity> country = homeCountry(context.get(Slots.DOCUMENT), index);
        List<RoleFact> out = new ArrayList<>();
        for (RoleFact r : context.get(Slots.STATED_ROLES)) {
            String core = r.title().replaceFirst("^former ", "");
            if (!TitleHolders.scoped(r) && country.isPresent() && lexicon.placeTitles().contains(core)) {
                // A national office with no stated scope is an office of the country the article is about.
                r = new RoleFact(r.person(), r.title(), r.former(), Optional.empty(), country, r.evidence(),
                        r.confidence() * 0.8);
            }
            if (!TitleHolders.scoped(r)) {
                // "Justice Minister Jane Doe" in an article about one government body: that body.
                Optional<Entity> body = onlyBodyFor(core, index);
                if (body.isPresent()) {
                    r = new RoleFact(r.person(), r.title(), r.former(), body, Optional.empty(), r.evidence(),
                            r.confidence() * 0.7);
                }
            }
            out.add(r);
        }
        context.put(Slots.ROLES, out);
    }

    /** The one organization of the article whose name ends as the bodies a title is held in, if one. */
    private Optional<Entity> onlyBodyFor(String title, EntityIndex index) {
        Set<String> bodies = lexicon.titleBodies().getOrDefault(title.substring(title.lastIndexOf(' ') + 1), Set.of());
        List<Entity> found = index.entities().stream().filter(e -> e.kind() == EntityKind.ORGANIZATION)
                .filter(e -> bodies.contains(Names.key(e.label()).replaceAll(".* ", ""))).toList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** The country the article names most often, if it names any. */
    private static Optional<Entity> homeCountry(AnnotatedDocument doc, EntityIndex index) {
        Map<Entity, Integer> counts = new LinkedHashMap<>();
        for (var m : doc.mentions()) {
            if (m.type().equals("COUNTRY")) {
                index.named(m.span().sentence(), m.span().start()).filter(e -> e.kind() == EntityKind.PLACE)
                        .ifPresent(e -> counts.merge(e, 1, Integer::sum));
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }
}
