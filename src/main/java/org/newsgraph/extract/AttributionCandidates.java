package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.Dependency;
import org.newsgraph.nlp.Quote;
import org.newsgraph.nlp.Sentence;
import org.newsgraph.nlp.Token;

/**
 * What the learned attribution step chooses among, in one sentence: the tokens that may be an
 * attribution's cue, the spans that may be what a cue reports, and the tokens that may head who
 * it is attributed to. The same candidates are made when the model is trained and when it runs,
 * so that what it learned applies.
 */
final class AttributionCandidates {

    /** Relations by which a cue governs what it reports, or part of it. */
    private static final Set<String> CONTENT_RELATIONS = Set.of("ccomp", "xcomp", "obj", "iobj", "parataxis",
            "advcl", "obl", "nmod", "dep", "csubj", "acl", "conj");
    /** Relations by which a cue hangs on the clause that it reports ("The plan will fail, he said."). */
    private static final Set<String> REPORTED_GOVERNOR = Set.of("parataxis", "dep", "advcl", "ccomp", "conj", "acl:relcl");
    /** Relations of a name's parts to its head: only the head is a candidate source. */
    private static final Set<String> NAME_PARTS = Set.of("compound", "flat", "amod", "det", "case", "punct", "cc");

    private AttributionCandidates() {
    }

    /** A span of a sentence's tokens [start, end) and the ways it was found. */
    record Span(int start, int end, Set<String> kinds) {
        Span {
            kinds = Set.copyOf(kinds);
        }

        boolean contains(int token) {
            return token >= start && token < end;
        }

        /** Whether one of its tokens in {@code s} is a verb. */
        boolean hasVerb(Sentence s) {
            for (int k = start; k < end; k++) {
                if (s.token(k).isVerb()) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Whether a token may be a cue: a verb, a common noun, an adjective, or "according". */
    static boolean isCue(Token t) {
        String p = t.pos();
        return p.startsWith("VB") || p.equals("NN") || p.equals("NNS") || p.startsWith("JJ")
                || t.word().equalsIgnoreCase("according");
    }

    /** The spans that cue {@code cue} may report, without leading "that" and punctuation at either end. */
    static List<Span> contents(AnnotatedDocument doc, Sentence s, int cue) {
        Map<Long, Set<String>> spans = new LinkedHashMap<>();
        for (Dependency d : s.children(cue)) {
            if (CONTENT_RELATIONS.contains(d.baseRelation())) {
                int[] ext = s.subtreeExtent(d.dependent());
                add(spans, s, ext[0], ext[1], d.relation());
            }
        }
        int[] own = s.subtreeExtent(cue);
        add(spans, s, cue + 1, own[1], "right");
        add(spans, s, cue + 1, s.tokens().size(), "to-end");
        Optional<Dependency> up = s.headEdge(cue);
        if (up.isPresent() && up.get().governor() >= 0 && REPORTED_GOVERNOR.contains(up.get().relation())) {
            int[] gov = s.subtreeExtent(up.get().governor());
            if (gov[0] < own[0]) {
                add(spans, s, gov[0], own[0], "before:" + up.get().relation());
            }
        }
        if (own[0] > 0 && cue > 0) {
            add(spans, s, 0, own[0], "sentence-before");
        }
        for (Quote q : doc.quotes()) {
            if (q.begin() >= s.begin() && q.begin() < s.end()) {
                int start = -1;
                int end = -1;
                for (Token t : s.tokens()) {
                    if (t.begin() >= q.begin() && t.end() <= q.end()) {
                        start = start < 0 ? t.index() : start;
                        end = t.index() + 1;
                    }
                }
                if (start >= 0 && !(cue >= start && cue < end)) {
                    add(spans, s, start, end, "quote");
                }
            }
        }
        List<Span> out = new ArrayList<>();
        spans.forEach((key, kinds) -> out.add(new Span((int) (key >> 32), (int) (long) key, kinds)));
        return out;
    }

    private static void add(Map<Long, Set<String>> spans, Sentence s, int start, int end, String kind) {
        int from = ContentSpans.skipLeading(s, start, end);
        int to = ContentSpans.trimTrailing(s, from, end);
        if (to > from) {
            spans.computeIfAbsent(((long) from << 32) | to, k -> new LinkedHashSet<>()).add(kind);
        }
    }

    /** The tokens that may head the source of cue {@code cue}: the heads of nominals and pronouns, other than the cue. */
    static List<Integer> sources(Sentence s, int cue) {
        List<Integer> out = new ArrayList<>();
        for (Token t : s.tokens()) {
            if (t.index() == cue || !isNominal(t)) {
                continue;
            }
            String rel = s.headEdge(t.index()).map(Dependency::baseRelation).orElse("root");
            if (!NAME_PARTS.contains(rel)) {
                out.add(t.index());
            }
        }
        return out;
    }

    private static boolean isNominal(Token t) {
        String p = t.pos();
        return p.startsWith("NN") || p.equals("PRP") || p.equals("WP") || p.equals("CD") && !t.ner().equals("O");
    }
}
