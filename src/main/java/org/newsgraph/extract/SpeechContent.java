package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.Dependency;
import org.newsgraph.nlp.Sentence;

/**
 * What a speech verb reports, from its dependency frame: the that-clause or infinitive it
 * governs ("claimed that ...", "urged members to ..."), its object where the lexicon marks the
 * verb as one whose object is what was said ("denied the claims"), a clause after it in
 * parataxis, or the clause before it ("The plan will fail, he said.").
 */
final class SpeechContent {

    private static final Set<String> CONTENT = Set.of("ccomp", "xcomp");
    /** Prepositions by which an object-speech verb gives its grounds after the object ("for", "of", "over"). */
    private static final Set<String> GROUNDS = Set.of("for", "of", "over");

    private final Lexicon lexicon;

    SpeechContent(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** What a speech verb reports, as written, and where. */
    record Content(String text, int begin, int end) {
    }

    /** Whether the parse gives the verb something it reports: a clause or object it governs, or the clause before it. */
    boolean hasFrame(Sentence s, int verb) {
        return !contentHeads(s, verb).isEmpty() || reportsClauseBefore(s, verb);
    }

    /**
     * What the speech verb reports: the clauses or object it governs, else the clause before it;
     * nothing when that is too short, or a quotation already taken with its own text.
     */
    Optional<Content> of(AnnotatedDocument doc, Sentence s, int verb) {
        List<Integer> content = contentHeads(s, verb);
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
        } else if (reportsClauseBefore(s, verb)) {
            start = 0;
            end = s.subtreeExtent(verb)[0];
        } else {
            return Optional.empty();
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
        return Optional.of(new Content(Quotes.balanceQuotes(s.textOf(start, end)), begin, finish));
    }

    /** The heads of what the verb reports among its dependents. */
    private List<Integer> contentHeads(Sentence s, int verb) {
        List<Integer> content = new ArrayList<>();
        boolean infinitive = !s.children(verb, "xcomp").isEmpty();
        for (Dependency d : s.children(verb)) {
            String rel = d.relation();
            boolean clauseAfter = rel.equals("parataxis") && d.dependent() > verb
                    && !s.children(d.dependent(), "nsubj").isEmpty();
            if (CONTENT.contains(rel) || clauseAfter || rel.equals("obj") && (infinitive || objectSpeech(s, verb))) {
                content.add(d.dependent());
            }
            boolean grounds = (rel.equals("obl") || rel.equals("advcl"))
                    && (DependencyPaths.hasChildWord(s, d.dependent(), "case", GROUNDS)
                    || DependencyPaths.hasChildWord(s, d.dependent(), "mark", GROUNDS));
            if (grounds && objectSpeech(s, verb) && !content.isEmpty() && d.dependent() > content.get(content.size() - 1)) {
                content.add(d.dependent()); // "criticised the mayor for neglecting ...": what for is part of it
            }
            if (rel.equals("advcl") && objectSpeech(s, verb) && !content.isEmpty()
                    && lexicon.speechVerbs().contains(s.token(d.dependent()).lemma().toLowerCase())) {
                content.add(d.dependent()); // "denied the reports ..., calling them ..."
            }
        }
        return content;
    }

    /**
     * "The plan will fail, he said." The clause before the verb is what was said (the parser
     * hangs such a verb by parataxis, or by a bare dep where it lost its way).
     */
    private static boolean reportsClauseBefore(Sentence s, int verb) {
        return s.headEdge(verb).map(d -> d.relation().equals("parataxis") || d.relation().equals("dep")).orElse(false);
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
