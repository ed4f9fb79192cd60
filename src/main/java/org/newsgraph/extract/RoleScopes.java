package org.newsgraph.extract;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.newsgraph.nlp.Sentence;
import org.newsgraph.nlp.Token;

/**
 * The organization or place a title is held in, as its sentence names it: a premodifier
 * ("Green leader"), an of-phrase ("leader of the Green Party"), a possessive ("the union's leader").
 */
final class RoleScopes {

    private static final Set<String> SCOPE_PREPOSITIONS = Set.of("of", "to", "for", "at");

    private final Lexicon lexicon;

    RoleScopes(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** "State Governor", "Green leader", "party home affairs spokesman", "the union's leader". */
    Optional<Entity> before(Sentence s, TitleSpan title, EntityIndex index, List<Entity> scopePlaces) {
        int i = title.span().start() - 1;
        if (i >= 2 && s.token(i).word().matches("\\)|-RRB-") && s.token(i - 2).word().matches("\\(|-LRB-")) {
            i -= 3; // "Pakistan Peoples Party (PPP) Chairman": look past the acronym in brackets
        }
        int skipped = 0;
        // "party founder X", "its provincial president X": stop at the word that names the body
        while (i >= 0 && skipped < 3 && !s.token(i).word().equalsIgnoreCase("party")
                && (s.token(i).pos().equals("POS") || lowerCase(s.token(i))
                && (s.token(i).isNoun() || s.token(i).pos().startsWith("JJ")))) {
            i--;
            skipped++;
        }
        if (i < 0) {
            return Optional.empty();
        }
        Optional<Entity> named = index.named(s.index(), i).filter(e -> e.kind() != EntityKind.PERSON);
        if (named.isPresent()) {
            return named;
        }
        Token t = s.token(i);
        if (t.word().equalsIgnoreCase("party")) {
            // "party leader X": the party coreference names, else the one the article is about
            return index.resolve(s.index(), i).filter(e -> e.kind() == EntityKind.ORGANIZATION)
                    .or(() -> mainParty(index));
        }
        if (t.pos().equals("PRP$") && !t.word().equalsIgnoreCase("his") && !t.word().equalsIgnoreCase("her")) {
            // "the party's general secretary X and its provincial president Y": what "its" refers to
            int possessive = i;
            return index.resolve(s.index(), i).filter(e -> e.kind() == EntityKind.ORGANIZATION)
                    .or(() -> nearestBefore(s, possessive, index));
        }
        boolean governmentOffice = title.place() || title.title().endsWith("minister");
        if (t.isProperNoun() && !t.ner().equals("PERSON") && i == title.span().start() - 1 && governmentOffice
                && !lowerCase(t) && !lexicon.isHonorific(t.word())) {
            // A place NER missed, named only as the seat of an office ("Sindh Governor"), hyphenated
            // names whole ("North-Eastland Governor").
            int first = i;
            while (first >= 2 && s.token(first - 1).word().equals("-") && s.token(first - 2).isProperNoun()
                    && !lowerCase(s.token(first - 2))) {
                first -= 2;
            }
            String name = s.textOf(first, i + 1).replaceAll("\\s*-\\s*", "-");
            Entity place = new Entity(EntityKind.PLACE, Names.clean(name), Set.of(), false, Optional.empty());
            Optional<Entity> existing = scopePlaces.stream().filter(x -> x.key().equals(place.key())).findFirst();
            if (existing.isPresent()) {
                return existing;
            }
            scopePlaces.add(place);
            return Optional.of(place);
        }
        return Optional.empty();
    }

    private static boolean lowerCase(Token t) {
        return Character.isLowerCase(t.word().codePointAt(0));
    }

    /** "leader of the Conservative Party", "Prime Minister of Pakistan", "adviser to the Ministry of Transport". */
    static Optional<Entity> after(Sentence s, TitleSpan title, EntityIndex index) {
        int i = title.span().end();
        if (i < s.tokens().size() && SCOPE_PREPOSITIONS.contains(s.token(i).word().toLowerCase())) {
            i++;
            while (i < s.tokens().size() && s.token(i).pos().equals("DT")) {
                i++;
            }
            if (i < s.tokens().size()) {
                return index.resolve(s.index(), i).filter(e -> e.kind() != EntityKind.PERSON);
            }
        }
        return Optional.empty();
    }

    /**
     * "Senator Jane Roe of the Green Party": the body after the holder's name.
     *
     * @param nameEnd the token after the holder's name
     */
    static Optional<Entity> afterName(Sentence s, int nameEnd, EntityIndex index) {
        int i = nameEnd;
        if (i + 1 < s.tokens().size() && s.token(i).word().equalsIgnoreCase("of")) {
            i++;
            while (i < s.tokens().size() && s.token(i).pos().equals("DT")) {
                i++;
            }
            if (i < s.tokens().size()) {
                return index.named(s.index(), i).filter(e -> e.kind() == EntityKind.ORGANIZATION);
            }
        }
        return Optional.empty();
    }

    /** The organization named last before token {@code i} of the sentence. */
    private static Optional<Entity> nearestBefore(Sentence s, int i, EntityIndex index) {
        for (int k = i - 1; k >= 0; k--) {
            Optional<Entity> e = index.named(s.index(), k).filter(x -> x.kind() == EntityKind.ORGANIZATION);
            if (e.isPresent()) {
                return e;
            }
        }
        return Optional.empty();
    }

    /** "the party's spokesperson": a possessive the coreference ties to an organization. */
    static Optional<Entity> possessive(Sentence s, TitleSpan title, EntityIndex index) {
        for (int poss : s.children(title.span().end() - 1, "nmod:poss")) {
            Optional<Entity> e = index.resolve(s.index(), poss).filter(x -> x.kind() != EntityKind.PERSON);
            if (e.isPresent()) {
                return e;
            }
        }
        return Optional.empty();
    }

    /** The party the article names most often (the entity list is in order of first mention). */
    private static Optional<Entity> mainParty(EntityIndex index) {
        return index.entities().stream().filter(Entity::party).max((a, b) -> Integer.compare(
                index.mentionCount(a), index.mentionCount(b)));
    }
}
