package org.newsgraph.extract;

import java.util.Optional;
import java.util.Set;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.Sentence;
import org.newsgraph.nlp.Token;

/**
 * A statement rule that fires on a token of the story (a speech verb, a speech noun,
 * "according"): it reads the story document and who words refer to, and proposes what it finds
 * at that token with its rank, which says which rule's statement comes first at the same token.
 */
abstract class TokenStatementRule implements ExtractionStep {

    private final int rank;

    TokenStatementRule(int rank) {
        this.rank = rank;
    }

    @Override
    public final Set<Slot<?>> requires() {
        return Set.of(Slots.DOCUMENT, Slots.AGENTS);
    }

    @Override
    public final Set<Slot<?>> provides() {
        return Set.of(Slots.STATEMENT_CANDIDATES);
    }

    @Override
    public final void apply(ArticleContext context) {
        AnnotatedDocument doc = context.get(Slots.DOCUMENT);
        AgentResolver agents = context.get(Slots.AGENTS);
        for (Sentence s : doc.sentences()) {
            for (Token t : s.tokens()) {
                find(doc, s, t, agents).ifPresent(st -> context.propose(Slots.STATEMENT_CANDIDATES,
                        TextOrder.at(s.index(), t.index(), rank), st));
            }
        }
    }

    /** The statement the rule reads at token {@code t} of {@code s}, if any. */
    abstract Optional<StatementFact> find(AnnotatedDocument doc, Sentence s, Token t, AgentResolver agents);
}
