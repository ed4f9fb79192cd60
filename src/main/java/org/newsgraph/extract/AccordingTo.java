package org.newsgraph.extract;

import java.util.Optional;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.Dependency;
import org.newsgraph.nlp.Sentence;
import org.newsgraph.nlp.Token;

/**
 * "According to X, ...": X is the speaker, the clause it modifies is what was said.
 */
final class AccordingTo extends TokenStatementRule {

    /** The rank of the rule among those that may fire on the same token. */
    static final int RANK = 2;

    AccordingTo() {
        super(RANK);
    }

    @Override
    Optional<StatementFact> find(AnnotatedDocument doc, Sentence s, Token v, AgentResolver agents) {
        boolean accordingTo = v.word().equalsIgnoreCase("according") && v.index() + 1 < s.tokens().size()
                && s.token(v.index() + 1).word().equalsIgnoreCase("to");
        return accordingTo ? accordingTo(s, v.index(), agents) : Optional.empty();
    }

    private static Optional<StatementFact> accordingTo(Sentence s, int according, AgentResolver agents) {
        int source = according + 2;
        while (source < s.tokens().size() && s.token(source).pos().equals("DT")) {
            source++;
        }
        if (source >= s.tokens().size()) {
            return Optional.empty();
        }
        Optional<Entity> speaker = agents.resolve(s, source);
        Optional<Dependency> edge = s.headEdge(source);
        int sourceHead = source;
        while (edge.isPresent() && edge.get().governor() >= 0 && !s.token(edge.get().governor()).isVerb()
                && edge.get().governor() >= according && edge.get().governor() < according + 8) {
            sourceHead = edge.get().governor();
            edge = s.headEdge(sourceHead);
        }
        if (speaker.isEmpty() || edge.isEmpty() || edge.get().governor() < 0) {
            return Optional.empty();
        }
        int[] sourceExtent = s.subtreeExtent(sourceHead);
        int[] clause = s.subtreeExtent(edge.get().governor());
        int start = clause[0];
        int end = clause[1];
        if (sourceExtent[0] <= start + 1) {
            start = sourceExtent[1];
        } else {
            end = Math.min(end, according);
        }
        start = ContentSpans.skipLeading(s, start, end);
        end = ContentSpans.trimTrailing(s, start, end);
        if (!ContentSpans.longEnough(start, end)) {
            return Optional.empty();
        }
        return Optional.of(new StatementFact(speaker.get(), s.textOf(start, end), false, "according to",
                new Evidence(s.token(start).begin(), s.token(end - 1).end(), s.text()), 0.7));
    }
}
