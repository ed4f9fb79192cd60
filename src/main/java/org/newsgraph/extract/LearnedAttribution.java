package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    /** The candidate a scorer rated best, and its probability. */
    record Choice<T>(T value, double probability) {
    }

    /** The attributions the model finds in sentence {@code s}, in the order of their cues. */
    static List<Attribution> attributions(AttributionModel model, AnnotatedDocument doc, Sentence s) {
        List<Attribution> out = new ArrayList<>();
        AttributionModel.Scorer cues = model.scorer(AttributionModel.Part.CUE);
        for (Token t : s.tokens()) {
            if (!AttributionCandidates.isCue(t)) {
                continue;
            }
            int cue = t.index();
            double pCue = cues.probability(AttributionFeatures.cue(doc, s, cue));
            if (!cues.accepts(pCue)) {
                continue;
            }
            Optional<Choice<AttributionCandidates.Span>> content = bestContent(model, doc, s, cue)
                    .filter(c -> model.scorer(AttributionModel.Part.CONTENT).accepts(c.probability()));
            if (content.isEmpty()) {
                continue;
            }
            AttributionCandidates.Span span = content.get().value();
            bestSource(model, doc, s, cue, span).filter(c -> model.scorer(AttributionModel.Part.SOURCE).accepts(c.probability()))
                    .ifPresent(source -> out.add(new Attribution(cue, span, source.value(),
                            pCue * content.get().probability() * source.probability())));
        }
        return out;
    }

    /** Of the spans cue {@code cue} may report, the one the model rates best. */
    static Optional<Choice<AttributionCandidates.Span>> bestContent(AttributionModel model, AnnotatedDocument doc, Sentence s, int cue) {
        AttributionModel.Scorer contents = model.scorer(AttributionModel.Part.CONTENT);
        Choice<AttributionCandidates.Span> best = null;
        for (AttributionCandidates.Span span : AttributionCandidates.contents(doc, s, cue)) {
            double p = contents.probability(AttributionFeatures.content(doc, s, cue, span));
            if (best == null || p > best.probability()) {
                best = new Choice<>(span, p);
            }
        }
        return Optional.ofNullable(best);
    }

    /** Of the tokens outside {@code content} that may head the source of cue {@code cue}, the one the model rates best. */
    static Optional<Choice<Integer>> bestSource(AttributionModel model, AnnotatedDocument doc, Sentence s, int cue,
                                               AttributionCandidates.Span content) {
        AttributionModel.Scorer sources = model.scorer(AttributionModel.Part.SOURCE);
        Choice<Integer> best = null;
        for (int j : AttributionCandidates.sources(s, cue)) {
            if (content.contains(j)) {
                continue;
            }
            double p = sources.probability(AttributionFeatures.source(doc, s, cue, j));
            if (best == null || p > best.probability()) {
                best = new Choice<>(j, p);
            }
        }
        return Optional.ofNullable(best);
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
        return Optional.of(new StatementFact(speaker.get(), text, direct, s.token(a.cue()).lemma().toLowerCase(Locale.ROOT),
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

    /** A quotation, or a span of three tokens at least with a verb in it: something said, not a thing. */
    static boolean reportsSomethingSaid(Sentence s, AttributionCandidates.Span content) {
        if (content.kinds().contains("quote")) {
            return true;
        }
        return content.hasVerb(s) && ContentSpans.longEnough(content.start(), content.end());
    }
}
