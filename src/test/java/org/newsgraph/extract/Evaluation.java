package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.Sentence;
import org.newsgraph.nlp.Token;

/**
 * The learned attribution model measured on annotated articles: each decision on its own (cues;
 * what a true cue reports; who a true cue is attributed to) and the whole, an attribution found
 * when its content matches (token F1 at least 0.5, or a piece of it) and its source token lies in
 * the annotated source.
 */
final class Evaluation {

    private final AttributionModel model;
    private int cueTp;
    private int cueFp;
    private int cueFn;
    private int contentRight;
    private int contentReachable;
    private int contentTotal;
    private int sourceRight;
    private int sourceTotal;
    private int predicted;
    private int predictedRight;
    private int gold;
    private int goldFound;
    private final java.util.Map<String, Integer> why = new java.util.TreeMap<>();
    private final java.util.Map<String, Integer> missedCues = new java.util.HashMap<>();

    Evaluation(AttributionModel model) {
        this.model = model;
    }

    void add(PolnearCorpus.Doc d) {
        AnnotatedDocument doc = d.annotated();
        Set<PolnearCorpus.Attribution> found = new HashSet<>();
        gold += d.attributions().size();
        for (Sentence s : doc.sentences()) {
            Map<Integer, List<PolnearCorpus.Attribution>> byCue = TrainAttribution.Gold.byCueHead(s, d.attributions());
            List<LearnedAttribution.Attribution> atts = LearnedAttribution.attributions(model, doc, s);
            Set<Integer> predictedCues = new HashSet<>();
            atts.forEach(a -> predictedCues.add(a.cue()));
            AttributionModel.Scorer cues = model.scorer(AttributionModel.Part.CUE);
            for (Token t : s.tokens()) {
                if (!AttributionCandidates.isCue(t)) {
                    continue;
                }
                boolean said = cues.accepts(cues.probability(AttributionFeatures.cue(doc, s, t.index())));
                boolean truth = byCue.containsKey(t.index());
                cueTp += said && truth ? 1 : 0;
                cueFp += said && !truth ? 1 : 0;
                cueFn += !said && truth ? 1 : 0;
                if (truth) {
                    decisions(doc, s, t.index(), byCue.get(t.index()));
                }
            }
            for (LearnedAttribution.Attribution a : atts) {
                predicted++;
                String text = s.textOf(a.content().start(), a.content().end());
                Token src = s.token(a.source());
                boolean right = false;
                for (PolnearCorpus.Attribution g : d.attributions()) {
                    boolean inSource = g.source().stream().anyMatch(r -> src.begin() >= r.begin() && src.end() <= r.end());
                    if (inSource && TokenOverlap.matches(text, g.contentText())) {
                        right = true;
                        found.add(g);
                    }
                }
                predictedRight += right ? 1 : 0;
            }
        }
        goldFound += found.size();
        for (PolnearCorpus.Attribution g : d.attributions()) {
            if (g.sourceText().matches(".*\\b[A-Z][a-z].*") && !g.sourceText().matches("(?i)(he|she|they|it|we|i|you)")) {
                why.merge(found.contains(g) ? "found" : missReason(doc, g), 1, Integer::sum);
            }
        }
    }

    /** Why the model missed an annotated attribution: the first of its decisions that went wrong. */
    private String missReason(AnnotatedDocument doc, PolnearCorpus.Attribution g) {
        for (Sentence s : doc.sentences()) {
            List<Integer> heads = TrainAttribution.Gold.heads(s, g.cue());
            if (heads.isEmpty()) {
                continue;
            }
            int cue = heads.get(0);
            AttributionModel.Scorer cues = model.scorer(AttributionModel.Part.CUE);
            if (!AttributionCandidates.isCue(s.token(cue))) {
                return "cue not a candidate (" + s.token(cue).pos() + ")";
            }
            if (!cues.accepts(cues.probability(AttributionFeatures.cue(doc, s, cue)))) {
                missedCues.merge(s.token(cue).lemma().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
                return "cue missed";
            }
            boolean reachable = AttributionCandidates.contents(doc, s, cue).stream()
                    .anyMatch(span -> TrainAttribution.Gold.contentMatches(s, span, g));
            Optional<LearnedAttribution.Choice<AttributionCandidates.Span>> chosen = LearnedAttribution.bestContent(model, doc, s, cue);
            if (!reachable) {
                return "content not a candidate";
            }
            AttributionCandidates.Span best = chosen.orElseThrow().value();
            if (!TrainAttribution.Gold.contentMatches(s, best, g)) {
                return "content chosen wrong";
            }
            if (!model.scorer(AttributionModel.Part.CONTENT).accepts(chosen.get().probability())) {
                return "content below threshold";
            }
            if (TrainAttribution.Gold.heads(s, g.source()).isEmpty()) {
                return "source in another sentence";
            }
            if (!LearnedAttribution.reportsSomethingSaid(s, best)) {
                return "content not clausal";
            }
            return "source chosen wrong";
        }
        return "cue not in a sentence";
    }

    private void decisions(AnnotatedDocument doc, Sentence s, int cue, List<PolnearCorpus.Attribution> golds) {
        contentTotal++;
        boolean reachable = AttributionCandidates.contents(doc, s, cue).stream()
                .anyMatch(span -> golds.stream().anyMatch(g -> TrainAttribution.Gold.contentMatches(s, span, g)));
        contentReachable += reachable ? 1 : 0;
        Optional<LearnedAttribution.Choice<AttributionCandidates.Span>> chosen = LearnedAttribution.bestContent(model, doc, s, cue);
        contentRight += chosen.isPresent() && golds.stream()
                .anyMatch(g -> TrainAttribution.Gold.contentMatches(s, chosen.get().value(), g)) ? 1 : 0;
        Set<Integer> heads = new HashSet<>();
        golds.forEach(g -> heads.addAll(TrainAttribution.Gold.heads(s, g.source())));
        if (heads.isEmpty() || chosen.isEmpty()) {
            return;
        }
        sourceTotal++;
        sourceRight += LearnedAttribution.bestSource(model, doc, s, cue, chosen.get().value())
                .filter(c -> heads.contains(c.value())).isPresent() ? 1 : 0;
    }

    List<String> lines() {
        List<String> out = new ArrayList<>();
        double p = ratio(cueTp, cueTp + cueFp);
        double r = ratio(cueTp, cueTp + cueFn);
        out.add(String.format("held out: cues P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", p, r, f1(p, r), cueTp, cueFp, cueFn));
        out.add(String.format("held out: content of a true cue right %.3f (%d of %d; a candidate was right for %d)",
                ratio(contentRight, contentTotal), contentRight, contentTotal, contentReachable));
        out.add(String.format("held out: source of a true cue right %.3f (%d of %d with the source in the sentence)",
                ratio(sourceRight, sourceTotal), sourceRight, sourceTotal));
        double pp = ratio(predictedRight, predicted);
        double rr = ratio(goldFound, gold);
        out.add("held out: annotated attributions with a named source, by the first decision that went wrong: " + why);
        out.add("held out: the lemmas of missed cues, most missed first: " + missedCues.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(40).toList());
        out.add(String.format("held out: attributions P %.3f R %.3f F1 %.3f (%d predicted, %d right; %d of %d annotated found)",
                pp, rr, f1(pp, rr), predicted, predictedRight, goldFound, gold));
        return out;
    }

    /** The F1 of whole attributions. */
    double f1() {
        return f1(ratio(predictedRight, predicted), ratio(goldFound, gold));
    }

    void print() {
        lines().forEach(System.out::println);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }

    private static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
