package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.newsgraph.nlp.AnnotatedDocument;
import org.newsgraph.nlp.Dependency;
import org.newsgraph.nlp.Mention;
import org.newsgraph.nlp.Sentence;
import org.newsgraph.nlp.Token;

/**
 * Finds events: a clause whose verb is a political-event trigger, that the text asserts
 * (not negated, not hypothetical, not a modifier such as "protesting workers"), with its
 * participants, place, and the date its own time expression gives, resolved against the
 * article date ("on Saturday", "last year"), or the date of the clause it depends on.
 */
final class EventExtractor {

    private static final Set<String> CLAUSE_RELATIONS =
            Set.of("root", "ccomp", "conj", "advcl", "xcomp", "parataxis");
    private static final Set<String> NEGATIONS = Set.of("not", "n't", "never", "no");
    private static final Set<String> HYPOTHETICAL_AUX =
            Set.of("would", "could", "might", "should", "may", "can", "'d", "must");
    private static final Set<String> CONDITIONAL_MARKS = Set.of("if", "unless", "whether");
    private static final Set<String> TIME_TYPES = Set.of("DATE", "TIME");

    private final Lexicon lexicon;

    EventExtractor(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    List<EventFact> extract(AnnotatedDocument doc, EntityIndex index, AgentResolver agents) {
        List<EventFact> out = new ArrayList<>();
        Map<String, Set<String>> namedDates = new HashMap<>();
        for (Sentence s : doc.sentences()) {
            Map<Integer, TimeValue> dates = clauseDates(doc, s);
            Map<Integer, EventFact> events = new HashMap<>();
            for (Token v : s.tokens()) {
                if (isAssertedEvent(s, v)) {
                    Optional<TimeValue> date = dateOf(s, v.index(), dates);
                    List<Entity> participants = new ArrayList<>();
                    Optional<Entity> place = Optional.empty();
                    for (Dependency d : s.children(v.index())) {
                        String rel = d.baseRelation();
                        if (rel.equals("nsubj") || rel.equals("obj")) {
                            agents.resolve(s, d.dependent()).filter(e -> !participants.contains(e)).ifPresent(participants::add);
                        } else if (rel.equals("obl") && place.isEmpty()) {
                            place = index.resolve(s.index(), d.dependent()).filter(e -> e.kind() == EntityKind.PLACE);
                        }
                    }
                    int[] extent = s.subtreeExtent(v.index());
                    Evidence ev = new Evidence(s.token(extent[0]).begin(), s.token(extent[1] - 1).end(), s.text());
                    events.put(v.index(), new EventFact(v.word(), date, participants, place, ev,
                            date.isPresent() ? 0.8 : 0.7));
                }
            }
            for (Token n : s.tokens()) {
                String lemma = n.lemma().toLowerCase(Locale.ROOT);
                if (isNamedEvent(s, n) && !events.containsKey(n.index())) {
                    EventFact e = nominal(s, n, dates, agents);
                    // Later mentions of an event noun are the same event, unless dated otherwise.
                    Set<String> seen = namedDates.computeIfAbsent(lemma, k -> new java.util.HashSet<>());
                    String date = e.date().map(TimeValue::lexical).orElse("");
                    if (seen.isEmpty() || !date.isEmpty() && !seen.contains("") && !seen.contains(date)) {
                        events.put(n.index(), e);
                    }
                    seen.add(date);
                }
            }
            events.keySet().stream().sorted().forEach(i -> out.add(events.get(i)));
        }
        return out;
    }

    /**
     * A trigger lemma from the lexicon: "gather" (but "-obj" marks verbs that are events only
     * without an object: "gathered pace" is not a gathering), or a verb with its particle
     * ("step down", "take up").
     */
    private boolean isTrigger(Sentence s, Token v) {
        String lemma = v.lemma().toLowerCase(Locale.ROOT);
        for (Dependency d : s.children(v.index())) {
            // the tagger reads "down" in "stepped down" as a particle or as an adverb
            boolean particle = d.relation().equals("compound:prt") || d.relation().equals("advmod");
            if (particle && lexicon.eventTriggers().contains(lemma + " " + s.token(d.dependent()).word().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        if (lexicon.eventTriggers().contains(lemma)) {
            return true;
        }
        return lexicon.eventTriggers().contains(lemma + " -obj") && s.children(v.index(), "obj").isEmpty();
    }

    /** A verb inside a would-clause or an if-clause, directly or through the clauses it hangs from. */
    private static boolean underHypothesis(Sentence s, int verb) {
        int v = verb;
        for (int guard = 0; v >= 0 && guard < s.tokens().size(); guard++) {
            for (Dependency d : s.children(v)) {
                String w = s.token(d.dependent()).word().toLowerCase(Locale.ROOT);
                if (d.baseRelation().equals("aux") && HYPOTHETICAL_AUX.contains(w)
                        || d.baseRelation().equals("mark") && CONDITIONAL_MARKS.contains(w)) {
                    return true;
                }
            }
            Optional<Dependency> up = s.headEdge(v);
            if (up.isEmpty() || !Set.of("xcomp", "conj", "advcl").contains(up.get().relation())) {
                return false;
            }
            v = up.get().governor();
        }
        return false;
    }

    private static final Set<String> GERUND_AS_NOUN = Set.of("csubj", "nsubj", "obj", "obl", "nmod", "pcomp");

    /** An event noun heading its own phrase: "the election", not "election campaign". */
    private boolean isNamedEvent(Sentence s, Token n) {
        if (!n.isNoun() || !lexicon.eventNouns().contains(n.lemma().toLowerCase(Locale.ROOT))
                || TIME_TYPES.contains(n.ner())) {
            return false; // "March" the month is no march
        }
        if (n.pos().equals("NNS") && !lexicon.eventNouns().contains(n.word().toLowerCase(Locale.ROOT))
                && s.children(n.index(), "det").isEmpty() && s.children(n.index(), "nmod:poss").isEmpty()) {
            return false; // a bare plural is a kind of event ("rather than demonstrations"), not one
        }
        Optional<Dependency> edge = s.headEdge(n.index());
        if (edge.isEmpty() || edge.get().baseRelation().equals("compound")) {
            return false;
        }
        for (int det : s.children(n.index(), "det")) {
            if (s.token(det).word().equalsIgnoreCase("no")) {
                return false;
            }
        }
        return true;
    }

    /** The event a noun names, dated by its own time phrase or by the clause it is the subject or object of. */
    private EventFact nominal(Sentence s, Token n, Map<Integer, TimeValue> dates, AgentResolver agents) {
        Optional<TimeValue> date = Optional.ofNullable(dates.get(n.index()));
        for (Dependency d : s.children(n.index())) {
            if (date.isEmpty() && d.baseRelation().equals("acl")) {
                date = Optional.ofNullable(dates.get(d.dependent()));
            }
        }
        Optional<Dependency> edge = s.headEdge(n.index());
        // "the conference starts on Friday", "preparing for the election on 4 May": the clause's
        // date is the event's, unless the clause is an event of its own that the date belongs to.
        if (date.isEmpty() && edge.isPresent() && edge.get().governor() >= 0
                && Set.of("nsubj", "obj", "nsubj:pass", "obl").contains(edge.get().relation())
                && !lexicon.eventTriggers().contains(s.token(edge.get().governor()).lemma().toLowerCase(Locale.ROOT))) {
            date = Optional.ofNullable(dates.get(edge.get().governor()));
        }
        List<Entity> participants = new ArrayList<>();
        for (Dependency d : s.children(n.index())) {
            if (d.relation().equals("nmod:poss") || d.baseRelation().equals("nmod")) {
                agents.resolve(s, d.dependent()).filter(e -> !participants.contains(e)).ifPresent(participants::add);
            }
        }
        int[] extent = s.subtreeExtent(n.index());
        Evidence ev = new Evidence(s.token(extent[0]).begin(), s.token(extent[1] - 1).end(), s.text());
        return new EventFact(n.word(), date, participants, Optional.empty(), ev, 0.6);
    }

    private boolean isAssertedEvent(Sentence s, Token v) {
        if (!v.isVerb() || !isTrigger(s, v)) {
            return false;
        }
        Optional<Dependency> edge = s.headEdge(v.index());
        if (edge.isEmpty() || edge.get().baseRelation().equals("amod")) {
            return false; // "protesting workers" describes the workers
        }
        if (v.pos().equals("VBG") && GERUND_AS_NOUN.contains(edge.get().baseRelation())) {
            return false; // "merging the two services might help": an idea, not an event
        }
        if (underHypothesis(s, v.index())) {
            return false;
        }
        boolean passiveModifier = edge.get().baseRelation().equals("acl") && v.pos().equals("VBN")
                && s.children(v.index(), "obl").stream().anyMatch(o -> s.children(o, "case").stream()
                        .anyMatch(c -> s.token(c).word().equalsIgnoreCase("by")));
        if (passiveModifier) {
            return true; // "plans unveiled by the party"
        }
        // A verb with its own subject is a clause wherever the parser hung it; one without
        // a subject counts only where it shares its governor's ("stormed the office to protest").
        boolean ownSubject = !s.children(v.index(), "nsubj").isEmpty() || !s.children(v.index(), "csubj").isEmpty();
        boolean sharedSubject = Set.of("conj", "xcomp", "advcl").contains(edge.get().relation());
        if (!ownSubject && !(sharedSubject && CLAUSE_RELATIONS.contains(edge.get().relation()))) {
            return false;
        }
        for (Dependency d : s.children(v.index())) {
            String w = s.token(d.dependent()).word().toLowerCase(Locale.ROOT);
            if (d.baseRelation().equals("advmod") && NEGATIONS.contains(w)
                    || d.baseRelation().equals("aux") && HYPOTHETICAL_AUX.contains(w)
                    || d.baseRelation().equals("mark") && CONDITIONAL_MARKS.contains(w)) {
                return false;
            }
            if (d.baseRelation().startsWith("nsubj")) {
                // "no such decision was taken"
                for (int det : s.children(d.dependent(), "det")) {
                    if (s.token(det).word().equalsIgnoreCase("no")) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Each time expression of the sentence, keyed by the verb its phrase attaches to. */
    private Map<Integer, TimeValue> clauseDates(AnnotatedDocument doc, Sentence s) {
        Map<Integer, TimeValue> out = new HashMap<>();
        for (Mention m : doc.mentions()) {
            if (m.span().sentence() != s.index() || !TIME_TYPES.contains(m.type())) {
                continue;
            }
            Optional<TimeValue> value = TimeValue.fromTimex(m.normalized());
            if (value.isEmpty()) {
                continue;
            }
            int head = m.span().end() - 1;
            for (int guard = 0; guard < s.tokens().size(); guard++) {
                Optional<Dependency> up = s.headEdge(head);
                if (up.isEmpty() || up.get().governor() < 0) {
                    break;
                }
                head = up.get().governor();
                if (s.token(head).isVerb() || lexicon.eventNouns().contains(s.token(head).lemma().toLowerCase(Locale.ROOT))) {
                    out.putIfAbsent(head, pastWeekday(value.get(), m, s.token(head), doc));
                    break;
                }
            }
        }
        return out;
    }

    /**
     * "was arrested on Saturday" in a Monday paper is the Saturday before, whichever
     * Saturday the time tagger chose: a past-tense verb cannot be dated after publication.
     */
    private static TimeValue pastWeekday(TimeValue value, Mention m, Token verb, AnnotatedDocument doc) {
        boolean past = verb.pos().equals("VBD") || verb.pos().equals("VBN");
        if (!past || value.granularity() != TimeValue.Granularity.DAY || doc.date().isEmpty()
                || !WEEKDAY.matcher(m.text()).find()) {
            return value;
        }
        java.time.LocalDate day = java.time.LocalDate.parse(value.lexical());
        while (day.isAfter(doc.date().get())) {
            day = day.minusWeeks(1);
        }
        return new TimeValue(day.toString(), TimeValue.Granularity.DAY);
    }

    private static final java.util.regex.Pattern WEEKDAY = java.util.regex.Pattern.compile(
            "(?i)\\b(mon|tues|wednes|thurs|fri|satur|sun)day\\b");

    /** The verb's own date, else that of the clause it hangs from ("stormed ... on Saturday to protest"). */
    private static Optional<TimeValue> dateOf(Sentence s, int verb, Map<Integer, TimeValue> dates) {
        int v = verb;
        for (int guard = 0; guard < s.tokens().size(); guard++) {
            TimeValue t = dates.get(v);
            if (t != null) {
                return Optional.of(t);
            }
            Optional<Dependency> up = s.headEdge(v);
            if (up.isEmpty() || up.get().governor() < 0
                    || !Set.of("xcomp", "advcl", "conj").contains(up.get().relation())) {
                return Optional.empty();
            }
            v = up.get().governor();
        }
        return Optional.empty();
    }
}
