package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.newsgraph.nlp.Dependency;
import org.newsgraph.nlp.Sentence;
import org.newsgraph.nlp.Token;

/**
 * Events named by a noun ("the election", "a rally"), dated by their own time phrase or by the
 * clause they are the subject or object of; a later mention of the same event noun is the same
 * event unless dated otherwise.
 */
final class NominalEvents implements ExtractionStep {

    /** The rank of the rule among those that may fire on the same token. */
    static final int RANK = 1;

    /** How an event noun is an argument of a clause whose date it takes: "the conference starts on Friday". */
    private static final Set<String> CLAUSE_ARGUMENTS = Set.of("nsubj", "obj", "nsubj:pass", "obl");

    private final Lexicon lexicon;

    NominalEvents(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public Set<Slot<?>> requires() {
        return Set.of(Slots.DOCUMENT, Slots.AGENTS, Slots.CLAUSE_DATES);
    }

    @Override
    public Set<Slot<?>> provides() {
        return Set.of(Slots.EVENT_CANDIDATES);
    }

    @Override
    public void apply(ArticleContext context) {
        AgentResolver agents = context.get(Slots.AGENTS);
        ClauseDates dates = context.get(Slots.CLAUSE_DATES);
        Map<String, Set<String>> namedDates = new HashMap<>();
        for (Sentence s : context.get(Slots.DOCUMENT).sentences()) {
            for (Token n : s.tokens()) {
                if (!isNamedEvent(s, n)) {
                    continue;
                }
                EventFact e = nominal(s, n, dates, agents);
                // Later mentions of an event noun are the same event, unless dated otherwise.
                Set<String> seen = namedDates.computeIfAbsent(n.lemma().toLowerCase(Locale.ROOT), k -> new HashSet<>());
                String date = e.date().map(TimeValue::lexical).orElse("");
                if (seen.isEmpty() || !date.isEmpty() && !seen.contains("") && !seen.contains(date)) {
                    context.propose(Slots.EVENT_CANDIDATES, TextOrder.at(s.index(), n.index(), RANK), e);
                }
                seen.add(date);
            }
        }
    }

    /** The sentence's root and the verbs set beside it ("Opening the debate, X said"; the parser may root either). */
    private static List<Integer> mainVerbs(Sentence s) {
        List<Integer> out = new ArrayList<>();
        s.dependencies().stream().filter(d -> d.governor() < 0).forEach(root -> {
            out.add(root.dependent());
            for (Dependency d : s.children(root.dependent())) {
                if (Set.of("parataxis", "conj").contains(d.baseRelation())) {
                    out.add(d.dependent());
                }
            }
        });
        return out;
    }

    /** An event noun heading its own phrase: "the election", not "election campaign". */
    private boolean isNamedEvent(Sentence s, Token n) {
        if (!n.isNoun() || !lexicon.eventNouns().contains(n.lemma().toLowerCase(Locale.ROOT))
                || DateAnchoring.TIME_TYPES.contains(n.ner())) {
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
    private EventFact nominal(Sentence s, Token n, ClauseDates dates, AgentResolver agents) {
        Optional<TimeValue> date = dates.at(s.index(), n.index());
        for (Dependency d : s.children(n.index())) {
            if (date.isEmpty() && d.baseRelation().equals("acl")) {
                date = dates.at(s.index(), d.dependent());
            }
        }
        Optional<Dependency> edge = s.headEdge(n.index());
        // "the conference starts on Friday", "preparing for the election on 4 May": the clause's
        // date is the event's, unless the clause is an event of its own that the date belongs to.
        if (date.isEmpty() && edge.isPresent() && edge.get().governor() >= 0
                && CLAUSE_ARGUMENTS.contains(edge.get().relation())
                && !lexicon.eventTriggers().contains(s.token(edge.get().governor()).lemma().toLowerCase(Locale.ROOT))) {
            date = dates.at(s.index(), edge.get().governor());
        }
        if (date.isEmpty() && !n.pos().equals("NNS")) {
            // "Opening the debate, X said ...": an event of the story its sentence narrates
            for (int verb : mainVerbs(s)) {
                date = date.or(() -> dates.ofNarration(s, verb));
            }
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
}
