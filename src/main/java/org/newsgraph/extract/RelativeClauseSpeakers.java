package org.newsgraph.extract;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.Dependency;
import org.newsgraph.nlp.Sentence;
import org.newsgraph.nlp.Token;

/**
 * A speech verb in a relative clause: "the senator, who said the bill would pass, ...". Its
 * subject is the relative pronoun, which names nobody; the speaker is the noun the clause
 * modifies, and what was said is the verb's own frame, as {@link SpeechContent} cuts it.
 */
final class RelativeClauseSpeakers extends TokenStatementRule {

    /** The rank of the rule among those that may fire on the same token. */
    static final int RANK = 3;

    /** A person says "who", a body "which" or "that": "the report, which said ...", names no speaker. */
    private static final Map<String, EntityKind> RELATIVE_PRONOUNS =
            Map.of("who", EntityKind.PERSON, "which", EntityKind.ORGANIZATION, "that", EntityKind.ORGANIZATION);

    private final Lexicon lexicon;
    private final SpeechContent content;

    RelativeClauseSpeakers(Lexicon lexicon) {
        super(RANK);
        this.lexicon = lexicon;
        this.content = new SpeechContent(lexicon);
    }

    @Override
    Optional<StatementFact> find(AnnotatedDocument doc, Sentence s, Token v, AgentResolver agents) {
        return SpeechVerbs.isSpeechVerb(v, lexicon) && !Quotes.insideQuote(doc, v.begin()) ? statement(doc, s, v.index(), agents) : Optional.empty();
    }

    private Optional<StatementFact> statement(AnnotatedDocument doc, Sentence s, int verb, AgentResolver agents) {
        Optional<Dependency> edge = s.headEdge(verb);
        if (edge.isEmpty() || !edge.get().relation().equals("acl:relcl")
                || s.token(edge.get().governor()).pos().endsWith("S")) {
            return Optional.empty(); // one speaker: "Democrats who said ..." are some of a party's voters, not the party
        }
        for (int subj : s.children(verb, "nsubj")) {
            String pronoun = s.token(subj).word().toLowerCase();
            // "nsubj:pass" is no speaker: "X, which was denied ..." said nothing
            boolean active = s.headEdge(subj).map(d -> d.relation().equals("nsubj")).orElse(false);
            if (active && RELATIVE_PRONOUNS.containsKey(pronoun)) {
                EntityKind kind = RELATIVE_PRONOUNS.get(pronoun);
                return agents.resolve(s, edge.get().governor()).filter(e -> e.kind() == kind)
                        .flatMap(who -> content.of(doc, s, verb).map(c -> new StatementFact(who, c.text(), false,
                                s.token(verb).lemma().toLowerCase(), new Evidence(c.begin(), c.end(), s.text()), 0.7)));
            }
        }
        return Optional.empty();
    }
}
