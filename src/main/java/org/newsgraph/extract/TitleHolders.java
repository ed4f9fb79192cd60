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
 * Who holds which title, and in which organization or place, as a sentence states it, from the
 * shapes a news text uses: a title before a name ("Punjab Governor Omar Qureshi"), after it in
 * apposition ("X, the home secretary"), before it in apposition ("the party's leader, X"), a
 * copula ("X is the chairman"); the scope as {@link RoleScopes} finds it. One role per person
 * and title, the first with a scope if any has one.
 */
final class TitleHolders implements ExtractionStep {

    private static final Set<String> FORMER = Set.of("former", "ex", "ex-", "then", "outgoing", "erstwhile");

    private final Lexicon lexicon;
    private final RoleScopes scopes;

    TitleHolders(Lexicon lexicon) {
        this.lexicon = lexicon;
        this.scopes = new RoleScopes(lexicon);
    }

    @Override
    public Set<Slot<?>> requires() {
        return Set.of(Slots.DOCUMENT, Slots.ENTITIES);
    }

    @Override
    public Set<Slot<?>> provides() {
        return Set.of(Slots.STATED_ROLES, Slots.SCOPE_PLACES);
    }

    @Override
    public void apply(ArticleContext context) {
        AnnotatedDocument doc = context.get(Slots.DOCUMENT);
        EntityIndex index = context.get(Slots.ENTITIES);
        List<Entity> scopePlaces = new ArrayList<>();
        Map<String, RoleFact> roles = new LinkedHashMap<>();
        for (Sentence s : doc.sentences()) {
            List<TitleSpan> titles = TitleSpan.find(s, lexicon);
            List<Optional<Holder>> holders = new ArrayList<>();
            for (TitleSpan title : titles) {
                // In a quote, "he" is whoever the speaker means: no copula roles from quotes.
                boolean quoted = doc.quotes().stream().anyMatch(q -> q.begin() < s.token(title.span().start()).begin()
                        && s.token(title.span().start()).begin() < q.end());
                holders.add(holder(s, title, index, quoted));
            }
            for (int t = titles.size() - 2; t >= 0; t--) {
                if (holders.get(t).isEmpty() && holders.get(t + 1).isPresent()
                        && coordinated(s, titles.get(t), titles.get(t + 1))) {
                    // "Deputy Prime Minister and Foreign Minister Jane Roe": both titles are hers
                    Holder next = holders.get(t + 1).get();
                    holders.set(t, Optional.of(new Holder(next.person(), next.confidence() * 0.9, next.nameToken())));
                }
            }
            for (int t = 0; t < titles.size(); t++) {
                TitleSpan title = titles.get(t);
                holders.get(t).ifPresent(h -> {
                    RoleFact role = role(s, title, h, index, scopePlaces);
                    String key = role.person().key() + "|" + role.title();
                    RoleFact seen = roles.get(key);
                    if (seen == null || scoped(role) && !scoped(seen)) {
                        roles.put(key, role);
                    }
                });
            }
        }
        context.put(Slots.STATED_ROLES, new ArrayList<>(roles.values()));
        context.put(Slots.SCOPE_PLACES, scopePlaces);
    }

    /** "X and Y", "X cum Y": two titles joined with nothing else between them. */
    private static boolean coordinated(Sentence s, TitleSpan first, TitleSpan second) {
        int gap = first.span().end();
        return second.span().start() == gap + 1
                && Set.of("and", "cum", "&").contains(s.token(gap).word().toLowerCase(java.util.Locale.ROOT));
    }

    static boolean scoped(RoleFact r) {
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
        // Title before the name: "Chairperson Dr. Amina Rauf"
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
        // "chair of the Northland Growers Association Mara Quill": the body, then the name
        if (k + 1 < s.tokens().size() && s.token(k).word().equalsIgnoreCase("of")) {
            int o = k + 1;
            while (o < s.tokens().size() && s.token(o).pos().equals("DT")) {
                o++;
            }
            Optional<Entity> body = o < s.tokens().size()
                    ? index.named(si, o).filter(x -> x.kind() == EntityKind.ORGANIZATION) : Optional.empty();
            if (body.isPresent()) {
                int after = o;
                while (after < s.tokens().size() && index.named(si, after).equals(body)) {
                    after++;
                }
                e = person(index, si, after);
                if (e.isPresent()) {
                    return Optional.of(new Holder(e.get(), 0.8, after, body));
                }
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

    /** The token after the holder's name. */
    private static int nameEnd(Sentence s, Holder h, EntityIndex index) {
        int k = h.nameToken();
        while (k < s.tokens().size() && index.named(s.index(), k).filter(h.person()::equals).isPresent()) {
            k++;
        }
        return k;
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

    private RoleFact role(Sentence s, TitleSpan title, Holder h, EntityIndex index, List<Entity> scopePlaces) {
        int a = title.span().start();
        Optional<Entity> scope = h.scope().or(() -> scopes.before(s, title, index, scopePlaces))
                .or(() -> RoleScopes.after(s, title, index)).or(() -> RoleScopes.possessive(s, title, index))
                .or(() -> h.nameToken() > title.span().start()
                        ? RoleScopes.afterName(s, nameEnd(s, h, index), index) : Optional.empty());
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
}
