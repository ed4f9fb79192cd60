package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.List;
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
final class ReportedSpeech implements ExtractionStep {

    private static final Set<String> CONTENT = Set.of("ccomp", "xcomp");
    /** Verbs whose surface frame "X said ..." is trusted when the parse is not. */
    private static final Set<String> SURFACE_VERBS = Set.of("say", "tell", "add", "claim", "insist", "warn", "argue");
    /** Attachments that mean the parser found the verb's clause: then the parse is trusted. */
    private static final Set<String> PARSED_CLAUSE = Set.of("root", "ccomp", "conj", "parataxis", "advcl");
    /** The rank of the rule among those that may fire on the same token. */
    static final int RANK = 0;

    private final Lexicon lexicon;

    ReportedSpeech(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public Set<Slot<?>> requires() {
        return Set.of(Slots.DOCUMENT, Slots.AGENTS);
    }

    @Override
    public Set<Slot<?>> provides() {
        return Set.of(Slots.STATEMENT_CANDIDATES);
    }

    @Override
    public void apply(ArticleContext context) {
        AnnotatedDocument doc = context.get(Slots.DOCUMENT);
        AgentResolver agents = context.get(Slots.AGENTS);
        for (Sentence s : doc.sentences()) {
            for (Token v : s.tokens()) {
                if (SpeechVerbs.isSpeechVerb(v, lexicon) && !Quotes.insideQuote(doc, v.begin())) {
                    reported(doc, s, v.index(), agents).ifPresent(st -> context.propose(Slots.STATEMENT_CANDIDATES,
                            TextOrder.at(s.index(), v.index(), RANK), st));
                }
            }
        }
    }

    private Optional<StatementFact> reported(AnnotatedDocument doc, Sentence s, int verb, AgentResolver agents) {
        Optional<Entity> speaker = SpeechVerbs.speakerOf(s, verb, agents);
        if (speaker.isEmpty()) {
            return surfaceFrame(doc, s, verb, agents);
        }
        List<Integer> content = new ArrayList<>();
        boolean infinitive = !s.children(verb, "xcomp").isEmpty();
        for (Dependency d : s.children(verb)) {
            String rel = d.relation();
            boolean clauseAfter = rel.equals("parataxis") && d.dependent() > verb
                    && !s.children(d.dependent(), "nsubj").isEmpty();
            if (CONTENT.contains(rel) || clauseAfter || rel.equals("obj") && (infinitive || objectSpeech(s, verb))) {
                content.add(d.dependent());
            }
            if (rel.equals("advcl") && objectSpeech(s, verb) && !content.isEmpty()
                    && lexicon.speechVerbs().contains(s.token(d.dependent()).lemma().toLowerCase())) {
                content.add(d.dependent()); // "refuted claims ..., dismissing them as ..."
            }
        }
        int start;
        int end;
        if (!content.isEmpty()) {
            start = Integer.MAX_VALUE;
            end = -1;
            for (int c : content) {
                int[] ext = s.subtreeExtent(c);
                start = Math.min(start, ext[0]);
                end = Math.max(end, ext[1]);
            }
            start = Math.max(start, verb + 1);
        } else if (s.headEdge(verb).map(d -> d.relation().equals("parataxis") || d.relation().equals("dep")).orElse(false)) {
            // "The plan will fail, he said." The clause before the verb is what was said (the
            // parser hangs such a verb by parataxis, or by a bare dep where it lost its way).
            start = 0;
            end = s.subtreeExtent(verb)[0];
        } else {
            return surfaceFrame(doc, s, verb, agents);
        }
        start = ContentSpans.skipLeading(s, start, end);
        end = beforeQuote(doc, s, start, end);
        end = ContentSpans.trimTrailing(s, start, end);
        if (!ContentSpans.longEnough(start, end)) {
            return Optional.empty();
        }
        int begin = s.token(start).begin();
        int finish = s.token(end - 1).end();
        if (Quotes.overlapsQuote(doc, begin, finish)) {
            return Optional.empty(); // a direct quote: already taken with its own text
        }
        String text = Quotes.balanceQuotes(s.textOf(start, end));
        return Optional.of(new StatementFact(speaker.get(), text, false, s.token(verb).lemma().toLowerCase(),
                new Evidence(begin, finish, s.text()), 0.8));
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

    /**
     * "He said X was intact: "..."": reported speech ends where a colon opens a quote; a quote
     * inside the clause ("were not "providing ..." and ...") stays part of it.
     */
    private static int beforeQuote(AnnotatedDocument doc, Sentence s, int start, int end) {
        int from = s.token(start).begin();
        for (int k = start + 1; k < end; k++) {
            int at = s.token(k).begin();
            // only a real quote ends it: a quoted phrase ("drain the swamp") is part of the report
            boolean afterColon = s.token(k - 1).word().equals(":");
            boolean opens = afterColon && doc.quotes().stream().anyMatch(q -> q.begin() == at && q.begin() > from
                    && Quotes.isQuotation(q));
            if (opens) {
                return k;
            }
        }
        return end;
    }

    private boolean objectSpeech(Sentence s, int verb) {
        return lexicon.objectSpeech().contains(s.token(verb).lemma().toLowerCase());
    }
}
