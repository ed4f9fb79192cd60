package org.newsgraph.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.newsgraph.nlp.Sentence;
import org.newsgraph.nlp.Token;

/**
 * Says which person or organization a word refers to: a name, a pronoun through
 * coreference, a title held by one person of the article ("the prime minister"), or an
 * unnamed spokesperson, who speaks for the organization ("the party's spokesperson").
 */
public final class AgentResolver {

    private static final Set<String> SPOKESPERSONS = Set.of("spokesperson", "spokesman", "spokeswoman");

    private static final Set<String> PERSONAL_PRONOUNS = Set.of("he", "she");
    private static final int SALIENCE_WINDOW = 3;
    /** The pronoun subjects of earlier sentences already resolved, by sentence and token. */
    private final Map<Long, Optional<Entity>> pronouns = new HashMap<>();

    private final EntityIndex index;
    private final List<Sentence> sentences;
    private final List<RoleFact> roles;
    private final Lexicon lexicon;

    AgentResolver(List<Sentence> sentences, EntityIndex index, List<RoleFact> roles, Lexicon lexicon) {
        this.sentences = List.copyOf(sentences);
        this.index = index;
        this.roles = roles;
        this.lexicon = lexicon;
    }

    /** The person or organization token {@code token} of {@code s} refers to, if the article tells. */
    public Optional<Entity> resolve(Sentence s, int token) {
        if (PERSONAL_PRONOUNS.contains(s.token(token).word().toLowerCase(Locale.ROOT))) {
            Optional<Entity> salient = salientSubject(s, token);
            if (salient.isPresent()) {
                return salient;
            }
        }
        Optional<Entity> named = index.named(s.index(), token).filter(x -> x.kind() != EntityKind.PLACE);
        if (named.isPresent()) {
            return named;
        }
        Token t = s.token(token);
        String word = t.word().toLowerCase(Locale.ROOT);
        for (int appos : s.children(token, "appos")) {
            // "Her spokesman, Brian Fallon, wrote ...": the name in apposition
            Optional<Entity> e = index.named(s.index(), appos).filter(x -> x.kind() != EntityKind.PLACE);
            if (e.isPresent()) {
                return e;
            }
        }
        if (t.isNoun() && !SPOKESPERSONS.contains(word)) {
            // "the chief minister said": the one person of the article with that title, before
            // coreference, which often ties a title to the nearest name instead
            String title = titleEndingAt(s, token);
            if (title != null) {
                List<Entity> holders = holders(r -> r.title().equals(title));
                if (holders.isEmpty()) {
                    // "the minister said" of the article's one justice minister: the title's head word(s)
                    holders = holders(r -> !r.title().startsWith("former ") && r.title().endsWith(" " + title));
                }
                if (holders.size() == 1) {
                    return Optional.of(holders.get(0));
                }
            }
        }
        if (t.isNoun()) {
            // "Special Assistant to the Prime Minister on Health Jane Roe said": the subject is the
            // title's head, the name deep inside it; the role read from the sentence ties them
            List<Entity> inRole = roles.stream().filter(r -> r.evidence().sentence().equals(s.text())
                    && r.evidence().begin() <= t.begin() && t.end() <= r.evidence().end()).map(RoleFact::person).distinct().toList();
            if (inRole.size() == 1) {
                return Optional.of(inRole.get(0));
            }
        }
        Optional<Entity> e = index.resolve(s.index(), token).filter(x -> x.kind() != EntityKind.PLACE);
        if (e.isPresent()) {
            return e;
        }
        if (SPOKESPERSONS.contains(word)) {
            return speaksFor(s, token);
        }
        if (isTheParty(s, token)) {
            return theParty();
        }
        if (t.isNoun()) {
            // "the harbour party central committee", the lower-case form of a name the article also gives:
            // coreference used to make that link.
            int from = token;
            for (var d : s.children(token)) {
                if ((d.relation().equals("compound") || d.relation().equals("amod")) && d.dependent() < from) {
                    from = d.dependent();
                }
            }
            if (from < token) {
                StringBuilder phrase = new StringBuilder();
                for (int i = from; i <= token; i++) {
                    phrase.append(i == from ? "" : " ").append(s.token(i).word());
                }
                String name = phrase.toString();
                Optional<Entity> same = index.entities().stream().filter(x -> x.kind() == EntityKind.ORGANIZATION)
                        .filter(x -> x.label().equalsIgnoreCase(name)
                                || x.aliases().stream().anyMatch(n -> n.equalsIgnoreCase(name)))
                        .findFirst();
                if (same.isPresent()) {
                    return same;
                }
            }
            // "the PPP committee" where NER saw only "PPP": a named organization inside the phrase.
            for (int c : s.children(token, "compound")) {
                Optional<Entity> org = index.named(s.index(), c).filter(x -> x.kind() == EntityKind.ORGANIZATION);
                if (org.isPresent() && !lexicon.orgHeads().contains(word)) {
                    return org;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The person a "he" or "she" most likely is: the named subject of a clause that governs
     * the pronoun, else the named subject of a main or speech clause in the sentences just
     * before. News writing keeps its protagonist in subject position, which statistical
     * coreference often loses to a nearer name.
     */
    private Optional<Entity> salientSubject(Sentence s, int pronoun) {
        int v = s.headEdge(pronoun).map(d -> d.governor()).orElse(-1);
        for (int guard = 0; v >= 0 && guard < s.tokens().size(); guard++) {
            Optional<Entity> subject = namedSubject(s, v);
            if (subject.isPresent()) {
                return subject;
            }
            v = s.headEdge(v).map(d -> d.governor()).orElse(-1);
        }
        return recentSubject(s);
    }

    /** The named person subject of a main or speech clause in the few sentences before {@code s}. */
    public Optional<Entity> recentSubject(Sentence s) {
        for (int back = 1; back <= SALIENCE_WINDOW && s.index() - back >= 0; back++) {
            Sentence prev = sentences.get(s.index() - back);
            for (var d : prev.dependencies()) {
                boolean mainClause = d.governor() < 0;
                boolean speech = d.dependent() >= 0 && prev.token(d.dependent()).isVerb()
                        && lexicon.speechVerbs().contains(prev.token(d.dependent()).lemma());
                if (mainClause || speech) {
                    Optional<Entity> subject = namedSubject(prev, d.dependent());
                    if (subject.isEmpty()) {
                        subject = pronounSubject(prev, d.dependent());
                    }
                    if (subject.isPresent()) {
                        return subject;
                    }
                }
            }
            // "Mr Reed said ..." where the parser lost the verb's subject: the name before it
            for (var t : prev.tokens()) {
                if (t.index() > 0 && t.isVerb() && lexicon.speechVerbs().contains(t.lemma())) {
                    Optional<Entity> before = index.named(prev.index(), t.index() - 1)
                            .filter(x -> x.kind() == EntityKind.PERSON);
                    if (before.isPresent()) {
                        return before;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Who the "he" or "she" subject of {@code verb} is, resolved in its own sentence: so that a
     * run of sentences that go on with "He said ...", "He added ..." keeps its speaker. Only called
     * for sentences before the one being resolved, so it ends; each pronoun is resolved once.
     */
    private Optional<Entity> pronounSubject(Sentence s, int verb) {
        for (int subj : s.children(verb, "nsubj")) {
            if (PERSONAL_PRONOUNS.contains(s.token(subj).word().toLowerCase(Locale.ROOT))) {
                long key = ((long) s.index() << 32) | subj;
                if (!pronouns.containsKey(key)) {
                    pronouns.put(key, Optional.empty()); // while it is being resolved
                    pronouns.put(key, salientSubject(s, subj));
                }
                return pronouns.get(key);
            }
        }
        return Optional.empty();
    }

    /** The persons of the article's roles that {@code test} accepts, each once. */
    private List<Entity> holders(java.util.function.Predicate<RoleFact> test) {
        return roles.stream().filter(test).map(RoleFact::person).distinct().toList();
    }

    /** The subject of {@code verb} when it names someone: a name, a title one person holds, a spokesperson. */
    private Optional<Entity> namedSubject(Sentence s, int verb) {
        for (int subj : s.children(verb, "nsubj")) {
            Optional<Entity> named = index.named(s.index(), subj);
            if (named.isPresent()) {
                // a named organization as subject ("the Budget would ...") is no "he"
                if (named.get().kind() == EntityKind.PERSON) {
                    return named;
                }
            } else if (!s.token(subj).isPronoun()) {
                Optional<Entity> e = resolve(s, subj).filter(x -> x.kind() != EntityKind.PLACE);
                if (e.isPresent()) {
                    return e;
                }
            }
        }
        return Optional.empty();
    }

    /** The organization an unnamed spokesperson speaks for: a possessive, a premodifier or an of-phrase. */
    private Optional<Entity> speaksFor(Sentence s, int token) {
        for (var d : s.children(token)) {
            if (d.relation().equals("nmod:poss") || d.relation().equals("compound") || d.relation().equals("nmod")) {
                Optional<Entity> e = index.resolve(s.index(), d.dependent())
                        .filter(x -> x.kind() == EntityKind.ORGANIZATION);
                if (e.isPresent()) {
                    return e;
                }
                if (isTheParty(s, d.dependent())) {
                    // "the party's spokesman", without coreference to name the party
                    return theParty();
                }
            }
        }
        return Optional.empty();
    }

    /** "the party": the word party with the definite article. */
    private static boolean isTheParty(Sentence s, int token) {
        return s.token(token).word().equalsIgnoreCase("party")
                && s.children(token, "det").stream().anyMatch(d -> s.token(d).word().equalsIgnoreCase("the"));
    }

    /** The party the article is about: the most mentioned one. */
    private Optional<Entity> theParty() {
        return index.entities().stream().filter(Entity::party)
                .max(java.util.Comparator.comparingInt(index::mentionCount));
    }

    private String titleEndingAt(Sentence s, int token) {
        for (TitleSpan t : TitleSpan.find(s, lexicon)) {
            if (t.span().end() - 1 == token) {
                return t.title();
            }
        }
        return null;
    }
}
