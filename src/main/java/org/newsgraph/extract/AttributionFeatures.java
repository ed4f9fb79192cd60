package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.Dependency;
import org.newsgraph.nlp.Sentence;
import org.newsgraph.nlp.Token;

/**
 * The features the learned attribution model weighs: of a token as a cue, of a span as what a
 * cue reports, of a token as who it is attributed to. Words, lemmas, parts of speech, named-entity
 * classes, dependency relations and paths, and where quotations are; nothing of any one text.
 */
final class AttributionFeatures {

    /** Longer dependency paths between a cue and a source are one feature: they seldom mean anything. */
    private static final int MAX_PATH = 4;
    private static final Set<String> THAT = Set.of("that");

    private AttributionFeatures() {
    }

    /** The features of token {@code i} as the cue of an attribution. */
    static List<String> cue(AnnotatedDocument doc, Sentence s, int i) {
        List<String> f = new ArrayList<>();
        Token t = s.token(i);
        String lemma = lower(t.lemma());
        f.add("bias");
        f.add("l=" + lemma);
        f.add("w=" + lower(t.word()));
        f.add("p=" + t.pos());
        f.add("lp=" + lemma + "|" + t.pos().charAt(0));
        String rel = headRelation(s, i);
        f.add("r=" + rel);
        f.add("lr=" + lemma + "|" + rel);
        s.headEdge(i).filter(d -> d.governor() >= 0).ifPresent(d -> f.add("g=" + lower(s.token(d.governor()).lemma())));
        f.add("pl=" + (i > 0 ? lower(s.token(i - 1).lemma()) : "<s>") + "|" + lemma);
        boolean clause = !s.children(i, "ccomp").isEmpty() || !s.children(i, "xcomp").isEmpty();
        f.add("lclause=" + lemma + "|" + clause);
        for (Dependency d : s.children(i)) {
            String cr = d.relation();
            if (cr.equals("punct")) {
                continue;
            }
            f.add("c=" + cr);
            f.add("lc=" + lemma + "|" + cr);
            Token child = s.token(d.dependent());
            if (cr.startsWith("nsubj")) {
                f.add("subj=" + nominalClass(child));
                f.add("lsubj=" + lemma + "|" + nominalClass(child));
            }
            if (cr.equals("ccomp") && DependencyPaths.hasChildWord(s, d.dependent(), "mark", THAT)) {
                f.add("that");
                f.add("lthat=" + lemma);
            }
            caseWord(s, d.dependent()).ifPresent(c -> f.add("lcase=" + lemma + "|" + cr + "|" + c));
            if (cr.equals("obj") || cr.equals("iobj")) {
                f.add("lobj=" + lemma + "|" + nominalClass(child));
            }
        }
        f.add("pw=" + (i > 0 ? lower(s.token(i - 1).word()) : "<s>"));
        f.add("nw=" + (i + 1 < s.tokens().size() ? lower(s.token(i + 1).word()) : "</s>"));
        f.add("lnw=" + lemma + "|" + (i + 1 < s.tokens().size() ? lower(s.token(i + 1).word()) : "</s>"));
        boolean inQuote = Quotes.insideQuote(doc, t.begin());
        boolean quoteNear = Quotes.overlapsQuote(doc, s.begin(), s.end());
        f.add("q=" + (inQuote ? "in" : quoteNear ? "near" : "none"));
        f.add("lq=" + lemma + "|" + (inQuote ? "in" : quoteNear ? "near" : "none"));
        return f;
    }

    /** The features of {@code span} as what cue {@code cue} reports. */
    static List<String> content(AnnotatedDocument doc, Sentence s, int cue, AttributionCandidates.Span span) {
        List<String> f = new ArrayList<>();
        String lemma = lower(s.token(cue).lemma());
        String length = bucket(span.end() - span.start());
        f.add("bias");
        for (String k : span.kinds()) {
            f.add("k=" + k);
            f.add("lk=" + lemma + "|" + k);
            f.add("klen=" + k + "|" + length);
        }
        String side = span.end() <= cue ? "before" : span.start() > cue ? "after" : "around";
        f.add("n=" + span.kinds().size());
        f.add("kinds=" + String.join("+", new TreeSet<>(span.kinds())));
        f.add("len=" + length);
        f.add("side=" + side);
        f.add("lside=" + lemma + "|" + side);
        String first = lower(s.token(span.start()).word());
        f.add("first=" + first);
        int head = headOf(s, span);
        String spanCase = caseWord(s, head).orElse("-");
        for (String k : span.kinds()) {
            f.add("kfirst=" + k + "|" + first);
            f.add("kcase=" + k + "|" + spanCase);
            f.add("lkcase=" + lemma + "|" + k + "|" + spanCase);
            f.add("khp=" + k + "|" + s.token(head).pos());
        }
        f.add("lsidelen=" + lemma + "|" + side + "|" + length);
        f.add("gap=" + bucket(span.start() > cue ? span.start() - cue - 1 : Math.max(0, cue - span.end())));
        f.add("hp=" + s.token(head).pos());
        f.add("hsubj=" + !s.children(head, "nsubj").isEmpty());
        f.add("eos=" + (span.end() == s.tokens().size() || span.end() + 1 == s.tokens().size()));
        f.add("verb=" + span.hasVerb(s));
        f.add("quoted=" + Quotes.overlapsQuote(doc, s.token(span.start()).begin(), s.token(span.end() - 1).end()));
        f.add("that=" + (span.start() > 0 && s.token(span.start() - 1).word().equalsIgnoreCase("that")));
        return f;
    }

