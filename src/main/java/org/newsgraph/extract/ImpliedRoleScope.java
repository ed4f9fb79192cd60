package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.Mention;
import org.newsgraph.nlp.Sentence;
import org.newsgraph.nlp.Token;

/**
 * The scope an article implies for a role whose sentence names none, from the office's level
 * ({@code offices.tsv}): a member of an assembly the article names sits in it; a national office
 * is an office of the country the article names most; a provincial office of the article's one
 * province, a city office of its one city; a title whose kind of body the lexicon knows
 * ({@code title-bodies.tsv}) is held in the article's one body of that kind. Every such scope is
 * marked inferred, with less confidence than a stated one, and is always an entity the article
 * names: never a body it does not.
 */
final class ImpliedRoleScope implements ExtractionStep {

    private final Lexicon lexicon;
    private final OfficeLevels offices;
    private final Gazetteer gazetteer;

    ImpliedRoleScope(Lexicon lexicon) {
        this.lexicon = lexicon;
        this.offices = OfficeLevels.builtIn();
        this.gazetteer = Gazetteer.builtIn();
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
        AnnotatedDocument doc = context.get(Slots.DOCUMENT);
        EntityIndex index = context.get(Slots.ENTITIES);
        List<RoleFact> stated = context.get(Slots.STATED_ROLES);
        Optional<Entity> country = homeCountry(doc, index);
        Set<Entity> provinces = placesTyped(doc, index, "STATE_OR_PROVINCE", provincialSeats(stated));
        index.entities().stream().filter(e -> kindOf(e).filter(k -> k == Gazetteer.Kind.PROVINCE).isPresent())
                .forEach(provinces::add);
        Optional<Entity> province = only(provinces);
        Optional<Entity> city = only(placesTyped(doc, index, "CITY", Set.of()));
        List<RoleFact> out = new ArrayList<>();
        for (RoleFact r : stated) {
            if (TitleHolders.scoped(r)) {
                out.add(r);
                continue;
            }
            String core = r.title().replaceFirst("^former ", "");
            Optional<OfficeLevels.Office> office = offices.of(core);
            Optional<Entity> body = office.flatMap(o -> onlyBodyNamed(o.bodies(), index));
            if (body.isPresent()) {
                out.add(r.inferredIn(body.get(), 0.7));
                continue;
            }
            Optional<Entity> seat = office.isPresent() ? switch (office.get().level()) {
                case COUNTRY -> ofAnotherNation(doc, r) ? Optional.empty() : country;
                case PROVINCE -> province;
                case CITY -> city;
                case NONE -> Optional.empty();
            } : lexicon.placeTitles().contains(core) && !ofAnotherNation(doc, r) ? country : Optional.empty();
            if (seat.isPresent()) {
                out.add(r.inferredIn(seat.get(), 0.8));
                continue;
            }
            // "Justice Minister Jane Doe" in an article about one government body: that body.
            Optional<Entity> kindOfBody = onlyBodyFor(core, index);
            out.add(kindOfBody.map(b -> r.inferredIn(b, 0.7)).orElse(r));
        }
        context.put(Slots.ROLES, out);
    }

