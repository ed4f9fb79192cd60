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
import org.newsgraph.nlp.Sentence;
import org.newsgraph.nlp.Span;
import org.newsgraph.nlp.Token;

/**
 * The governments and cabinets a text names by their place: "the Punjab government", "K-P
 * government", "Government of Sindh", and, where the article's country or its one province is
 * plain, "the federal government", "the provincial cabinet". Each is one organization named
 * "Government of PLACE" (or "Cabinet of PLACE") with the place's gazetteer name, so every spelling
 * of it is one entity across articles. A government of a place the gazetteer does not know, or a
 * bare "the government", is left alone.
 */
final class GovernmentNames {

    private static final Set<String> GOVERNMENT = Set.of("government", "govt", "govt.");
    private static final Set<String> CABINET = Set.of("cabinet");

    private final Gazetteer gazetteer;

    GovernmentNames(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /**
     * The government names of {@code doc}, given the names found so far; an organization found
     * so far that is only "PLACE Government" is replaced by its government in {@code found}.
     */
    List<NameMention> find(AnnotatedDocument doc, List<NameMention> found) {
        Optional<Gazetteer.Place> country = homeCountry(found);
        Optional<Gazetteer.Place> province = onlyProvince(found);
        List<NameMention> out = new ArrayList<>();
        for (Sentence s : doc.sentences()) {
            List<Token> t = s.tokens();
            for (int i = 0; i < t.size(); i++) {
                String w = t.get(i).word().toLowerCase(Locale.ROOT);
                boolean cabinet = CABINET.contains(w);
                if (!cabinet && !GOVERNMENT.contains(w)) {
                    continue;
                }
                String body = cabinet ? "Cabinet" : "Government";
                Optional<NameMention> before = placeEndingAt(found, s.index(), i);
                Optional<Gazetteer.Place> place = before.flatMap(m -> gazetteer.find(m.text()))
                        .filter(p -> p.kind() != Gazetteer.Kind.CITY);
                int start = place.isPresent() ? before.get().span().start() : i;
                int end = i + 1;
                if (place.isEmpty() && i + 2 < t.size() && t.get(i + 1).word().equals("of") && !cabinet) {
                    int from = t.get(i + 2).word().equalsIgnoreCase("the") ? i + 3 : i + 2;
                    Optional<NameMention> after = placeStartingAt(found, s.index(), from);
                    place = after.flatMap(m -> gazetteer.find(m.text())).filter(p -> p.kind() != Gazetteer.Kind.CITY);
                    end = place.isPresent() ? after.get().span().end() : end;
                }
                if (place.isEmpty() && i > 0) {
                    String modifier = t.get(i - 1).word().toLowerCase(Locale.ROOT);
                    place = modifier.equals("federal") ? country : modifier.equals("provincial") ? province : Optional.empty();
                    start = place.isPresent() ? i - 1 : start;
                }
                if (place.isEmpty()) {
                    continue;
                }
                String name = body + " of " + place.get().name();
                Span span = new Span(s.index(), start, i + 1);
                found.removeIf(m -> m.kind() == EntityKind.ORGANIZATION && m.span().equals(span));
                out.add(new NameMention(new Span(s.index(), i, i + 1), EntityKind.ORGANIZATION,
                        Names.clean(s.textOf(start, end)),
                        new Lexicon.KnownEntity(EntityKind.ORGANIZATION, name, false, Optional.empty(), List.of())));
            }
        }
        return out;
    }

    private static Optional<NameMention> placeEndingAt(List<NameMention> found, int sentence, int end) {
        return found.stream().filter(m -> m.kind() == EntityKind.PLACE && m.span().sentence() == sentence
                && m.span().end() == end).findFirst();
    }

    private static Optional<NameMention> placeStartingAt(List<NameMention> found, int sentence, int start) {
        return found.stream().filter(m -> m.kind() == EntityKind.PLACE && m.span().sentence() == sentence
                && m.span().start() == start).findFirst();
    }

    /** The country the article names most, counting its provinces and cities for it. */
    private Optional<Gazetteer.Place> homeCountry(List<NameMention> found) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (NameMention m : found) {
            if (m.kind() == EntityKind.PLACE) {
                gazetteer.find(m.text()).ifPresent(p -> counts.merge(p.country(), 1, Integer::sum));
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).flatMap(e -> gazetteer.country(e.getKey()));
    }

    /** The article's province, when it names exactly one. */
    private Optional<Gazetteer.Place> onlyProvince(List<NameMention> found) {
        Set<Gazetteer.Place> provinces = new LinkedHashSet<>();
        for (NameMention m : found) {
            if (m.kind() == EntityKind.PLACE) {
                gazetteer.find(m.text()).filter(p -> p.kind() == Gazetteer.Kind.PROVINCE).ifPresent(provinces::add);
            }
        }
        return provinces.size() == 1 ? Optional.of(provinces.iterator().next()) : Optional.empty();
    }
}
