package org.newsgraph.extract;

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

    private static final Set<String> RELATIVE_PRONOUNS = Set.of("who", "which", "that");

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
        boolean relative = edge.isPresent() && edge.get().relation().equals("acl:relcl") && s.children(verb, "nsubj")
                .stream().anyMatch(subj -> RELATIVE_PRONOUNS.contains(s.token(subj).word().toLowerCase()));
        if (!relative) {
            return Optional.empty();
        }
        Optional<Entity> speaker = agents.resolve(s, edge.get().governor()).filter(e -> e.kind() != EntityKind.PLACE);
        return speaker.flatMap(who -> content.of(doc, s, verb).map(c -> new StatementFact(who, c.text(), false,
                s.token(verb).lemma().toLowerCase(), new Evidence(c.begin(), c.end(), s.text()), 0.7)));
    }
}
