package org.newsgraph.extract;

import java.util.Optional;
import java.util.Set;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.Dependency;
import org.newsgraph.nlp.Sentence;
import org.newsgraph.nlp.Token;

/**
 * Reported speech: a speech verb outside quotes with its subject and what it governs, a
 * that-clause or infinitive ("claimed that ...", "urged members to ..."), an object for verbs
 * whose object is what was said ("denied the claims"), a clause after it in parataxis, or the
 * clause before it ("The plan will fail, he said."). Where the parser lost the frame, the words
 * alone: a name right before the verb and the rest of the sentence.
 */
final class ReportedSpeech extends TokenStatementRule {

    /** Verbs whose surface frame "X said ..." is trusted when the parse is not. */
    private static final Set<String> SURFACE_VERBS = Set.of("say", "tell", "add", "claim", "insist", "warn", "argue");
    /** Attachments that mean the parser found the verb's clause: then the parse is trusted. */
    private static final Set<String> PARSED_CLAUSE = Set.of("root", "ccomp", "conj", "parataxis", "advcl");
    /** The rank of the rule among those that may fire on the same token. */
    static final int RANK = 0;

    private final Lexicon lexicon;
    private final SpeechContent content;

    ReportedSpeech(Lexicon lexicon) {
        super(RANK);
        this.lexicon = lexicon;
        this.content = new SpeechContent(lexicon);
    }

    @Override
    Optional<StatementFact> find(AnnotatedDocument doc, Sentence s, Token v, AgentResolver agents) {
        return SpeechVerbs.isSpeechVerb(v, lexicon) && !Quotes.insideQuote(doc, v.begin()) ? reported(doc, s, v.index(), agents) : Optional.empty();
    }

    private Optional<StatementFact> reported(AnnotatedDocument doc, Sentence s, int verb, AgentResolver agents) {
        Optional<Entity> speaker = SpeechVerbs.speakerOf(s, verb, agents);
        if (speaker.isEmpty() || !content.hasFrame(s, verb)) {
            return surfaceFrame(doc, s, verb, agents);
        }
        return content.of(doc, s, verb).map(c -> new StatementFact(speaker.get(), c.text(), false,
                s.token(verb).lemma().toLowerCase(), new Evidence(c.begin(), c.end(), s.text()), 0.8));
    }

    /**
     * "X said the plan would fail." read from the words alone, for when the parser lost the
     * frame: a name or pronoun right before the verb, what was said after it to the sentence end.
     */
    private Optional<StatementFact> surfaceFrame(AnnotatedDocument doc, Sentence s, int verb, AgentResolver agents) {
        if (verb == 0 || verb + 1 >= s.tokens().size() || !SURFACE_VERBS.contains(s.token(verb).lemma().toLowerCase())) {
            return Optional.empty();
        }
        Optional<Dependency> edge = s.headEdge(verb);
        if (edge.isPresent() && PARSED_CLAUSE.contains(edge.get().relation())) {
            return Optional.empty(); // the parse holds: trust it
        }
        Optional<Entity> speaker = agents.resolve(s, verb - 1).filter(e -> e.kind() != EntityKind.PLACE);
        if (speaker.isEmpty()) {
            return Optional.empty();
        }
        int start = ContentSpans.skipLeading(s, verb + 1, s.tokens().size());
        int end = ContentSpans.trimTrailing(s, start, s.tokens().size());
        if (!ContentSpans.longEnough(start, end) || Quotes.overlapsQuote(doc, s.token(start).begin(), s.token(end - 1).end())) {
            return Optional.empty();
        }
        return Optional.of(new StatementFact(speaker.get(), s.textOf(start, end), false,
                s.token(verb).lemma().toLowerCase(), new Evidence(s.token(start).begin(), s.token(end - 1).end(), s.text()), 0.6));
    }
}
