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
 * Attributions found by a learned model (trained on hand-annotated news, see
 * {@code docs/attribution-model.md}): in each sentence, the tokens the model takes for cues,
 * for each the span it takes for what was reported and the token it takes for who reported
 * it, resolved to a person or organization like any rule's speaker.
 */
final class LearnedAttribution implements ExtractionStep {

    /** The rank of the step's candidates at one token (it has one kind). */
    static final int RANK = 0;

    private final AttributionModel model;

    LearnedAttribution(AttributionModel model) {
        this.model = model;
    }

    /** One attribution in a sentence: the cue token, what it reports and the token heading its source. */
    record Attribution(int cue, AttributionCandidates.Span content, int source, double probability) {
    }

    @Override
    public Set<Slot<?>> requires() {
        return Set.of(Slots.DOCUMENT, Slots.AGENTS);
    }

    @Override
    public Set<Slot<?>> provides() {
        return Set.of(Slots.LEARNED_STATEMENT_CANDIDATES);
    }

    @Override
    public void apply(ArticleContext context) {
        AnnotatedDocument doc = context.get(Slots.DOCUMENT);
        AgentResolver agents = context.get(Slots.AGENTS);
        for (Sentence s : doc.sentences()) {
            for (Attribution a : attributions(model, doc, s)) {
                statement(doc, s, a, agents).ifPresent(st -> context.propose(Slots.LEARNED_STATEMENT_CANDIDATES,
                        TextOrder.at(s.index(), a.cue(), RANK), st));
            }
        }
    }

    /** The attributions the model finds in sentence {@code s}, in the order of their cues. */
    static List<Attribution> attributions(AttributionModel model, AnnotatedDocument doc, Sentence s) {
        List<Attribution> out = new ArrayList<>();
        AttributionModel.Scorer cues = model.scorer(AttributionModel.Part.CUE);
        AttributionModel.Scorer contents = model.scorer(AttributionModel.Part.CONTENT);
        AttributionModel.Scorer sources = model.scorer(AttributionModel.Part.SOURCE);
        for (Token t : s.tokens()) {
            if (!AttributionCandidates.isCue(t)) {
                continue;
            }
            int cue = t.index();
            double pCue = cues.probability(AttributionFeatures.cue(doc, s, cue));
            if (!cues.accepts(pCue)) {
                continue;
            }
            AttributionCandidates.Span best = null;
            double pBest = -1;
            for (AttributionCandidates.Span span : AttributionCandidates.contents(doc, s, cue)) {
                double p = contents.probability(AttributionFeatures.content(doc, s, cue, span));
                if (p > pBest) {
                    best = span;
                    pBest = p;
                }
            }
            if (best == null || !contents.accepts(pBest)) {
                continue;
            }
            int source = -1;
            double pSource = -1;
            for (int j : AttributionCandidates.sources(s, cue)) {
                if (best.contains(j)) {
                    continue;
                }
                double p = sources.probability(AttributionFeatures.source(doc, s, cue, j));
                if (p > pSource) {
                    source = j;
                    pSource = p;
                }
            }
            if (source >= 0 && sources.accepts(pSource)) {
                out.add(new Attribution(cue, best, source, pCue * pBest * pSource));
            }
        }
        return out;
    }

    /**
     * The attribution as a statement, when it reports something said: a quotation, or a clause
     * (a verb and three tokens at least). Its annotators also attribute attitudes to things
     * ("criticised the act", "praised her record"), which a statement is not.
     */
    private static Optional<StatementFact> statement(AnnotatedDocument doc, Sentence s, Attribution a, AgentResolver agents) {
        if (!reportsSomethingSaid(s, a.content())) {
            return Optional.empty();
        }
        Optional<Entity> speaker = agents.resolve(s, antecedent(s, a.source())).filter(e -> e.kind() != EntityKind.PLACE);
        if (speaker.isEmpty()) {
            return Optional.empty();
        }
        AttributionCandidates.Span span = a.content();
        int begin = s.token(span.start()).begin();
        int end = s.token(span.end() - 1).end();
        String text = s.textOf(span.start(), span.end());
        boolean direct = span.kinds().contains("quote");
        text = direct ? Quotes.stripQuotes(text) : Quotes.balanceQuotes(text);
        if (text.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new StatementFact(speaker.get(), text, direct, s.token(a.cue()).lemma().toLowerCase(java.util.Locale.ROOT),
                new Evidence(begin, end, s.text()), Math.round(a.probability() * 100) / 100.0));
    }

    /** For the pronoun of a relative clause ("X, who said ..."), the noun the clause modifies; else the token itself. */
    static int antecedent(Sentence s, int source) {
        if (!s.token(source).pos().startsWith("W")) {
            return source;
        }
        int clause = s.headEdge(source).map(Dependency::governor).orElse(-1);
        return clause < 0 ? source : s.headEdge(clause).filter(d -> d.relation().equals("acl:relcl") && d.governor() >= 0)
                .map(Dependency::governor).orElse(source);
    }

    static boolean reportsSomethingSaid(Sentence s, AttributionCandidates.Span content) {
        if (content.kinds().contains("quote")) {
            return true;
        }
        boolean verb = false;
        for (int k = content.start(); k < content.end(); k++) {
            verb |= s.token(k).isVerb();
        }
        return verb && ContentSpans.longEnough(content.start(), content.end());
    }
}
