package org.newsgraph.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statements of an article from the candidates of every statement rule: the same speaker
 * and text once, as the first in text order found it (a quote before reported speech, and at
 * one token the rule of lower rank). Then, when the learned model runs beside the rules, each
 * statement it found whose text the rules' statements do not already cover.
 */
final class StatementMerge implements ExtractionStep {

    private final List<Slot<StatementFact>> sources;

    /** The rules' statements only. */
    StatementMerge() {
        this(List.of(Slots.STATEMENT_CANDIDATES));
    }

    /** The statements of {@code sources}: the first slot's all, each later slot's where the earlier ones leave its text uncovered. */
    StatementMerge(List<Slot<StatementFact>> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no statement candidates to merge");
        }
        this.sources = List.copyOf(sources);
    }

    @Override
    public Set<Slot<?>> requires() {
        return new LinkedHashSet<>(sources);
    }

    @Override
    public Set<Slot<?>> provides() {
        return Set.of(Slots.STATEMENTS);
    }

    @Override
    public void apply(ArticleContext context) {
        Map<String, StatementFact> out = new LinkedHashMap<>();
        for (StatementFact st : context.candidates(sources.get(0))) {
            out.putIfAbsent(st.speaker().key() + "|" + st.text(), st);
        }
        for (Slot<StatementFact> later : sources.subList(1, sources.size())) {
            List<StatementFact> before = new ArrayList<>(out.values());
            for (StatementFact st : context.candidates(later)) {
                if (before.stream().noneMatch(b -> overlaps(b.evidence(), st.evidence()))) {
                    out.putIfAbsent(st.speaker().key() + "|" + st.text(), st);
                }
            }
        }
        context.put(Slots.STATEMENTS, new ArrayList<>(out.values()));
    }

    private static boolean overlaps(Evidence a, Evidence b) {
        return a.begin() < b.end() && b.begin() < a.end();
    }
}