    /**
     * "the Chinese premier", "British Prime Minister X": a nationality right before the title
     * says whose office it is, so it is not the article's country's.
     */
    private static boolean ofAnotherNation(AnnotatedDocument doc, RoleFact r) {
        for (Sentence s : doc.sentences()) {
            if (!s.text().equals(r.evidence().sentence())) {
                continue;
            }
            for (int i = 0; i < s.tokens().size(); i++) {
                Token t = s.token(i);
                if (t.end() <= r.evidence().begin() && t.ner().equals("NATIONALITY")
                        && (i + 1 == s.tokens().size() || s.token(i + 1).begin() >= r.evidence().begin())) {
                    return true;
                }
                if (t.begin() >= r.evidence().begin() && t.end() <= r.evidence().end() && t.ner().equals("NATIONALITY")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The places that stated provincial offices are held in ("the Northland Governor"). */
    private Set<Entity> provincialSeats(List<RoleFact> stated) {
        Set<Entity> seats = new LinkedHashSet<>();
        for (RoleFact r : stated) {
            boolean provincial = offices.of(r.title()).filter(o -> o.level() == OfficeLevels.Level.PROVINCE).isPresent();
            if (provincial) {
                r.jurisdiction().ifPresent(seats::add);
            }
        }
        return seats;
    }

    /** The article's places that NER typed so, with {@code also}. */
    private static Set<Entity> placesTyped(AnnotatedDocument doc, EntityIndex index, String type, Set<Entity> also) {
        Set<Entity> out = new LinkedHashSet<>(also);
        for (Mention m : doc.mentions()) {
            if (m.type().equals(type)) {
                index.named(m.span().sentence(), m.span().start()).filter(e -> e.kind() == EntityKind.PLACE)
                        .ifPresent(out::add);
            }
        }
        return out;
    }

    private static Optional<Entity> only(Set<Entity> entities) {
        return entities.size() == 1 ? Optional.of(entities.iterator().next()) : Optional.empty();
    }

    /**
     * The article's one organization that is one of the bodies: its name ends with the body's
     * words ("the National Assembly") or begins with them before "of" ("Senate of Northland"),
     * but is not a part of it ("Senate Standing Committee"), if one.
     */
    private static Optional<Entity> onlyBodyNamed(List<String> bodies, EntityIndex index) {
        if (bodies.isEmpty()) {
            return Optional.empty();
        }
        List<Entity> found = index.entities().stream().filter(e -> e.kind() == EntityKind.ORGANIZATION)
                .filter(e -> bodies.stream().anyMatch(b -> isBody(Names.key(e.label()), b))).toList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private static boolean isBody(String name, String body) {
        return name.equals(body) || name.endsWith(" " + body) || name.startsWith(body + " of ");
    }

    /** The one organization of the article whose name ends as the bodies a title is held in, if one. */
    private Optional<Entity> onlyBodyFor(String title, EntityIndex index) {
        Set<String> bodies = lexicon.titleBodies().getOrDefault(title.substring(title.lastIndexOf(' ') + 1), Set.of());
        List<Entity> found = index.entities().stream().filter(e -> e.kind() == EntityKind.ORGANIZATION)
                .filter(e -> bodies.contains(Names.key(e.label()).replaceAll(".* ", ""))).toList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /**
     * The country the article is about: of the countries it names, the one it names most often
     * together with its provinces and cities ("PESHAWAR:", "the Sindh Assembly" count for
     * Pakistan), if it names any. A country alone on a line is a scraped page's section label
     * ("US" above a story), not a mention.
     */
    private Optional<Entity> homeCountry(AnnotatedDocument doc, EntityIndex index) {
        Map<String, Entity> countriesByCode = new LinkedHashMap<>();
        for (Entity e : index.entities()) {
            gazetteer.find(e.label()).filter(p -> p.kind() == Gazetteer.Kind.COUNTRY && e.kind() == EntityKind.PLACE)
                    .ifPresent(p -> countriesByCode.putIfAbsent(p.country(), e));
        }
        Map<Entity, Integer> counts = new LinkedHashMap<>();
        for (Mention m : doc.mentions()) {
            if (m.type().equals("COUNTRY") && !aloneOnLine(doc.text(), m)) {
                index.named(m.span().sentence(), m.span().start()).filter(e -> e.kind() == EntityKind.PLACE)
                        .ifPresent(e -> counts.merge(e, 1, Integer::sum));
            }
        }
        for (Entity e : index.entities()) {
            Optional<Gazetteer.Place> place = gazetteer.find(e.label()).filter(p -> p.kind() != Gazetteer.Kind.COUNTRY);
            Entity country = place.map(p -> countriesByCode.get(p.country())).orElse(null);
            if (country != null && e.kind() == EntityKind.PLACE) {
                counts.merge(country, index.mentionCount(e) > 0 ? 1 : 0, Integer::sum);
            }
        }
        return counts.entrySet().stream().filter(c -> c.getValue() > 0).max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey);
    }

    /** What the gazetteer says a place entity is, if it knows it. */
    private Optional<Gazetteer.Kind> kindOf(Entity e) {
        return e.kind() == EntityKind.PLACE ? gazetteer.find(e.label()).map(Gazetteer.Place::kind) : Optional.empty();
    }

    private static boolean aloneOnLine(String text, Mention m) {
        boolean lineStart = m.begin() == 0 || text.charAt(m.begin() - 1) == '\n';
        boolean lineEnd = m.end() >= text.length() || text.charAt(m.end()) == '\n';
        return lineStart && lineEnd && m.text().toUpperCase(Locale.ROOT).equals(m.text());
    }
}
