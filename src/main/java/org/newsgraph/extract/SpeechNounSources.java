package org.newsgraph.extract;

import java.util.Optional;
import java.util.Set;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.Dependency;
import org.newsgraph.nlp.Sentence;
import org.newsgraph.nlp.Token;

/**
 * Speech nouns with their source and content: "claims from the council leader that the
 * library would close" (the nouns from the lexicon's speech-nouns list).
 */
final class SpeechNounSources extends TokenStatementRule {

    /** The rank of the rule among those that may fire on the same token. */
    static final int RANK = 1;

    /** The prepositions that introduce who made a claim: "claims from X", "claims by X". */
    private static final Set<String> SOURCE_MARKS = Set.of("from", "by");

    private final Lexicon lexicon;

    SpeechNounSources(Lexicon lexicon) {
        super(RANK);
        this.lexicon = lexicon;
    }

    @Override
    Optional<StatementFact> find(AnnotatedDocument doc, Sentence s, Token v, AgentResolver agents) {
        return v.isNoun() && lexicon.speechNouns().contains(v.lemma().toLowerCase()) && !Quotes.insideQuote(doc, v.begin()) ? speechNoun(s, v.index(), agents) : Optional.empty();
    }

    /**
     * "claims from the opposition leader that the plan will fail": a speech noun, its source
     * ("from" or "by" someone) and its content, a clause opened by "that" after the source,
     * which the parser hangs on the noun or on the source's name.
     */
    private static Optional<StatementFact> speechNoun(Sentence s, int noun, AgentResolver agents) {
        for (Dependency d : s.children(noun)) {
            boolean source = d.baseRelation().equals("nmod") && s.children(d.dependent(), "case").stream()
                    .anyMatch(c -> SOURCE_MARKS.contains(s.token(c).word().toLowerCase()));
            if (!source) {
                continue;
            }
            Optional<Entity> speaker = agents.resolve(s, d.dependent());
            int[] sourceExtent = s.subtreeExtent(d.dependent());
            if (speaker.isEmpty()) {
                return Optional.empty();
            }
            // The clause may hang inside the source's subtree ("the leader ... that"), or right after it.
            for (int that = d.dependent() + 1; that < s.tokens().size() && that <= sourceExtent[1]; that++) {
                Optional<Dependency> mark = s.headEdge(that);
                if (!s.token(that).word().equalsIgnoreCase("that") || mark.isEmpty()
                        || !mark.get().relation().equals("mark")) {
                    continue;
                }
                int clause = mark.get().governor();
                Optional<Dependency> attached = s.headEdge(clause);
                boolean onNounOrSource = attached.isPresent() && (attached.get().governor() == noun
                        || attached.get().governor() >= sourceExtent[0] && attached.get().governor() < sourceExtent[1]);
                if (!onNounOrSource) {
                    return Optional.empty();
                }
                int start = ContentSpans.skipLeading(s, that + 1, s.subtreeExtent(clause)[1]);
                int end = ContentSpans.trimTrailing(s, start, s.subtreeExtent(clause)[1]);
                if (!ContentSpans.longEnough(start, end)) {
                    return Optional.empty();
                }
                return Optional.of(new StatementFact(speaker.get(), s.textOf(start, end), false,
                        s.token(noun).lemma().toLowerCase(), new Evidence(s.token(start).begin(), s.token(end - 1).end(),
                        s.text()), 0.6));
            }
        }
        return Optional.empty();
    }
}
