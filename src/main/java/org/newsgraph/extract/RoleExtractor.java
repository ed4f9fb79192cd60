package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.Sentence;
import org.newsgraph.nlp.Token;

/**
 * Finds who holds which title, and in which organization or place, from the shapes a news
 * text uses: a title before a name ("Sindh Governor Kamran Tessori"), after it in apposition
 * ("X, the home secretary"), before it in apposition ("the party's leader, X"), a copula
 * ("X is the chairman"), with the scope as a premodifier, a possessive or an of-phrase.
 */
final class RoleExtractor {

    private static final Set<String> SCOPE_PREPOSITIONS = Set.of("of", "to", "for", "at");
    private static final Set<String> FORMER = Set.of("former", "ex", "ex-", "then", "outgoing", "erstwhile");

    private final Lexicon lexicon;

    RoleExtractor(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** Roles of the document; {@code extra} receives places named only as a role's scope. */
    List<RoleFact> extract(AnnotatedDocument doc, EntityIndex index, List<Entity> extra) {
        Map<String, RoleFact> roles = new LinkedHashMap<>();
        for (Sentence s : doc.sentences()) {
            for (TitleSpan title : TitleSpan.find(s, lexicon)) {
                // In a quote, "he" is whoever the speaker means: no copula roles from quotes.
                boolean quoted = doc.quotes().stream().anyMatch(q -> q.begin() < s.token(title.span().start()).begin()
                        && s.token(title.span().start()).begin() < q.end());
                holder(s, title, index, quoted).ifPresent(h -> {
                    RoleFact role = role(s, title, h, index, extra);
                    String key = role.person().key() + "|" + role.title();
                    RoleFact seen = roles.get(key);
                    if (seen == null || scoped(role) && !scoped(seen)) {
                        roles.put(key, role);
                    }
                });
            }
        }
        Optional<Entity> country = homeCountry(doc, index);
        List<RoleFact> out = new ArrayList<>();
        for (RoleFact r : roles.values()) {
            String core = r.title().replaceFirst("^former ", "");
            if (!scoped(r) && country.isPresent() && lexicon.placeTitles().contains(core)) {
                // A national office with no stated scope is an office of the country the article is about.
                r = new RoleFact(r.person(), r.title(), r.former(), Optional.empty(), country, r.evidence(),
                        r.confidence() * 0.8);
            }
            if (!scoped(r)) {
                // "Justice Minister Jane Doe" in an article about one government body: that body.
                Optional<Entity> body = onlyBodyFor(core, index);
                if (body.isPresent()) {
                    r = new RoleFact(r.person(), r.title(), r.former(), body, Optional.empty(), r.evidence(),
                            r.confidence() * 0.7);
                }
            }
            out.add(r);
        }
        return out;
    }

    /** The one organization of the article whose name ends as the bodies a title is held in, if one. */
    private Optional<Entity> onlyBodyFor(String title, EntityIndex index) {
        Set<String> bodies = lexicon.titleBodies().getOrDefault(title.substring(title.lastIndexOf(' ') + 1), Set.of());
        List<Entity> found = index.entities().stream().filter(e -> e.kind() == EntityKind.ORGANIZATION)
                .filter(e -> bodies.contains(Names.key(e.label()).replaceAll(".* ", ""))).toList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** The party the article names most often (the entity list is in order of first mention). */
    private Optional<Entity> mainParty(EntityIndex index) {
        return index.entities().stream().filter(Entity::party).max((a, b) -> Integer.compare(
                index.mentionCount(a), index.mentionCount(b)));
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

    private static boolean scoped(RoleFact r) {
        return r.organization().isPresent() || r.jurisdiction().isPresent();
    }

    /** The holder's entity, how sure the pattern is, and where its name is. */
    private record Holder(Entity person, double confidence, int nameToken, Optional<Entity> scope) {
        Holder(Entity person, double confidence, int nameToken) {
            this(person, confidence, nameToken, Optional.empty());
        }
    }

    private Optional<Holder> holder(Sentence s, TitleSpan title, EntityIndex index, boolean insideQuote) {
        int si = s.index();
        int a = title.span().start();
        int b = title.span().end();
        // Title before the name: "Chairman Dr. Khalid Siddiqui"
        int k = b;
        while (k < s.tokens().size() && (lexicon.isHonorific(s.token(k).word()) || s.token(k).word().equals("."))) {
            k++;
        }
        Optional<Entity> e = person(index, si, k);
        if (e.isPresent()) {
            return Optional.of(new Holder(e.get(), 0.9, k));
        }
        // "Chief Minister Punjab Maryam Khan": the seat of the office between title and name
        Optional<Entity> between = k < s.tokens().size()
                ? index.named(si, k).filter(x -> x.kind() != EntityKind.PERSON) : Optional.empty();
        if (between.isPresent()) {
            int after = k;
            while (after < s.tokens().size() && index.named(si, after).equals(between)) {
                after++;
            }
            e = person(index, si, after);
            if (e.isPresent()) {
                return Optional.of(new Holder(e.get(), 0.8, after, between));
            }
        }
        // "the party's leader, Mara Quill"
        if (b + 1 < s.tokens().size() && s.token(b).word().equals(",")) {
            e = person(index, si, b + 1);
            if (e.isPresent() && !isPersonToken(index, si, a - 1)) {
                return Optional.of(new Holder(e.get(), 0.7, b + 1));
            }
        }
        // "Mara Quill, the Green leader": walk left over the title's own modifiers to a comma.
        int j = a - 1;
        while (j >= 0 && isModifier(s, j, index)) {
            j--;
        }
        if (j >= 1 && s.token(j).word().equals(",")) {
            e = person(index, si, j - 1);
            if (e.isPresent()) {
                return Optional.of(new Holder(e.get(), 0.8, j - 1));
            }
        }
        // "X is the chairman", "X became leader"
        int head = b - 1;
        boolean copula = !s.children(head, "cop").isEmpty();
        boolean complement = s.headEdge(head).map(d -> d.relation().equals("xcomp")).orElse(false);
        if ((copula || complement) && !insideQuote) {
            int governor = copula ? head : s.headEdge(head).get().governor();
            for (int subj : s.children(governor, "nsubj")) {
                Optional<Entity> p = index.resolve(si, subj).filter(x -> x.kind() == EntityKind.PERSON);
                if (p.isPresent()) {
                    return Optional.of(new Holder(p.get(), 0.7, subj));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Entity> person(EntityIndex index, int sentence, int token) {
        return token < 0 ? Optional.empty()
                : index.named(sentence, token).filter(e -> e.kind() == EntityKind.PERSON);
    }

    private static boolean isPersonToken(EntityIndex index, int sentence, int token) {
        return person(index, sentence, token).isPresent();
    }

    /** Words between a comma and a title that still belong to the title's phrase. */
    private boolean isModifier(Sentence s, int i, EntityIndex index) {
        Token t = s.token(i);
        String w = t.word().toLowerCase();
        return t.pos().equals("DT") || t.pos().equals("PRP$") || t.pos().equals("POS") || t.pos().startsWith("JJ")
                || FORMER.contains(w) || index.named(s.index(), i).filter(e -> e.kind() != EntityKind.PERSON).isPresent()
                || t.isNoun() && Character.isLowerCase(t.word().charAt(0));
    }

    private RoleFact role(Sentence s, TitleSpan title, Holder h, EntityIndex index, List<Entity> extra) {
        int a = title.span().start();
        Optional<Entity> scope = h.scope().or(() -> scopeBefore(s, title, index, extra))
                .or(() -> scopeAfter(s, title, index)).or(() -> possessiveScope(s, title, index));
        String core = title.title().replaceFirst("^(former|ex-|ex |erstwhile|outgoing) ?", "");
        boolean former = !core.equals(title.title()) || a > 0 && (FORMER.contains(s.token(a - 1).word().toLowerCase())
                || a > 1 && FORMER.contains(s.token(a - 2).word().toLowerCase()) && s.token(a - 1).word().equals("-"));
        // Written "former X" whatever the text's word for it, so titles compare across articles.
        String written = former ? "former " + core : core;
        Optional<Entity> org = scope.filter(e -> e.kind() == EntityKind.ORGANIZATION);
        Optional<Entity> place = scope.filter(e -> e.kind() == EntityKind.PLACE);
        int from = Math.min(a, h.nameToken());
        int to = Math.max(title.span().end(), h.nameToken() + 1);
        Evidence ev = new Evidence(s.token(from).begin(), s.token(to - 1).end(), s.text());
        return new RoleFact(h.person(), written, former, org, place, ev, h.confidence());
    }

    /** "State Governor", "Green leader", "party home affairs spokesman", "the union's leader". */
    private Optional<Entity> scopeBefore(Sentence s, TitleSpan title, EntityIndex index, List<Entity> extra) {
        int i = title.span().start() - 1;
        if (i >= 2 && s.token(i).word().matches("\\)|-RRB-") && s.token(i - 2).word().matches("\\(|-LRB-")) {
            i -= 3; // "Pakistan Peoples Party (PPP) Chairman": look past the acronym in brackets
        }
        int skipped = 0;
        while (i >= 0 && skipped < 3 && (s.token(i).pos().equals("POS") || lowerCase(s.token(i))
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
        boolean governmentOffice = title.place() || title.title().endsWith("minister");
        if (t.isProperNoun() && !t.ner().equals("PERSON") && i == title.span().start() - 1 && governmentOffice
                && !lowerCase(t) && !lexicon.isHonorific(t.word())) {
            // A place NER missed, named only as the seat of an office ("Sindh Governor").
            Entity place = new Entity(EntityKind.PLACE, Names.clean(t.word()), Set.of(), false, Optional.empty());
            Optional<Entity> existing = extra.stream().filter(x -> x.key().equals(place.key())).findFirst();
            if (existing.isPresent()) {
                return existing;
            }
            extra.add(place);
            return Optional.of(place);
        }
        return Optional.empty();
    }

    private static boolean lowerCase(Token t) {
        return Character.isLowerCase(t.word().codePointAt(0));
    }

    /** "leader of the Conservative Party", "Prime Minister of Pakistan", "adviser to the Treasury". */
    private static Optional<Entity> scopeAfter(Sentence s, TitleSpan title, EntityIndex index) {
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

    /** "the party's spokesperson": a possessive the coreference ties to an organization. */
    private static Optional<Entity> possessiveScope(Sentence s, TitleSpan title, EntityIndex index) {
        for (int poss : s.children(title.span().end() - 1, "nmod:poss")) {
            Optional<Entity> e = index.resolve(s.index(), poss).filter(x -> x.kind() != EntityKind.PERSON);
            if (e.isPresent()) {
                return e;
            }
        }
        return Optional.empty();
    }
}
