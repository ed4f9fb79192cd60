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
 * Events told by a verb: a clause whose verb is a political-event trigger, that the text asserts
 * (not negated, not hypothetical, not a modifier such as "protesting workers"), with its
 * participants, its place, and the date of its clause.
 */
final class VerbEvents implements ExtractionStep {

    /** The rank of the rule among those that may fire on the same token. */
    static final int RANK = 0;

    private static final Set<String> NEGATIONS = Set.of("not", "n't", "never", "no");
    private static final Set<String> HYPOTHETICAL_AUX =
            Set.of("would", "could", "might", "should", "may", "can", "'d", "must");
    private static final Set<String> CONDITIONAL_MARKS = Set.of("if", "unless", "whether");
    private static final Set<String> GERUND_AS_NOUN = Set.of("csubj", "nsubj", "obj", "obl", "nmod", "pcomp");

    private final Lexicon lexicon;

    VerbEvents(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public Set<Slot<?>> requires() {
        return Set.of(Slots.DOCUMENT, Slots.ENTITIES, Slots.AGENTS, Slots.CLAUSE_DATES);
    }

    @Override
    public Set<Slot<?>> provides() {
        return Set.of(Slots.EVENT_CANDIDATES);
    }

    @Override
    public void apply(ArticleContext context) {
        EntityIndex index = context.get(Slots.ENTITIES);
        AgentResolver agents = context.get(Slots.AGENTS);
        ClauseDates dates = context.get(Slots.CLAUSE_DATES);
        for (Sentence s : context.get(Slots.DOCUMENT).sentences()) {
            for (Token v : s.tokens()) {
                if (isAssertedEvent(s, v)) {
                    context.propose(Slots.EVENT_CANDIDATES, TextOrder.at(s.index(), v.index(), RANK),
                            event(s, v, index, agents, dates));
                }
            }
        }
    }

    private static EventFact event(Sentence s, Token v, EntityIndex index, AgentResolver agents, ClauseDates dates) {
        Optional<TimeValue> date = dates.ofClause(s, v.index()).or(() -> dates.ofNarration(s, v.index()));
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
        return new EventFact(v.word(), date, participants, place, ev, date.isPresent() ? 0.8 : 0.7);
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
            return false; // "closing the two depots would save money": an idea, not an event
        }
        if (underHypothesis(s, v.index())) {
            return false;
        }
        boolean passiveModifier = edge.get().baseRelation().equals("acl") && v.pos().equals("VBN")
                && s.children(v.index(), "obl").stream().anyMatch(o -> s.children(o, "case").stream()
                        .anyMatch(c -> s.token(c).word().equalsIgnoreCase("by")));
        if (passiveModifier) {
            return true; // "a levy approved by the council"
        }
        // A verb with its own subject is a clause wherever the parser hung it; one without
        // a subject counts only where it shares its governor's ("blocked the bridge to demand a vote").
        boolean ownSubject = !s.children(v.index(), "nsubj").isEmpty() || !s.children(v.index(), "csubj").isEmpty();
        boolean sharedSubject = DependencyPaths.SHARED_CLAUSE.contains(edge.get().relation());
        if (!ownSubject && !sharedSubject) {
            return false;
        }
        if (DependencyPaths.hasChildWord(s, v.index(), "advmod", NEGATIONS)) {
            return false; // (a would or an if of its own is a hypothesis, ruled out above)
        }
        for (int subj : s.children(v.index(), "nsubj")) {
            // "no such step was agreed"
            for (int det : s.children(subj, "det")) {
                if (s.token(det).word().equalsIgnoreCase("no")) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A trigger lemma from the lexicon: "gather" (but "-obj" marks verbs that are events only
     * without an object: "gathered support" is not a gathering), or a verb with its particle
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
        return DependencyPaths.upBy(s, verb, DependencyPaths.SHARED_CLAUSE).stream().anyMatch(v -> hypothetical(s, v));
    }

    /** "would", "might" as its auxiliary, or "if", "unless" as its mark. */
    private static boolean hypothetical(Sentence s, int verb) {
        return DependencyPaths.hasChildWord(s, verb, "aux", HYPOTHETICAL_AUX)
                || DependencyPaths.hasChildWord(s, verb, "mark", CONDITIONAL_MARKS);
    }
}
