package org.newsgraph.extract;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.newsgraph.nlp.Sentence;
import org.newsgraph.nlp.Token;

/**
 * Says which person or organization a word refers to: a name, a pronoun through
 * coreference, a title held by one person of the article ("the prime minister"), or an
 * unnamed spokesperson, who speaks for the organization ("the party's spokesperson").
 */
final class AgentResolver {

    private static final Set<String> SPOKESPERSONS = Set.of("spokesperson", "spokesman", "spokeswoman");

    private final EntityIndex index;
    private final List<RoleFact> roles;
    private final Lexicon lexicon;

    AgentResolver(EntityIndex index, List<RoleFact> roles, Lexicon lexicon) {
        this.index = index;
        this.roles = roles;
        this.lexicon = lexicon;
    }

    Optional<Entity> resolve(Sentence s, int token) {
        Optional<Entity> e = index.resolve(s.index(), token).filter(x -> x.kind() != EntityKind.PLACE);
        if (e.isPresent()) {
            return e;
        }
        Token t = s.token(token);
        String word = t.word().toLowerCase(Locale.ROOT);
        if (SPOKESPERSONS.contains(word)) {
            return speaksFor(s, token);
        }
        if (t.isNoun()) {
            String title = titleEndingAt(s, token);
            if (title != null) {
                List<Entity> holders = roles.stream().filter(r -> r.title().equals(title))
                        .map(RoleFact::person).distinct().toList();
                if (holders.size() == 1) {
                    return Optional.of(holders.get(0));
                }
            }
            // "the MQM committee" where NER saw only "MQM": a named organization inside the phrase.
            for (int c : s.children(token, "compound")) {
                Optional<Entity> org = index.named(s.index(), c).filter(x -> x.kind() == EntityKind.ORGANIZATION);
                if (org.isPresent() && !lexicon.orgHeads().contains(word)) {
                    return org;
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
            }
        }
        return Optional.empty();
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