    /** The features of token {@code j} as the head of the source of cue {@code cue}. */
    static List<String> source(AnnotatedDocument doc, Sentence s, int cue, int j) {
        List<String> f = new ArrayList<>();
        String lemma = lower(s.token(cue).lemma());
        Token t = s.token(j);
        String path = path(s, cue, j);
        String kind = nominalClass(t);
        f.add("bias");
        f.add("pa=" + path);
        f.add("lpa=" + lemma + "|" + path);
        f.add("pak=" + path + "|" + kind);
        f.add("k=" + kind);
        f.add("lk=" + lemma + "|" + kind);
        f.add("ne=" + t.ner());
        f.add("inq=" + Quotes.insideQuote(doc, t.begin()));
        f.add("side=" + (j < cue ? "before" : "after"));
        f.add("dist=" + bucket(Math.abs(j - cue)));
        f.add("r=" + headRelation(s, j));
        f.add("w=" + lower(t.word()));
        caseWord(s, j).ifPresent(c -> f.add("case=" + c));
        return f;
    }

    /** The dependency path from {@code from} up to the common ancestor and down to {@code to}: "^ccomp vnsubj". */
    static String path(Sentence s, int from, int to) {
        List<Integer> upFrom = ancestors(s, from);
        List<Integer> upTo = ancestors(s, to);
        int common = -1;
        for (int a : upFrom) {
            if (upTo.contains(a)) {
                common = a;
                break;
            }
        }
        if (common < 0) {
            return "none";
        }
        List<String> steps = new ArrayList<>();
        for (int k = 0; upFrom.get(k) != common; k++) {
            steps.add("^" + headRelation(s, upFrom.get(k)));
        }
        List<String> down = new ArrayList<>();
        for (int k = 0; upTo.get(k) != common; k++) {
            down.add(0, "v" + headRelation(s, upTo.get(k)));
        }
        steps.addAll(down);
        return steps.size() > MAX_PATH ? "far" : String.join(" ", steps);
    }

    private static List<Integer> ancestors(Sentence s, int token) {
        List<Integer> out = new ArrayList<>();
        int at = token;
        for (int guard = 0; at >= 0 && guard <= s.tokens().size(); guard++) {
            out.add(at);
            at = s.headEdge(at).map(Dependency::governor).orElse(-1);
        }
        return out;
    }

    /** The token of the span whose head lies outside it (the first such). */
    static int headOf(Sentence s, AttributionCandidates.Span span) {
        for (int k = span.start(); k < span.end(); k++) {
            int gov = s.headEdge(k).map(Dependency::governor).orElse(-1);
            if (!span.contains(gov)) {
                return k;
            }
        }
        return span.start();
    }

    private static String headRelation(Sentence s, int i) {
        return s.headEdge(i).map(Dependency::relation).orElse("root");
    }

    private static Optional<String> caseWord(Sentence s, int i) {
        for (Dependency d : s.children(i)) {
            if (d.relation().equals("case")) {
                return Optional.of(lower(s.token(d.dependent()).word()));
            }
        }
        return Optional.empty();
    }

    private static String nominalClass(Token t) {
        if (t.isPronoun() || t.pos().equals("WP")) {
            return "pron:" + lower(t.word());
        }
        if (!t.ner().equals("O")) {
            return "ne:" + t.ner();
        }
        return t.isProperNoun() ? "proper" : t.isNoun() ? "noun" : "other";
    }

    private static String bucket(int n) {
        return n <= 2 ? String.valueOf(n) : n <= 5 ? "3-5" : n <= 10 ? "6-10" : n <= 20 ? "11-20" : "21+";
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
