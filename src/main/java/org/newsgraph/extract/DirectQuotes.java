package org.newsgraph.extract;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.Quote;
import org.newsgraph.nlp.Sentence;
import org.newsgraph.nlp.Token;

/**
 * Direct quotes: a quotation of five words or more, said by the subject of the speech verb
 * nearest it outside it in the sentences it touches, else by the speaker the quote annotator
 * found further afield (with less confidence).
 */
final class DirectQuotes implements ExtractionStep {

    /** Quotes come before the sentence-by-sentence rules: a quote is taken with its own text first. */
    private static final int PASS = 0;

    private final Lexicon lexicon;

    DirectQuotes(Lexicon lexicon) {
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
        List<Quote> quotes = doc.quotes();
        for (int i = 0; i < quotes.size(); i++) {
            List<Quote> parts = Quotes.splitParagraphs(quotes.get(i));
            for (int p = 0; p < parts.size(); p++) {
                TextOrder at = new TextOrder(PASS, i, p, 0);
                direct(doc, parts.get(p), agents).ifPresent(st -> context.propose(Slots.STATEMENT_CANDIDATES, at, st));
            }
        }
    }

    private Optional<StatementFact> direct(AnnotatedDocument doc, Quote q, AgentResolver agents) {
        if (!Quotes.isQuotation(q)) {
            return Optional.empty(); // a scare quote or a phrase inside reported speech
        }
        String text = Quotes.stripQuotes(q.text());
        // The speech verb nearest the quote, outside it, in the sentences the quote touches.
        Optional<Entity> speaker = Optional.empty();
        String cue = "say";
        int best = Integer.MAX_VALUE;
        for (Sentence s : doc.sentences()) {
            if (s.end() < q.begin() || s.begin() > q.end()) {
                continue;
            }
            for (Token v : s.tokens()) {
                if (!SpeechVerbs.isSpeechVerb(v, lexicon) || v.begin() >= q.begin() && v.end() <= q.end()) {
                    continue;
                }
                int distance = v.begin() < q.begin() ? q.begin() - v.end() : v.begin() - q.end();
                Optional<Entity> who = SpeechVerbs.speakerOf(s, v.index(), agents);
                if (who.isPresent() && distance < best) {
                    best = distance;
                    speaker = who;
                    cue = v.lemma().toLowerCase();
                }
            }
        }
        double confidence = 0.9;
        if (speaker.isEmpty()) {
            // Fall back on CoreNLP's own attribution, which looks further afield.
            confidence = 0.6;
            speaker = q.speakerBegin().flatMap(b -> tokenAt(doc, b).flatMap(t -> agents.resolve(doc.sentence(t.sentence()), t.token())))
                    .or(() -> q.canonical().flatMap(name -> agentByName(agents, doc, name)));
        }
        String sentence = doc.text().substring(Math.max(0, q.begin()), Math.min(doc.text().length(), q.end()));
        String cueVerb = cue;
        double conf = confidence;
        return speaker.map(e -> new StatementFact(e, text, true, cueVerb, new Evidence(q.begin(), q.end(), sentence), conf));
    }

    private static Optional<Entity> agentByName(AgentResolver agents, AnnotatedDocument doc, String name) {
        for (Sentence s : doc.sentences()) {
            int at = s.text().indexOf(name);
            if (at >= 0) {
                for (Token t : s.tokens()) {
                    if (t.begin() - s.begin() == at) {
                        return agents.resolve(s, t.index());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private record Position(int sentence, int token) {
    }

    private static Optional<Position> tokenAt(AnnotatedDocument doc, int offset) {
        for (Sentence s : doc.sentences()) {
            for (Token t : s.tokens()) {
                if (offset >= t.begin() && offset < t.end()) {
                    return Optional.of(new Position(s.index(), t.index()));
                }
            }
        }
        return Optional.empty();
    }
}
