package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.Dependency;
import org.newsgraph.nlp.Quote;
import org.newsgraph.nlp.Sentence;
import org.newsgraph.nlp.Token;

/**
 * Finds who said what: direct quotes attributed through the speech verb beside them, and
 * reported speech from a speech verb with its subject and its that-clause, infinitive or
 * object ("urged members to ...", "claimed that ...", "denied the claims"), and
 * "according to X".
 */
final class StatementExtractor {

    private static final int MIN_QUOTE_WORDS = 5;
    private static final int MIN_REPORTED_TOKENS = 3;
    private static final Set<String> CONTENT = Set.of("ccomp", "xcomp");

    private final Lexicon lexicon;

    StatementExtractor(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    List<StatementFact> extract(AnnotatedDocument doc, AgentResolver agents) {
        Map<String, StatementFact> out = new LinkedHashMap<>();
        for (Quote whole : doc.quotes()) {
            for (Quote q : splitParagraphs(whole)) {
                direct(doc, q, agents).ifPresent(st -> out.putIfAbsent(st.speaker().key() + "|" + st.text(), st));
            }
        }
        for (Sentence s : doc.sentences()) {
            for (Token v : s.tokens()) {
                if (v.isVerb() && lexicon.speechVerbs().contains(v.lemma().toLowerCase()) && !insideQuote(doc, v.begin())) {
                    reported(doc, s, v.index(), agents).ifPresent(st -> out.putIfAbsent(st.speaker().key() + "|" + st.text(), st));
                }
                if (v.isNoun() && lexicon.speechNouns().contains(v.lemma().toLowerCase()) && !insideQuote(doc, v.begin())) {
                    speechNoun(s, v.index(), agents).ifPresent(st -> out.putIfAbsent(st.speaker().key() + "|" + st.text(), st));
                }
                if (v.word().equalsIgnoreCase("according") && v.index() + 1 < s.tokens().size()
                        && s.token(v.index() + 1).word().equalsIgnoreCase("to")) {
                    accordingTo(s, v.index(), agents).ifPresent(st -> out.putIfAbsent(st.speaker().key() + "|" + st.text(), st));
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    private Optional<StatementFact> direct(AnnotatedDocument doc, Quote q, AgentResolver agents) {
        String text = stripQuotes(q.text());
        if (text.split("\\s+").length < MIN_QUOTE_WORDS) {
            return Optional.empty(); // a scare quote or a phrase inside reported speech
        }
        // The speech verb nearest the quote, outside it, in the sentences the quote touches.
        Optional<Entity> speaker = Optional.empty();
        String cue = "say";
        int best = Integer.MAX_VALUE;
        for (Sentence s : doc.sentences()) {
            if (s.end() < q.begin() || s.begin() > q.end()) {
                continue;
            }
            for (Token v : s.tokens()) {
                if (!v.isVerb() || !lexicon.speechVerbs().contains(v.lemma().toLowerCase())
                        || v.begin() >= q.begin() && v.end() <= q.end()) {
                    continue;
                }
                int distance = v.begin() < q.begin() ? q.begin() - v.end() : v.begin() - q.end();
                Optional<Entity> who = subject(s, v.index(), agents);
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
        Optional<Entity> found = speaker;
        String sentence = doc.text().substring(Math.max(0, q.begin()), Math.min(doc.text().length(), q.end()));
        String cueVerb = cue;
        double conf = confidence;
        return found.map(e -> new StatementFact(e, text, true, cueVerb, new Evidence(q.begin(), q.end(), sentence), conf));
    }

    /**
     * A quote that runs over paragraphs opens each with a quotation mark and closes only the
     * last, so the quote annotator sees one quote; each paragraph has its own attribution.
     */
    static List<Quote> splitParagraphs(Quote q) {
        List<Quote> parts = new ArrayList<>();
        Matcher m = REOPENED.matcher(q.text());
        int from = 0;
        while (m.find()) {
            int cut = m.start(1);
            parts.add(new Quote(q.begin() + from, q.begin() + cut, q.text().substring(from, cut).strip(),
                    q.speakerBegin(), q.speakerEnd(), q.speaker(), q.canonical()));
            from = cut;
        }
        if (parts.isEmpty()) {
            return List.of(q);
        }
        parts.add(new Quote(q.begin() + from, q.end(), q.text().substring(from), q.speakerBegin(), q.speakerEnd(),
                q.speaker(), q.canonical()));
        return parts;
    }

    private static final Pattern REOPENED = Pattern.compile("[.!?][\"”]?\\s+([\"“])(?=\\S)");

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

    private Optional<StatementFact> reported(AnnotatedDocument doc, Sentence s, int verb, AgentResolver agents) {
        Optional<Entity> speaker = subject(s, verb, agents);
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
        start = skipLeading(s, start, end);
        end = beforeQuote(doc, s, start, end);
        end = trimTrailing(s, start, end);
        if (end - start < MIN_REPORTED_TOKENS) {
            return Optional.empty();
        }
        int begin = s.token(start).begin();
        int finish = s.token(end - 1).end();
        if (overlapsQuote(doc, begin, finish)) {
            return Optional.empty(); // a direct quote: already taken with its own text
        }
        String text = balanceQuotes(s.textOf(start, end));
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
        if (edge.isPresent() && Set.of("root", "ccomp", "conj", "parataxis", "advcl").contains(edge.get().relation())) {
            return Optional.empty(); // the parse holds: trust it
        }
        Optional<Entity> speaker = agents.resolve(s, verb - 1).filter(e -> e.kind() != EntityKind.PLACE);
        if (speaker.isEmpty()) {
            return Optional.empty();
        }
        int start = skipLeading(s, verb + 1, s.tokens().size());
        int end = trimTrailing(s, start, s.tokens().size());
        if (end - start < MIN_REPORTED_TOKENS || overlapsQuote(doc, s.token(start).begin(), s.token(end - 1).end())) {
            return Optional.empty();
        }
        return Optional.of(new StatementFact(speaker.get(), s.textOf(start, end), false,
                s.token(verb).lemma().toLowerCase(), new Evidence(s.token(start).begin(), s.token(end - 1).end(), s.text()), 0.6));
    }

    private static final Set<String> SURFACE_VERBS = Set.of("say", "tell", "add", "claim", "insist", "warn", "argue");

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
                    && stripQuotes(q.text()).split("\\s+").length >= MIN_QUOTE_WORDS);
            if (opens) {
                return k;
            }
        }
        return end;
    }

    private boolean objectSpeech(Sentence s, int verb) {
        return lexicon.objectSpeech().contains(s.token(verb).lemma().toLowerCase());
    }

    /** The verb's subject, or for a participle clause ("..., dismissing them") its governor's subject. */
    private static Optional<Entity> subject(Sentence s, int verb, AgentResolver agents) {
        for (int subj : s.children(verb, "nsubj")) {
            if (!s.headEdge(subj).map(d -> d.relation().equals("nsubj:pass")).orElse(false)) {
                return agents.resolve(s, subj);
            }
        }
        Optional<Dependency> up = s.headEdge(verb);
        if (up.isPresent() && up.get().governor() >= 0
                && Set.of("advcl", "conj", "xcomp").contains(up.get().relation())) {
            for (int subj : s.children(up.get().governor(), "nsubj")) {
                return agents.resolve(s, subj);
            }
        }
        if (up.isPresent() && up.get().governor() < 0 && s.children(verb, "nsubj:pass").isEmpty()) {
            return agents.recentSubject(s); // "But told reporters: ..." continues the last speaker
        }
        return Optional.empty();
    }

    /** "According to X, ...": X is the speaker, the clause it modifies is what was said. */
    /**
     * "claims from the opposition leader that the plan will fail": a speech noun, its source
     * ("from" or "by" someone) and its content, a clause opened by "that" after the source,
     * which the parser hangs on the noun or on the source's name.
     */
    private static Optional<StatementFact> speechNoun(Sentence s, int noun, AgentResolver agents) {
        for (Dependency d : s.children(noun)) {
            boolean source = d.baseRelation().equals("nmod") && s.children(d.dependent(), "case").stream()
                    .anyMatch(c -> Set.of("from", "by").contains(s.token(c).word().toLowerCase()));
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
                int start = skipLeading(s, that + 1, s.subtreeExtent(clause)[1]);
                int end = trimTrailing(s, start, s.subtreeExtent(clause)[1]);
                if (end - start < MIN_REPORTED_TOKENS) {
                    return Optional.empty();
                }
                return Optional.of(new StatementFact(speaker.get(), s.textOf(start, end), false,
                        s.token(noun).lemma().toLowerCase(), new Evidence(s.token(start).begin(), s.token(end - 1).end(),
                        s.text()), 0.6));
            }
        }
        return Optional.empty();
    }

    private static Optional<StatementFact> accordingTo(Sentence s, int according, AgentResolver agents) {
        int source = according + 2;
        while (source < s.tokens().size() && s.token(source).pos().equals("DT")) {
            source++;
        }
        if (source >= s.tokens().size()) {
            return Optional.empty();
        }
        Optional<Entity> speaker = agents.resolve(s, source);
        Optional<Dependency> edge = s.headEdge(source);
        int sourceHead = source;
        while (edge.isPresent() && edge.get().governor() >= 0 && !s.token(edge.get().governor()).isVerb()
                && edge.get().governor() >= according && edge.get().governor() < according + 8) {
            sourceHead = edge.get().governor();
            edge = s.headEdge(sourceHead);
        }
        if (speaker.isEmpty() || edge.isEmpty() || edge.get().governor() < 0) {
            return Optional.empty();
        }
        int[] sourceExtent = s.subtreeExtent(sourceHead);
        int[] clause = s.subtreeExtent(edge.get().governor());
        int start = clause[0];
        int end = clause[1];
        if (sourceExtent[0] <= start + 1) {
            start = sourceExtent[1];
        } else {
            end = Math.min(end, according);
        }
        start = skipLeading(s, start, end);
        end = trimTrailing(s, start, end);
        if (end - start < MIN_REPORTED_TOKENS) {
            return Optional.empty();
        }
        return Optional.of(new StatementFact(speaker.get(), s.textOf(start, end), false, "according to",
                new Evidence(s.token(start).begin(), s.token(end - 1).end(), s.text()), 0.7));
    }

    private static int skipLeading(Sentence s, int start, int end) {
        while (start < end && (s.token(start).word().equalsIgnoreCase("that") && s.headEdge(start)
                .map(d -> d.relation().equals("mark")).orElse(false) || isPunct(s.token(start)))) {
            start++;
        }
        return start;
    }

    private static int trimTrailing(Sentence s, int start, int end) {
        while (end > start && isPunct(s.token(end - 1))) {
            end--;
        }
        return end;
    }

    private static boolean isPunct(Token t) {
        return t.word().matches("[\\p{Punct}“”‘’«»]+") && !t.word().equals("%");
    }

    private static boolean insideQuote(AnnotatedDocument doc, int offset) {
        return doc.quotes().stream().anyMatch(q -> offset > q.begin() && offset < q.end());
    }

    private static boolean overlapsQuote(AnnotatedDocument doc, int begin, int end) {
        return doc.quotes().stream().anyMatch(q -> begin < q.end() && q.begin() < end
                && stripQuotes(q.text()).split("\\s+").length >= MIN_QUOTE_WORDS);
    }

    /** Reported speech that ends inside a quoted phrase gets its closing mark back. */
    static String balanceQuotes(String text) {
        long straight = text.chars().filter(c -> c == '"').count();
        long open = text.chars().filter(c -> c == '“').count();
        long close = text.chars().filter(c -> c == '”').count();
        if (straight % 2 == 1 && !text.endsWith("\"")) {
            return text + "\"";
        }
        return open > close ? text + "”" : text;
    }

    static String stripQuotes(String quote) {
        return quote.strip().replaceAll("^[\"“”'‘’«»]+|[\"“”'‘’«»]+$", "").strip();
    }
}
